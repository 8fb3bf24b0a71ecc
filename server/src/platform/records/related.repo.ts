import { type RawBuilder, sql } from 'kysely';
import type { Tx } from '#db/tx.ts';
import type { RecordTable, Row } from './records.repo.ts';

/** A table whose records other records link to by id and show by name (it has `id` and `name`). */
export type NamedTable = string;

type Named = { related?: Record<string, NamedTable> };
type Names = Map<string, { id: string; name: string }>;

const CUSTOM = 'custom.';

/** The id a row links to through a column, or through a lookup custom field (`custom.<key>`). */
function linkOf(row: Record<string, unknown>, column: string): unknown {
  if (!column.startsWith(CUSTOM)) return row[column];
  const custom = typeof row.custom === 'string' ? JSON.parse(row.custom) : row.custom;
  return (custom as Record<string, unknown> | null)?.[column.slice(CUSTOM.length)];
}

/**
 * SQL for the id a row of `table` links to through `column` (see linkOf). A lookup's text is cast
 * with a guarded plain cast (kehu_uuid is plpgsql, ~10 µs a call; leakiness does not matter for a
 * value of the outer row), inside its own sub-select so it runs once per row, not once per row of
 * the linked table that a small table's sequential scan reads. A value that is not a UUID links to nothing.
 */
const linkExpr = (table: RecordTable, column: string) => {
  if (!column.startsWith(CUSTOM)) return sql.ref(`${table}.${column}`);
  const text = sql`(${sql.ref(`${table}.custom`)}->>${sql.lit(column.slice(CUSTOM.length))})`;
  return sql`(select case when ${text} ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' then ${text}::uuid end)`;
};

/** The ids a row links to through the definition's related columns (not its owner). */
export const relatedIdsOf = (def: Named, row: Record<string, unknown>): string[] =>
  Object.keys(def.related ?? {}).flatMap((column) => {
    const id = linkOf(row, column);
    return typeof id === 'string' ? [id] : [];
  });

const NAME_PREFIX = '_name_';

/**
 * Select-list items that fetch the owner's and each related record's name in the row's own query,
 * as `_name_<column>`: a page then needs no second query (and round trip) for its names.
 */
export function nameColumns(def: Named, table: RecordTable): RawBuilder<unknown>[] {
  const links: [string, NamedTable | 'users'][] = [['owner_id', 'users'], ...Object.entries(def.related ?? {})];
  return links.map(
    ([column, target]) => sql`(select n.name from ${sql.table(target)} n where n.id = ${linkExpr(table, column)}) as ${sql.id(`${NAME_PREFIX}${column}`)}`,
  );
}

/** The names `nameColumns` put in the rows, or null when the rows were read without them. */
export function namesInRows(def: Named, rows: Row[]): Names | null {
  if (!rows.every((row) => `${NAME_PREFIX}owner_id` in row)) return null;
  const names: Names = new Map();
  for (const row of rows)
    for (const column of ['owner_id', ...Object.keys(def.related ?? {})]) {
      const id = linkOf(row, column);
      const name = row[`${NAME_PREFIX}${column}`];
      if (typeof id === 'string' && typeof name === 'string') names.set(id, { id, name });
    }
  return names;
}

type NameSource = NamedTable | 'users';
const ALL_SOURCES: readonly NameSource[] = ['companies', 'contacts', 'users', 'deals', 'leads'];

/** The tables a definition's related columns point to, and `users` when owners are wanted too. */
export const relatedTables = (def: Named, owners: boolean): NameSource[] => [
  ...new Set<NameSource>([...Object.values(def.related ?? {}), ...(owners ? (['users'] as const) : [])]),
];

/**
 * Names of related companies, contacts, deals, leads and users (owners), for `company: {id, name}`
 * embeds, in one query; only `tables` are looked in when the caller knows where the ids point.
 */
export async function loadRelated(tx: Tx, ids: string[], tables: readonly NameSource[] = ALL_SOURCES): Promise<Names> {
  const unique = [...new Set(ids)];
  const map: Names = new Map();
  if (unique.length === 0 || tables.length === 0) return map;
  const list = sql`cast(${unique} as uuid[])`;
  const { rows } = await sql<{ id: string; name: string }>`${sql.join(
    tables.map((table) => sql`select id, name from ${sql.table(table)} where id = any(${list})`),
    sql` union all `,
  )}`.execute(tx);
  for (const r of rows) map.set(r.id, r);
  return map;
}

export async function referencesExist(tx: Tx, table: RecordTable | 'users', id: string): Promise<boolean> {
  return (await referencesExistMany(tx, table, [id])).length > 0;
}

/** The ids of `ids` that exist (live records of a record table; active users), in one query. */
export async function referencesExistMany(tx: Tx, table: RecordTable | 'users', ids: string[]): Promise<string[]> {
  if (!ids.length) return [];
  const live = table === 'users' ? sql`is_active` : sql`deleted_at is null`;
  const { rows } = await sql<{ id: string }>`select id from ${sql.table(table)} where id = any(${sql`cast(${ids} as uuid[])`}) and ${live}`.execute(tx);
  return rows.map((r) => r.id);
}
