import { type RawBuilder, type SqlBool, sql } from 'kysely';
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Tx } from '#db/tx.ts';
import type { PrivacyRetentionPolicies } from '#db/schema.ts';
import type { Row } from '#platform/records/records.repo.ts';
import { TOMBSTONE } from './privacy-requests.rules.ts';
import type { ObjectPlan } from './subject.rules.ts';

export type PolicyRow = Selectable<PrivacyRetentionPolicies>;

export const listPolicies = (tx: Tx) => tx.selectFrom('privacy_retention_policies').selectAll().orderBy('object').orderBy('id').execute();
export const findPolicy = (tx: Tx, id: string) => tx.selectFrom('privacy_retention_policies').selectAll().where('id', '=', id).executeTakeFirst();
export const insertPolicy = (tx: Tx, values: Insertable<PrivacyRetentionPolicies>) =>
  tx.insertInto('privacy_retention_policies').values(values).returningAll().executeTakeFirstOrThrow();
export const updatePolicy = (tx: Tx, o: { id: string; version: number; values: Updateable<PrivacyRetentionPolicies> }) =>
  tx
    .updateTable('privacy_retention_policies')
    .set({ ...o.values, version: o.version + 1, updated_at: new Date() })
    .where('id', '=', o.id)
    .where('version', '=', o.version)
    .returningAll()
    .executeTakeFirst();
export const deletePolicy = (tx: Tx, id: string) => tx.deleteFrom('privacy_retention_policies').where('id', '=', id).executeTakeFirst();
/** The run's report, without a version bump (it is not an edit). */
export const recordRun = (tx: Tx, id: string, result: object) =>
  tx
    .updateTable('privacy_retention_policies')
    .set({ last_run_at: new Date(), last_result: JSON.stringify(result) })
    .where('id', '=', id)
    .execute();

/** Tenants with a policy switched on (the daily job's work list). */
export const tenantsWithPolicies = (tx: Tx) => tx.selectFrom('privacy_retention_policies').select('tenant_id').where('enabled', '=', true).distinct().execute();

/** The record still holds personal data (an anonymised one is not acted on again). */
function holdsPersonal(plan: ObjectPlan): RawBuilder<SqlBool> {
  const parts = plan.personal.map((p) =>
    p.custom
      ? sql<SqlBool>`(custom ? ${p.key})`
      : sql<SqlBool>`(${sql.ref(p.column)} is not null and ${sql.ref(p.column)}::text not in ('[]', '{}', '', ${TOMBSTONE}))`,
  );
  return parts.length ? sql<SqlBool>`(${sql.join(parts, sql` or `)})` : sql<SqlBool>`false`;
}

type Due = { plan: ObjectPlan; column: string; before: Date };

// Only records that still hold personal data: one anonymised (or kept because others point at it) is not acted on again.
const dueWhere = (o: Due) => sql<SqlBool>`${sql.ref(o.column)} < ${o.before} and ${holdsPersonal(o.plan)}`;

/** How many records the policy would act on now, and how many the object has. */
export async function countDue(tx: Tx, o: Due): Promise<{ count: number; total: number }> {
  const { rows } = await sql<{ count: number; total: number }>`
    select count(*) filter (where ${dueWhere(o)})::int as count, count(*)::int as total from ${sql.table(o.plan.table)}`.execute(tx);
  return rows[0] ?? { count: 0, total: 0 };
}

const notIn = (ids: string[]) => (ids.length ? sql<SqlBool>`id <> all(${ids}::uuid[])` : sql<SqlBool>`true`);

/** The next records to act on, oldest first, leaving out `exclude` (records on legal hold). */
export async function dueRows(tx: Tx, o: Due & { limit: number; exclude: string[] }): Promise<Row[]> {
  const { rows } = await sql<Row>`
    select * from ${sql.table(o.plan.table)} where ${dueWhere(o)} and ${notIn(o.exclude)} order by ${sql.ref(o.column)}, id limit ${o.limit}`.execute(tx);
  return rows;
}

/** How many of these records are due (the held records a run skipped). */
export async function countDueAmong(tx: Tx, o: Due & { ids: string[] }): Promise<number> {
  if (!o.ids.length) return 0;
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n from ${sql.table(o.plan.table)} where ${dueWhere(o)} and id = any(${o.ids}::uuid[])`.execute(tx);
  return rows[0]?.n ?? 0;
}

/** Deletes one record; false when another record still points at it (the caller anonymises it instead). */
export async function deleteRecord(tx: Tx, table: string, id: string): Promise<boolean> {
  await sql`savepoint retention_delete`.execute(tx);
  try {
    await sql`delete from ${sql.table(table)} where id = ${id}`.execute(tx);
    await sql`release savepoint retention_delete`.execute(tx);
    return true;
  } catch (e) {
    // 23503: a foreign key still refers to the record (a deal to its contact).
    if ((e as { code?: string }).code !== '23503') throw e;
    await sql`rollback to savepoint retention_delete`.execute(tx);
    return false;
  }
}
