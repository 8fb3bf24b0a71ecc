import { api } from '#shared/api/client';
import type { CrmRecord, ListResponse } from '#shared/api/types';
import { formatPersonName } from '#shared/format/format';

export type SearchHit = { kind: 'companies' | 'contacts'; id: string; title: string; subtitle: string };

const toHit = (kind: SearchHit['kind'], r: CrmRecord): SearchHit => ({
  kind,
  id: r.id,
  title: kind === 'contacts' ? formatPersonName(r as Parameters<typeof formatPersonName>[0]) : String(r.name ?? ''),
  subtitle:
    kind === 'contacts'
      ? [(r.company as { name?: string } | null)?.name, r.title].filter(Boolean).join(' · ')
      : [r.industry, (r.address as { city?: string } | null)?.city].filter(Boolean).join(' · '),
});

/** Searches each object the user can read; one failing object does not hide the others. */
export async function searchAll(q: string, kinds: SearchHit['kind'][], signal?: AbortSignal): Promise<SearchHit[]> {
  const lists = await Promise.all(
    kinds.map((kind) =>
      api<ListResponse<CrmRecord>>(`/${kind}`, { query: { q, limit: 6 }, ...(signal ? { signal } : {}) })
        .then((res) => res.data.map((r) => toHit(kind, r)))
        .catch(() => [] as SearchHit[]),
    ),
  );
  return lists.flat();
}
