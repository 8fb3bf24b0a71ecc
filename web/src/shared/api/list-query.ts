import type { Filter } from '#shared/filter/filter-types';

export type ListParams = {
  filter?: Filter | null;
  sort?: string;
  limit?: number;
  cursor?: string | null;
  q?: string;
  fields?: string[];
  deleted?: boolean;
};

/** Serialises list parameters to the API's query-string grammar. */
export function toListQuery(p: ListParams): Record<string, string | number | undefined> {
  return {
    filter: p.filter ? JSON.stringify(p.filter) : undefined,
    sort: p.sort || undefined,
    limit: p.limit,
    cursor: p.cursor ?? undefined,
    q: p.q?.trim() || undefined,
    fields: p.fields?.length ? p.fields.join(',') : undefined,
    deleted: p.deleted ? 'true' : undefined,
  };
}
