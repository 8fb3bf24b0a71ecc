import { type RawBuilder, type Selectable, type SqlBool, sql } from 'kysely';
import type { ApprovalRequests, ApprovalTasks } from '#db/schema.ts';
import type { Tx } from '#db/tx.ts';

export type RequestRow = Selectable<ApprovalRequests>;
export type TaskRow = Selectable<ApprovalTasks>;

export const insertRequest = (tx: Tx, values: Record<string, unknown>) =>
  tx
    .insertInto('approval_requests')
    .values(values as never)
    .returningAll()
    .executeTakeFirstOrThrow();

export const updateRequest = (tx: Tx, id: string, values: Record<string, unknown>) =>
  tx
    .updateTable('approval_requests')
    .set({ ...values, version: sql`version + 1` } as never)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();

export const findRequest = (tx: Tx, id: string, lock = false) => {
  const q = tx.selectFrom('approval_requests').selectAll().where('id', '=', id);
  return (lock ? q.forUpdate() : q).executeTakeFirst();
};

export const pendingFor = (tx: Tx, object: string, recordId: string) =>
  tx
    .selectFrom('approval_requests')
    .selectAll()
    .where('object', '=', object)
    .where('record_id', '=', recordId)
    .where('status', '=', 'pending')
    .executeTakeFirst();

export const requestsOfRecord = (tx: Tx, object: string, recordId: string) =>
  tx.selectFrom('approval_requests').selectAll().where('object', '=', object).where('record_id', '=', recordId).orderBy('id', 'desc').limit(50).execute();

export const tasksOf = (tx: Tx, requestIds: readonly string[]) =>
  requestIds.length
    ? tx
        .selectFrom('approval_tasks')
        .selectAll()
        .where('request_id', 'in', [...requestIds])
        .orderBy('step_index')
        .orderBy('id')
        .execute()
    : Promise.resolve([] as TaskRow[]);

export const insertTasks = (tx: Tx, rows: Record<string, unknown>[]) =>
  rows.length
    ? tx
        .insertInto('approval_tasks')
        .values(rows as never)
        .returningAll()
        .execute()
    : Promise.resolve([] as TaskRow[]);

export const setTask = (tx: Tx, id: string, values: { status: string; comment?: string | null; decided_at?: Date | null; due_at?: Date | null }) =>
  tx.updateTable('approval_tasks').set(values).where('id', '=', id).returningAll().executeTakeFirstOrThrow();

/** Ends every open task of a request (the step was decided by someone else, or the request ended). */
export const cancelOpenTasks = (tx: Tx, requestId: string, at: Date) =>
  tx.updateTable('approval_tasks').set({ status: 'cancelled', decided_at: at }).where('request_id', '=', requestId).where('status', '=', 'pending').execute();

/** Pending requests among these records, with the approvers who may still act on their current step. */
export async function lockedRecords(tx: Tx, object: string, ids: readonly string[]) {
  const { rows } = await sql<{ record_id: string; approvers: string[] | null }>`
    select r.record_id, array_agg(t.approver_id) filter (where t.approver_id is not null) as approvers
    from approval_requests r
    left join approval_tasks t on t.tenant_id = r.tenant_id and t.request_id = r.id and t.status = 'pending'
    where r.object = ${object} and r.record_id = any(${sql.val([...ids])}::uuid[]) and r.status = 'pending'
    group by r.record_id`.execute(tx);
  return rows;
}

export type ListFilter = { box: 'inbox' | 'submitted' | 'all'; userId: string | null; status?: string | undefined; cursor?: string | undefined; limit: number };

export function listRequests(tx: Tx, f: ListFilter) {
  let q = tx.selectFrom('approval_requests').selectAll();
  if (f.box === 'inbox')
    q = q.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('approval_tasks as t')
          .select('t.id')
          .whereRef('t.request_id', '=', 'approval_requests.id')
          .where('t.approver_id', '=', f.userId as string)
          .where('t.status', '=', 'pending'),
      ),
    );
  if (f.box === 'submitted') q = q.where('submitted_by', '=', f.userId);
  if (f.status) q = q.where('status', '=', f.status);
  if (f.cursor) q = q.where('id', '<', f.cursor);
  return q
    .orderBy('id', 'desc')
    .limit(f.limit + 1)
    .execute();
}

/** Open tasks past their due time, across tenants (the sweep runs as the owner role). */
export const overdueTasks = (tx: Tx, now: Date, limit: number) =>
  tx
    .selectFrom('approval_tasks')
    .select(['tenant_id', 'request_id'])
    .distinct()
    .where('status', '=', 'pending')
    .where('due_at', '<=', now)
    .limit(limit)
    .execute();

/** Whether the record (still) matches a compiled filter: the list API's own grammar and SQL. */
export async function recordMatches(tx: Tx, table: string, id: string, where: RawBuilder<SqlBool>): Promise<boolean> {
  const { rows } = await sql`select 1 from ${sql.table(table)} where id = ${id} and ${where}`.execute(tx);
  return rows.length > 0;
}
