import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Tx } from '#db/tx.ts';
import type { PrivacyExports, PrivacyRequests } from '#db/schema.ts';

export type RequestRow = Selectable<PrivacyRequests> & {
  handler_name: string | null;
  verified_by_name: string | null;
  export_size: number | null;
  export_created_at: Date | null;
  export_downloaded_at: Date | null;
};

const selectRequests = (tx: Tx) =>
  tx
    .selectFrom('privacy_requests as r')
    .leftJoin('users as h', 'h.id', 'r.handler_id')
    .leftJoin('users as v', 'v.id', 'r.verified_by')
    .leftJoin('privacy_exports as e', 'e.request_id', 'r.id')
    .selectAll('r')
    .select([
      'h.name as handler_name',
      'v.name as verified_by_name',
      'e.size as export_size',
      'e.created_at as export_created_at',
      'e.downloaded_at as export_downloaded_at',
    ]);

export type ListFilter = { status?: string | undefined; kind?: string | undefined; open?: boolean | undefined };

/** The queue: open requests by deadline, the rest newest first. */
export async function listRequests(tx: Tx, f: ListFilter): Promise<RequestRow[]> {
  let q = selectRequests(tx);
  if (f.status) q = q.where('r.status', '=', f.status);
  if (f.kind) q = q.where('r.kind', '=', f.kind);
  if (f.open) q = q.where('r.status', 'in', ['received', 'verified']);
  return q.orderBy('r.due_at').orderBy('r.id').limit(1000).execute();
}

export const findRequest = (tx: Tx, id: string): Promise<RequestRow | undefined> => selectRequests(tx).where('r.id', '=', id).executeTakeFirst();

/** Locks the request row for a step that changes it. */
export const lockRequest = (tx: Tx, id: string) => tx.selectFrom('privacy_requests').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();

export const insertRequest = (tx: Tx, values: Insertable<PrivacyRequests>) => tx.insertInto('privacy_requests').values(values).execute();

/** Null when another write changed the version in between. */
export const updateRequest = (tx: Tx, o: { id: string; version: number; values: Updateable<PrivacyRequests> }) =>
  tx
    .updateTable('privacy_requests')
    .set({ ...o.values, version: o.version + 1, updated_at: new Date() })
    .where('id', '=', o.id)
    .where('version', '=', o.version)
    .returning('id')
    .executeTakeFirst();

/** One package per request: a new export replaces the last. */
export const putExport = (tx: Tx, values: Insertable<PrivacyExports>) =>
  tx
    .insertInto('privacy_exports')
    .values(values)
    .onConflict((oc) =>
      oc.columns(['tenant_id', 'request_id']).doUpdateSet({
        content: values.content ?? null,
        size: values.size,
        created_at: new Date(),
        created_by: values.created_by ?? null,
        downloaded_at: null,
        downloaded_by: null,
      }),
    )
    .execute();

/** Takes the package for its one download: the content goes in the same statement. */
export const takeExport = (tx: Tx, o: { requestId: string; userId: string | null }) =>
  tx
    .updateTable('privacy_exports as e')
    .set({ content: null, downloaded_at: new Date(), downloaded_by: o.userId })
    .from('privacy_exports as old')
    .whereRef('old.tenant_id', '=', 'e.tenant_id')
    .whereRef('old.request_id', '=', 'e.request_id')
    .where('e.request_id', '=', o.requestId)
    .where('e.content', 'is not', null)
    .returning('old.content')
    .executeTakeFirst();

/** Drops every package of the tenant's requests (an erasure leaves no copy of the person's data behind). */
export const dropExports = (tx: Tx, requestIds: string[]) =>
  requestIds.length ? tx.deleteFrom('privacy_exports').where('request_id', 'in', requestIds).execute() : Promise.resolve([]);

/** Other requests about an erased person keep only a masked e-mail and phone, and no name. */
export const maskSubjects = (tx: Tx, o: { ids: string[]; email: string | null; phone: string | null }) =>
  o.ids.length
    ? tx.updateTable('privacy_requests').set({ subject_email: o.email, subject_phone: o.phone, subject_name: null }).where('id', 'in', o.ids).execute()
    : Promise.resolve([]);
