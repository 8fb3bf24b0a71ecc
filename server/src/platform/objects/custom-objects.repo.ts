import { type RawBuilder, sql } from 'kysely';
import type { Tx } from '#db/tx.ts';
export { createRecordTable } from '#db/record-tables.ts';

export type CustomObjectRow = {
  id: string;
  name: string;
  table_name: string;
  label: { zh: string; en: string };
  description: { zh?: string; en?: string };
  created_at: Date;
  updated_at: Date;
  version: number;
};

const COLUMNS = ['id', 'name', 'table_name', 'label', 'description', 'created_at', 'updated_at', 'version'] as const;

export async function listObjects(tx: Tx): Promise<CustomObjectRow[]> {
  return (await tx.selectFrom('custom_objects').select(COLUMNS).where('deleted_at', 'is', null).orderBy('created_at').execute()) as CustomObjectRow[];
}

export async function findObject(tx: Tx, id: string): Promise<CustomObjectRow | undefined> {
  return (await tx.selectFrom('custom_objects').select(COLUMNS).where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst()) as
    | CustomObjectRow
    | undefined;
}

export async function insertObject(
  tx: Tx,
  values: { tenant_id: string; id: string; name: string; table_name: string; label: string; description: string; created_by: string | null },
) {
  return (await tx
    .insertInto('custom_objects')
    .values({ ...values, updated_by: values.created_by })
    .returning(COLUMNS)
    .executeTakeFirstOrThrow()) as CustomObjectRow;
}

export async function updateObject(tx: Tx, o: { id: string; version: number; values: Record<string, unknown> }) {
  return (await tx
    .updateTable('custom_objects')
    .set({ ...o.values, version: sql`version + 1`, updated_at: sql`now()` } as never)
    .where('id', '=', o.id)
    .where('version', '=', o.version)
    .where('deleted_at', 'is', null)
    .returning(COLUMNS)
    .executeTakeFirst()) as CustomObjectRow | undefined;
}

/** A retired object's field definitions and layout go with it, so a new object of the same name starts clean. */
export async function deleteObjectSettings(tx: Tx, object: string): Promise<void> {
  await tx.deleteFrom('custom_field_defs').where('object', '=', object).execute();
  await tx.deleteFrom('object_layouts').where('object', '=', object).execute();
}

export async function nameInUse(tx: Tx, name: string): Promise<boolean> {
  return !!(await tx.selectFrom('custom_objects').select('id').where('name', '=', name).where('deleted_at', 'is', null).executeTakeFirst());
}

export async function countLiveRecords(tx: Tx, table: string): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)} where deleted_at is null`.execute(tx);
  return rows[0]?.n ?? 0;
}

/**
 * One field's indexes on a custom object's table: `expr` is the filter's own expression
 * (catalog.customValueExpr), so plans use it; the list's default order (newest first) follows it,
 * so an equality filter (a related list) reads one page and stops, and a sort by the field needs
 * only an incremental sort on the id. Lists sort nulls last both ways (query/sort.ts), which a
 * backward scan cannot give, so fields usually sorted newest or largest first get a second,
 * descending index.
 */
export async function createFieldIndex(tx: Tx, o: { table: string; key: string; expr: RawBuilder<unknown>; descending: boolean }): Promise<void> {
  const where = sql`where deleted_at is null`;
  await sql`create index if not exists ${sql.id(`${o.table}_f_${o.key}`)} on ${sql.table(o.table)} (tenant_id, ${o.expr}, created_at desc, id desc) ${where}`.execute(
    tx,
  );
  if (o.descending)
    await sql`create index if not exists ${sql.id(`${o.table}_d_${o.key}`)} on ${sql.table(o.table)} (tenant_id, ${o.expr} desc nulls last, created_at desc, id desc) ${where}`.execute(
      tx,
    );
}

export async function dropFieldIndex(tx: Tx, o: { table: string; key: string }): Promise<void> {
  await sql`drop index if exists ${sql.id(`${o.table}_f_${o.key}`)}`.execute(tx);
  await sql`drop index if exists ${sql.id(`${o.table}_d_${o.key}`)}`.execute(tx);
}

/** Tenants with at least one custom object; every tenant's (the relay's system transaction). */
export async function tenantsWithCustomObjects(tx: Tx): Promise<Set<string>> {
  const rows = await tx.selectFrom('custom_objects').select('tenant_id').distinct().where('deleted_at', 'is', null).execute();
  return new Set(rows.map((r) => r.tenant_id));
}
