import { type Selectable, sql } from 'kysely';
import type { ApprovalProcesses } from '#db/schema.ts';
import type { Tx } from '#db/tx.ts';

export type ProcessRow = Selectable<ApprovalProcesses>;

export const listProcesses = (tx: Tx, object?: string) =>
  tx
    .selectFrom('approval_processes')
    .selectAll()
    .$if(!!object, (q) => q.where('object', '=', object as string))
    .orderBy('object')
    .orderBy('position')
    .orderBy('created_at')
    .execute();

export const enabledProcesses = (tx: Tx, object: string) =>
  tx.selectFrom('approval_processes').selectAll().where('object', '=', object).where('enabled', '=', true).orderBy('position').orderBy('created_at').execute();

export const findProcess = (tx: Tx, id: string, lock = false) => {
  const q = tx.selectFrom('approval_processes').selectAll().where('id', '=', id);
  return (lock ? q.forUpdate() : q).executeTakeFirst();
};

export const insertProcess = (tx: Tx, values: Record<string, unknown>) =>
  tx
    .insertInto('approval_processes')
    .values(values as never)
    .returningAll()
    .executeTakeFirstOrThrow();

export const updateProcess = (tx: Tx, id: string, values: Record<string, unknown>) =>
  tx
    .updateTable('approval_processes')
    .set({ ...values, updated_at: sql`now()`, version: sql`version + 1` } as never)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();

export const deleteProcess = (tx: Tx, id: string) => tx.deleteFrom('approval_processes').where('id', '=', id).execute();

export async function processUsed(tx: Tx, id: string): Promise<boolean> {
  return !!(await tx.selectFrom('approval_requests').select('id').where('process_id', '=', id).limit(1).executeTakeFirst());
}
