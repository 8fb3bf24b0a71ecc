import { type RawBuilder, type Selectable, type SqlBool, sql } from 'kysely';
import type { WorkflowRules, WorkflowRuns, WorkflowWaits } from '#db/schema.ts';
import type { Tx } from '#db/tx.ts';

export type RuleRow = Selectable<WorkflowRules>;
export type RunRow = Selectable<WorkflowRuns>;

export const listRules = (tx: Tx) => tx.selectFrom('workflow_rules').selectAll().orderBy('position').orderBy('created_at').execute();

export const findRule = (tx: Tx, id: string, lock = false) => {
  const q = tx.selectFrom('workflow_rules').selectAll().where('id', '=', id);
  return (lock ? q.forUpdate() : q).executeTakeFirst();
};

/** Enabled rules of an object that a record event of this kind starts, in order. */
export const rulesForEvent = (tx: Tx, object: string, trigger: string) =>
  tx
    .selectFrom('workflow_rules')
    .selectAll()
    .where('object', '=', object)
    .where('enabled', '=', true)
    .where(sql<string>`trigger->>'type'`, '=', trigger)
    .orderBy('position')
    .orderBy('created_at')
    .execute();

export async function nextPosition(tx: Tx): Promise<number> {
  const row = await tx
    .selectFrom('workflow_rules')
    .select((eb) => eb.fn.max('position').as('max'))
    .executeTakeFirst();
  return row?.max === null || row?.max === undefined ? 0 : Number(row.max) + 1;
}

export const insertRule = (tx: Tx, values: Record<string, unknown>) =>
  tx
    .insertInto('workflow_rules')
    .values(values as never)
    .returningAll()
    .executeTakeFirstOrThrow();

export const updateRule = (tx: Tx, id: string, values: Record<string, unknown>) =>
  tx
    .updateTable('workflow_rules')
    .set({ ...values, updated_at: sql`now()`, version: sql`version + 1` } as never)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();

/** The rule behind an inbound webhook URL, of any tenant (the owner role reads across tenants). */
export const ruleByHook = (tx: Tx, hash: string) =>
  tx.selectFrom('workflow_rules').select(['tenant_id', 'id']).where('hook_token_hash', '=', hash).executeTakeFirst();

export const setHookToken = (tx: Tx, id: string, hash: string) =>
  tx.updateTable('workflow_rules').set({ hook_token_hash: hash }).where('id', '=', id).execute();

export const deleteRule = (tx: Tx, id: string) => tx.deleteFrom('workflow_rules').where('id', '=', id).execute();

export const setPosition = (tx: Tx, id: string, position: number) =>
  tx.updateTable('workflow_rules').set({ position, updated_at: sql`now()`, version: sql`version + 1` }).where('id', '=', id).execute();

/** The bookkeeping of time rules; no version bump (it is not an edit). */
export const setRuleClock = (tx: Tx, id: string, values: { next_run_at?: Date | null; scanned_until?: Date | null }) =>
  tx.updateTable('workflow_rules').set(values).where('id', '=', id).execute();

export const tenantSettings = (tx: Tx, tenantId: string) =>
  tx.selectFrom('tenants').select(['timezone', 'locale']).where('id', '=', tenantId).executeTakeFirstOrThrow();

export async function activeUser(tx: Tx, id: string): Promise<boolean> {
  const row = await tx.selectFrom('users').select('id').where('id', '=', id).where('is_active', '=', true).executeTakeFirst();
  return !!row;
}

/** Whether the record satisfies a compiled filter (the list's own grammar and SQL). */
export async function recordMatches(tx: Tx, table: string, id: string, where: RawBuilder<SqlBool>): Promise<boolean> {
  const { rows } = await sql`select 1 from ${sql.table(table)} where id = ${id} and ${where}`.execute(tx);
  return rows.length > 0;
}

/**
 * Claims a firing: the run row, unless (rule, trigger key) already ran. Undefined means a
 * retried delivery or a second scan found it done, and nothing may happen again.
 */
export const claimRun = (tx: Tx, values: Record<string, unknown>) =>
  tx
    .insertInto('workflow_runs')
    .values(values as never)
    .onConflict((oc) => oc.columns(['tenant_id', 'rule_id', 'trigger_key']).doNothing())
    .returning('id')
    .executeTakeFirst();

export const finishRun = (
  tx: Tx,
  id: string,
  values: { status: string; reason: string | null; reason_fields?: string[] | null; actions: string; duration_ms: number },
) => tx.updateTable('workflow_runs').set(values).where('id', '=', id).execute();

export type RunsFilter = {
  ruleId?: string;
  recordId?: string;
  status?: string;
  cursor?: string;
  limit: number;
  /** Only these rules' runs (null: all). */
  ruleIds?: string[] | null;
};

export const listRuns = (tx: Tx, f: RunsFilter) =>
  tx
    .selectFrom('workflow_runs')
    .selectAll()
    .$if(!!f.ruleId, (q) => q.where('rule_id', '=', f.ruleId as string))
    .$if(!!f.ruleIds, (q) => q.where('rule_id', 'in', f.ruleIds?.length ? f.ruleIds : ['00000000-0000-0000-0000-000000000000']))
    .$if(!!f.recordId, (q) => q.where('record_id', '=', f.recordId as string))
    .$if(!!f.status, (q) => q.where('status', '=', f.status as string))
    .$if(!!f.cursor, (q) => q.where('id', '<', f.cursor as string))
    .orderBy('id', 'desc')
    .limit(f.limit + 1)
    .execute();

/** Enabled time rules of every tenant (the owner role reads across tenants). */
export const timeRules = (tx: Tx) =>
  tx
    .selectFrom('workflow_rules')
    .select(['tenant_id', 'id'])
    .where('enabled', '=', true)
    .where(sql<string>`trigger->>'type'`, 'in', ['date', 'schedule'])
    .execute();

/** Records whose fire moment (an expression over the record) fell in (since, until]. */
export async function dueRecords(tx: Tx, o: { table: string; fireAt: RawBuilder<unknown>; since: Date; until: Date; limit: number }) {
  const { rows } = await sql<{ id: string; fire_at: Date }>`select id, fire_at from (
      select id, ${o.fireAt} as fire_at from ${sql.table(o.table)} where deleted_at is null) r
    where fire_at > ${o.since} and fire_at <= ${o.until} order by fire_at, id limit ${o.limit}`.execute(tx);
  return rows;
}

/** Live records matching a filter, in id order from `after` (a schedule tick walks them all). */
export async function recordIds(tx: Tx, o: { table: string; where: RawBuilder<SqlBool> | null; after: string | null; limit: number }) {
  const { rows } = await sql<{ id: string }>`select id from ${sql.table(o.table)} where deleted_at is null
    ${o.where ? sql`and ${o.where}` : sql``} ${o.after ? sql`and id > ${o.after}` : sql``} order by id limit ${o.limit}`.execute(tx);
  return rows.map((r) => r.id);
}

export type WaitRow = Selectable<WorkflowWaits>;

/** A run waiting to go on: the rest of its actions run at `resume_at`. */
export const insertWait = async (tx: Tx, values: Record<string, unknown>) => {
  await tx
    .insertInto('workflow_waits')
    .values(values as never)
    .execute();
};

/** Waits due by `now`, of every tenant (the owner role reads across tenants), oldest first. */
export const dueWaits = (tx: Tx, now: Date, limit: number) =>
  tx
    .selectFrom('workflow_waits')
    .select(['tenant_id', 'id'])
    .where('done_at', 'is', null)
    .where('resume_at', '<=', now)
    .orderBy('resume_at')
    .limit(limit)
    .execute();

/** Takes a due wait for this runner; another runner holding it (or having finished it) gives undefined. */
export const takeWait = (tx: Tx, id: string) =>
  tx.selectFrom('workflow_waits').selectAll().where('id', '=', id).where('done_at', 'is', null).forUpdate().skipLocked().executeTakeFirst();

export const finishWait = (tx: Tx, id: string, at: Date) => tx.updateTable('workflow_waits').set({ done_at: at }).where('id', '=', id).execute();

export const findRun = (tx: Tx, id: string) => tx.selectFrom('workflow_runs').selectAll().where('id', '=', id).executeTakeFirst();
