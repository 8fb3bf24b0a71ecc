import { inTenant, inTenantRead, type Tx } from '#db/tx.ts';
import { type Action, requireAccess } from '#platform/access/access.ts';
import type { RequestContext } from '#platform/context.ts';
import type { Deps } from '#platform/deps.ts';
import { recordChange } from '#platform/events/record-change.ts';
import { newId } from '#platform/ids.ts';
import { findSettings } from './deadlines.repo.ts';
import { dueDateOf, subjectOf } from './privacy-requests.rules.ts';
import { privacyErrors } from './privacy.errors.ts';
import { auditView, toPrivacyRequest } from './requests.mapper.ts';
import * as repo from './requests.repo.ts';
import type { TCreatePrivacyRequest, TPrivacyRequest, TUpdatePrivacyRequest } from './requests.schema.ts';

/** The permission key of privacy requests: admins, and roles granted it (a privacy officer). */
export const PRIVACY_OBJECT = 'privacy_request';

export type RequestOptions = { deps: Deps; ctx: RequestContext };

export type RequirePrivacyOptions = { ctx: RequestContext; action: Action };
export const requirePrivacy = ({ ctx, action }: RequirePrivacyOptions) => requireAccess(ctx.access, PRIVACY_OBJECT, action);

export const OPEN_STATUSES = new Set(['received', 'verified']);

/** The request as served, in the caller's transaction; 404 when there is none. */
export async function loadRequest(tx: Tx, id: string): Promise<TPrivacyRequest> {
  const row = await repo.findRequest(tx, id);
  if (!row) throw privacyErrors.requestNotFound();
  return toPrivacyRequest(row);
}

/** Writes a step's change with its audit entry and event (the person left out), refusing a stale version. */
export async function changeRequest(
  tx: Tx,
  o: RequestOptions & { before: TPrivacyRequest; values: Parameters<typeof repo.updateRequest>[1]['values']; action?: string; version?: number | undefined },
): Promise<TPrivacyRequest> {
  if (o.version !== undefined && o.version !== o.before.version) throw privacyErrors.stale(o.version, o.before.version);
  const updated = await repo.updateRequest(tx, { id: o.before.id, version: o.before.version, values: { ...o.values, updated_by: o.ctx.userId } });
  if (!updated) throw privacyErrors.stale(o.before.version, o.before.version + 1);
  const after = await loadRequest(tx, o.before.id);
  await recordChange(tx, o.ctx, {
    action: o.action ?? 'updated',
    objectType: PRIVACY_OBJECT,
    objectId: o.before.id,
    before: auditView(o.before),
    after: auditView(after),
  });
  return after;
}

async function checkHandler(tx: Tx, handlerId: string | null | undefined) {
  if (!handlerId) return;
  const user = await tx.selectFrom('users').select('id').where('id', '=', handlerId).where('is_active', '=', true).executeTakeFirst();
  if (!user) throw privacyErrors.unknownUser();
}

export async function listRequests(o: RequestOptions & { filter: repo.ListFilter }): Promise<TPrivacyRequest[]> {
  requirePrivacy({ ctx: o.ctx, action: 'read' });
  return inTenantRead(o.deps.db.kysely, o.ctx.tenantId, async (tx) => (await repo.listRequests(tx, o.filter)).map((r) => toPrivacyRequest(r)));
}

export async function getRequest(o: RequestOptions & { id: string }): Promise<TPrivacyRequest> {
  requirePrivacy({ ctx: o.ctx, action: 'read' });
  return inTenantRead(o.deps.db.kysely, o.ctx.tenantId, (tx) => loadRequest(tx, o.id));
}

/** Logs a request as received: the deadline follows from the law and the day it arrived. */
export async function createRequest(o: RequestOptions & { input: TCreatePrivacyRequest }): Promise<TPrivacyRequest> {
  requirePrivacy({ ctx: o.ctx, action: 'create' });
  const i = o.input;
  const subject = subjectOf({ email: i.subjectEmail ?? null, phone: i.subjectPhone ?? null });
  const receivedAt = i.receivedAt ? new Date(i.receivedAt) : new Date();
  return inTenant(o.deps.db.kysely, o.ctx.tenantId, async (tx) => {
    await checkHandler(tx, i.handlerId);
    const settings = await findSettings(tx);
    const id = newId();
    await repo.insertRequest(tx, {
      tenant_id: o.ctx.tenantId,
      id,
      kind: i.kind,
      law: i.law,
      locale: i.locale,
      channel: i.channel,
      subject_email: subject.email,
      subject_phone: subject.phone,
      subject_name: i.subjectName || null,
      received_at: receivedAt,
      due_at: dueDateOf(i.law, receivedAt, i.law === 'gdpr' ? settings.gdpr_days : settings.pipl_days),
      handler_id: i.handlerId ?? o.ctx.userId,
      note: i.note ?? null,
      created_by: o.ctx.userId,
      updated_by: o.ctx.userId,
    });
    const created = await loadRequest(tx, id);
    await recordChange(tx, o.ctx, { action: 'created', objectType: PRIVACY_OBJECT, objectId: id, before: null, after: auditView(created) });
    return created;
  });
}

/** Handler, note, deadline, or closing by hand (If-Match the version). */
export async function updateRequest(o: RequestOptions & { id: string; input: TUpdatePrivacyRequest; version?: number | undefined }): Promise<TPrivacyRequest> {
  requirePrivacy({ ctx: o.ctx, action: 'update' });
  return inTenant(o.deps.db.kysely, o.ctx.tenantId, async (tx) => {
    if (!(await repo.lockRequest(tx, o.id))) throw privacyErrors.requestNotFound();
    const before = await loadRequest(tx, o.id);
    if (o.input.status && !OPEN_STATUSES.has(before.status)) throw privacyErrors.closed(before.status);
    await checkHandler(tx, o.input.handlerId);
    const values = {
      ...(o.input.handlerId !== undefined ? { handler_id: o.input.handlerId } : {}),
      ...(o.input.note !== undefined ? { note: o.input.note } : {}),
      ...(o.input.dueAt ? { due_at: new Date(o.input.dueAt) } : {}),
      ...(o.input.status ? { status: o.input.status, completed_at: new Date() } : {}),
    };
    return changeRequest(tx, { ...o, before, values, version: o.version });
  });
}

/** The identity check is done: the request may now be run. */
export async function verifyRequest(o: RequestOptions & { id: string }): Promise<TPrivacyRequest> {
  requirePrivacy({ ctx: o.ctx, action: 'update' });
  return inTenant(o.deps.db.kysely, o.ctx.tenantId, async (tx) => {
    if (!(await repo.lockRequest(tx, o.id))) throw privacyErrors.requestNotFound();
    const before = await loadRequest(tx, o.id);
    if (!OPEN_STATUSES.has(before.status)) throw privacyErrors.closed(before.status);
    if (before.status === 'verified') return before;
    return changeRequest(tx, { ...o, before, action: 'verified', values: { status: 'verified', verified_at: new Date(), verified_by: o.ctx.userId } });
  });
}
