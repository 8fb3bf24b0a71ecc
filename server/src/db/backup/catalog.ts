import { type Kysely, sql } from 'kysely';
import type { DB } from '../schema.ts';

export type CatalogColumn = { name: string; type: string; generated: boolean };
export type CatalogTable = {
  /** `public.users` */
  name: string;
  columns: CatalogColumn[];
  /** Tables this one references (other than itself). */
  references: string[];
  selfReferencing: boolean;
};

// Kysely's own bookkeeping travels in the backup header, not as rows.
const MIGRATION_TABLES = ['kysely_migration', 'kysely_migration_lock'];

type TableRow = { oid: string; name: string };
type ColumnRow = { oid: string; name: string; type: string; generated: boolean };
type ForeignKeyRow = { from: string; to: string };

/** The application's tables in schema public (not partitions, not extension-owned). */
export async function readCatalog(db: Kysely<DB>): Promise<CatalogTable[]> {
  const { rows: tables } = await sql<TableRow>`
    select c.oid::text as oid, 'public.' || c.relname as name
    from pg_class c
    where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p') and not c.relispartition
      and c.relname <> all(${MIGRATION_TABLES}::text[])
      and not exists (select 1 from pg_depend d where d.objid = c.oid and d.deptype = 'e')`.execute(db);
  const oids = tables.map((t) => t.oid);
  const { rows: columns } = await sql<ColumnRow>`
    select a.attrelid::text as oid, a.attname as name, format_type(a.atttypid, a.atttypmod) as type,
      a.attgenerated <> '' as generated
    from pg_attribute a
    where a.attrelid::text = any(${oids}::text[]) and a.attnum > 0 and not a.attisdropped
    order by a.attrelid, a.attnum`.execute(db);
  const { rows: foreignKeys } = await sql<ForeignKeyRow>`
    select 'public.' || f.relname as from, 'public.' || t.relname as to
    from pg_constraint c join pg_class f on f.oid = c.conrelid join pg_class t on t.oid = c.confrelid
    where c.contype = 'f' and c.conrelid::text = any(${oids}::text[])`.execute(db);

  return tables.map(({ oid, name }) => {
    const own = columns.filter((c) => c.oid === oid);
    const targets = foreignKeys.filter((fk) => fk.from === name).map((fk) => fk.to);
    return {
      name,
      columns: own.map((c) => ({ name: c.name, type: c.type, generated: c.generated })),
      references: [...new Set(targets.filter((t) => t !== name))],
      selfReferencing: targets.includes(name),
    };
  });
}

/** Parents before children (Kahn's algorithm, ties by name so backups are reproducible). */
export function foreignKeyOrder(tables: CatalogTable[]): CatalogTable[] {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const pending = new Map(tables.map((t) => [t.name, new Set(t.references.filter((r) => byName.has(r)))]));
  const ordered: CatalogTable[] = [];
  while (pending.size > 0) {
    const ready = [...pending]
      .filter(([, deps]) => deps.size === 0)
      .map(([name]) => name)
      .sort();
    if (ready.length === 0) throw new Error(`Foreign keys form a cycle among ${[...pending.keys()].join(', ')}`);
    for (const name of ready) {
      pending.delete(name);
      for (const deps of pending.values()) deps.delete(name);
      ordered.push(byName.get(name) as CatalogTable);
    }
  }
  return ordered;
}

/** Quotes `schema.table` or a column for SQL text built from catalog names. */
export const quoteName = (name: string) =>
  name
    .split('.')
    .map((part) => `"${part.replaceAll('"', '""')}"`)
    .join('.');
