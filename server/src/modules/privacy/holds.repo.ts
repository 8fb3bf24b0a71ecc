import { type Insertable, type Selectable, sql } from 'kysely';
import type { Tx } from '#db/tx.ts';
import type { PrivacyLegalHolds } from '#db/schema.ts';

export type HoldRow = Selectable<PrivacyLegalHolds> & { placed_by_name: string | null; released_by_name: string | null; record_name: string | null };

const selectHolds = (tx: Tx) =>
  tx
    .selectFrom('privacy_legal_holds as h')
    .leftJoin('users as p', 'p.id', 'h.placed_by')
    .leftJoin('users as r', 'r.id', 'h.released_by')
    .leftJoin('contacts as c', (j) => j.onRef('c.id', '=', 'h.record_id').on('h.object', '=', 'contact'))
    .leftJoin('companies as co', (j) => j.onRef('co.id', '=', 'h.record_id').on('h.object', '=', 'company'))
    .leftJoin('privacy_requests as q', 'q.id', 'h.request_id')
    .selectAll('h')
    .select([
      'p.name as placed_by_name',
      'r.name as released_by_name',
      sql<string | null>`coalesce(c.name, co.name, q.subject_email, q.subject_phone)`.as('record_name'),
    ]);

export type HoldFilter = { object?: string | undefined; recordId?: string | undefined; requestId?: string | undefined; active?: boolean | undefined };

/** Active holds first, newest first. */
export async function listHolds(tx: Tx, f: HoldFilter): Promise<HoldRow[]> {
  let q = selectHolds(tx);
  if (f.object) q = q.where('h.object', '=', f.object);
  if (f.recordId) q = q.where('h.record_id', '=', f.recordId);
  if (f.requestId) q = q.where('h.request_id', '=', f.requestId);
  if (f.active) q = q.where('h.released_at', 'is', null);
  return q.orderBy(sql`h.released_at is null`, 'desc').orderBy('h.placed_at', 'desc').orderBy('h.id').limit(1000).execute();
}

export const findHold = (tx: Tx, id: string) => selectHolds(tx).where('h.id', '=', id).executeTakeFirst();

export const insertHold = (tx: Tx, values: Insertable<PrivacyLegalHolds>) => tx.insertInto('privacy_legal_holds').values(values).execute();

/** Null when it was released in between (a second release changes nothing). */
export const releaseHold = (tx: Tx, o: { id: string; userId: string | null; reason: string | null }) =>
  tx
    .updateTable('privacy_legal_holds')
    .set({ released_at: new Date(), released_by: o.userId, release_reason: o.reason })
    .where('id', '=', o.id)
    .where('released_at', 'is', null)
    .returning('id')
    .executeTakeFirst();

/** Active holds on any of the records. */
export const activeRecordHolds = (tx: Tx, ids: string[]) =>
  ids.length ? tx.selectFrom('privacy_legal_holds').selectAll().where('record_id', 'in', ids).where('released_at', 'is', null).execute() : Promise.resolve([]);

/** Active holds on any of the requests. */
export const activeRequestHolds = (tx: Tx, requestIds: string[]) =>
  requestIds.length
    ? tx.selectFrom('privacy_legal_holds').selectAll().where('request_id', 'in', requestIds).where('released_at', 'is', null).execute()
    : Promise.resolve([]);

/** Every active hold of the tenant (retention reads them once per run). */
export const allActiveHolds = (tx: Tx) =>
  tx
    .selectFrom('privacy_legal_holds as h')
    .leftJoin('privacy_requests as q', 'q.id', 'h.request_id')
    .select(['h.id', 'h.record_id', 'h.request_id', 'h.reason', 'q.subject_email', 'q.subject_phone'])
    .where('h.released_at', 'is', null)
    .execute();

/** Whether the record exists (a hold names a real contact or company). */
export const recordExists = async (tx: Tx, table: string, id: string) =>
  !!(await sql<{ id: string }>`select id from ${sql.table(table)} where id = ${id}`.execute(tx)).rows[0];
