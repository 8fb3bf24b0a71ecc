import { Readable } from 'node:stream';
import { inTenant } from '#db/tx.ts';
import { writeAudit } from '../audit/audit.ts';
import type { TListQuery } from '../http/list-query.ts';
import type { ListOptions } from './record-list.ts';
import { listVisible } from './record-list.ts';
import type { Versioned } from './record-service.ts';

const MAX_EXPORT_ROWS = 1_000_000;
const PAGE = 500;

const cell = (value: unknown): string => {
  if (value == null) return '';
  if (Array.isArray(value))
    return value
      .map((v) =>
        v && typeof v === 'object'
          ? (Object.values(v).find((x) => typeof x === 'string' && x.includes('@')) ?? (v as { number?: string }).number ?? JSON.stringify(v))
          : String(v),
      )
      .join('; ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
};

/**
 * Streams every record the user may read and export (both scopes, masking applied) page by page
 * through the same list path, and audits the export with its filter and row count.
 */
export async function exportRecords<T extends Versioned>(
  o: Omit<ListOptions<T>, 'query' | 'action'> & { query: Omit<TListQuery, 'cursor' | 'limit'> },
): Promise<Readable> {
  const first = await listVisible({ ...o, action: 'export', query: { ...o.query, limit: PAGE } });
  async function* rows() {
    let page = first;
    let count = 0;
    for (;;) {
      for (const record of page.data) {
        count++;
        const flat = Object.fromEntries(
          Object.entries(record as Record<string, unknown>).flatMap(([k, v]) =>
            k === 'custom' && v && typeof v === 'object' ? Object.entries(v).map(([ck, cv]) => [`custom.${ck}`, cell(cv)]) : [[k, cell(v)]],
          ),
        );
        yield flat;
      }
      if (!page.nextCursor || count >= MAX_EXPORT_ROWS) break;
      page = await listVisible({ ...o, action: 'export', query: { ...o.query, limit: PAGE, cursor: page.nextCursor } });
    }
    await inTenant(o.deps.db.kysely, o.ctx.tenantId, (tx) =>
      writeAudit(tx, o.ctx, {
        action: 'exported',
        objectType: o.def.object,
        objectId: null,
        changes: { rows: { from: null, to: count }, filter: { from: null, to: o.query.filter ?? null } },
      }),
    );
  }
  return Readable.from(rows());
}
