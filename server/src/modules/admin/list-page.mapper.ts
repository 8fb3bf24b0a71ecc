import type { RawBuilder, SqlBool } from 'kysely';
import type { Catalog } from '#platform/query/catalog.ts';
import { compileFilter } from '#platform/query/filter.ts';
import { afterCursor, decodeCursor, encodeCursor, parseSort, type SortKey } from '#platform/query/sort.ts';

export type ListPlan = {
  where: RawBuilder<SqlBool> | null;
  after: RawBuilder<SqlBool> | null;
  keys: SortKey[];
  limit: number;
};

export type ListPlanOptions = { filter?: string | undefined; sort?: string | undefined; cursor?: string | undefined; limit: number };

/** Filter, sort and keyset position of a list request, validated against the object's catalog. */
export function planList(query: ListPlanOptions, catalog: Catalog, defaultSort: string): ListPlan {
  const keys = parseSort(query.sort, catalog, defaultSort);
  return {
    where: compileFilter(query.filter, catalog),
    after: query.cursor ? afterCursor(keys, decodeCursor(query.cursor, keys)) : null,
    keys,
    limit: query.limit,
  };
}

/** Repositories fetch limit + 1 rows; the extra row only tells whether another page exists. */
export function toPage<R extends Record<string, unknown>, T>(rows: R[], plan: ListPlan, map: (row: R) => T) {
  const page = rows.slice(0, plan.limit);
  const last = page.at(-1);
  return {
    data: page.map(map),
    nextCursor: rows.length > plan.limit && last ? encodeCursor(last, plan.keys) : null,
  };
}
