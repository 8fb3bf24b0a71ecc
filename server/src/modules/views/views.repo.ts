import { sql } from 'kysely';
import type { Tx } from '#db/tx.ts';

export const listViews = (tx: Tx, object: string, userId: string) =>
  tx
    .selectFrom('saved_views')
    .selectAll()
    .where('object', '=', object)
    .where((eb) => eb.or([eb('user_id', '=', userId), eb('shared', '=', true)]))
    .orderBy('name')
    .execute();

export const findView = (tx: Tx, id: string) => tx.selectFrom('saved_views').selectAll().where('id', '=', id).executeTakeFirst();

export const insertView = (tx: Tx, values: Record<string, unknown>) =>
  tx
    .insertInto('saved_views')
    .values(values as never)
    .returningAll()
    .executeTakeFirstOrThrow();

export const updateView = (tx: Tx, id: string, values: Record<string, unknown>) =>
  tx
    .updateTable('saved_views')
    .set({ ...values, version: sql`version + 1`, updated_at: sql`now()` } as never)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();

export const deleteView = (tx: Tx, id: string) => tx.deleteFrom('saved_views').where('id', '=', id).execute();
