import { sql } from 'kysely';
import type { Tx } from '#db/tx.ts';

export const DEFAULT_SETTINGS = { pipl_days: 15, gdpr_days: 30, remind_days: 3 };

export const findSettings = async (tx: Tx) =>
  (await tx.selectFrom('privacy_settings').select(['pipl_days', 'gdpr_days', 'remind_days']).executeTakeFirst()) ?? DEFAULT_SETTINGS;

export const putSettings = (tx: Tx, o: { tenantId: string; userId: string | null; values: typeof DEFAULT_SETTINGS }) =>
  tx
    .insertInto('privacy_settings')
    .values({ tenant_id: o.tenantId, ...o.values, updated_by: o.userId })
    .onConflict((oc) => oc.column('tenant_id').doUpdateSet({ ...o.values, updated_by: o.userId, updated_at: new Date() }))
    .execute();

/** Tenants with an open request (the daily deadline job's work list). */
export const tenantsWithOpenRequests = (tx: Tx) =>
  tx.selectFrom('privacy_requests').select('tenant_id').where('status', 'in', ['received', 'verified']).distinct().execute();

/** Open requests due before `until` (overdue ones included), earliest first. */
export const openDueBefore = (tx: Tx, until: Date) =>
  tx
    .selectFrom('privacy_requests')
    .select(['id', 'kind', 'due_at', 'handler_id', 'created_by'])
    .where('status', 'in', ['received', 'verified'])
    .where('due_at', '<', until)
    .orderBy('due_at')
    .execute();

/** The tenant's administrators (an overdue request escalates to them). */
export const adminIds = async (tx: Tx) =>
  (
    await sql<{ user_id: string }>`
      select distinct ur.user_id from user_roles ur join roles r on r.tenant_id = ur.tenant_id and r.id = ur.role_id where r.is_admin`.execute(tx)
  ).rows.map((r) => r.user_id);

/** Claims the day's reminder or escalation of a request; false when this day's was already sent. */
export const claimDay = async (tx: Tx, o: { tenantId: string; requestId: string; kind: string; day: string }) =>
  !!(await tx
    .insertInto('privacy_deadline_notices')
    .values({ tenant_id: o.tenantId, request_id: o.requestId, kind: o.kind, day: o.day })
    .onConflict((oc) => oc.doNothing())
    .returning('request_id')
    .executeTakeFirst());
