import { inTenant, inTenantRead, type Tx } from '#db/tx.ts';
import { requireAccess } from '#platform/access/access.ts';
import type { Deps } from '#platform/deps.ts';
import { type RecordChangeOptions, recordChanges } from '#platform/events/record-change.ts';
import { newId } from '#platform/ids.ts';
import { subjectOf } from './privacy-requests.rules.ts';
import { privacyErrors } from './privacy.errors.ts';
import * as repo from './holds.repo.ts';
import { type HOLD_OBJECTS, holdTableOf, type TLegalHold, type TPlaceLegalHold } from './holds.schema.ts';
import { findRequest } from './requests.repo.ts';
import { PRIVACY_OBJECT, type RequestOptions, requirePrivacy } from './requests.service.ts';
import { locateSubject } from './subject.service.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const user = (id: string | null, name: string | null) => (id ? { id, name: name ?? '' } : null);

const toLegalHold = (r: repo.HoldRow): TLegalHold => ({
  id: r.id,
  object: (r.object as TLegalHold['object']) ?? null,
  recordId: r.record_id,
  recordName: r.record_name,
  requestId: r.request_id,
  reason: r.reason,
  active: !r.released_at,
  placedAt: r.placed_at.toISOString(),
  placedBy: user(r.placed_by, r.placed_by_name),
  releasedAt: iso(r.released_at),
  releasedBy: user(r.released_by, r.released_by_name),
  releaseReason: r.release_reason,
});

/** The audit entries of a hold: on the hold, and on what it holds (the record's or the request's history shows it). */
function holdChanges(h: TLegalHold, action: 'placed' | 'released'): RecordChangeOptions[] {
  const view = { reason: h.reason, active: h.active, releaseReason: h.releaseReason };
  const [before, after] = action === 'placed' ? [null, view] : [{ ...view, active: true, releaseReason: null }, view];
  const target = h.requestId ? { objectType: PRIVACY_OBJECT, objectId: h.requestId } : { objectType: h.object as string, objectId: h.recordId as string };
  return [
    { action, objectType: 'legal_hold', objectId: h.id, before, after: { ...after, ...target } },
    { action: `legal_hold_${action}`, objectType: target.objectType, objectId: target.objectId, before: null, after: { holdId: h.id, reason: h.reason } },
  ];
}

export async function listHolds(o: RequestOptions & { filter: repo.HoldFilter }): Promise<TLegalHold[]> {
  requirePrivacy({ ctx: o.ctx, action: 'read' });
  return inTenantRead(o.deps.db.kysely, o.ctx.tenantId, async (tx) => (await repo.listHolds(tx, o.filter)).map(toLegalHold));
}

/** A record's active holds, for anyone who may read the record (its page shows them). */
export async function recordHolds(o: RequestOptions & { object: (typeof HOLD_OBJECTS)[number]; recordId: string }): Promise<TLegalHold[]> {
  requireAccess(o.ctx.access, o.object, 'read');
  return inTenantRead(o.deps.db.kysely, o.ctx.tenantId, async (tx) =>
    (await repo.listHolds(tx, { object: o.object, recordId: o.recordId, active: true })).map(toLegalHold),
  );
}

/** Puts a contact, a company or a request's whole subject on legal hold (a privacy admin, with a reason). */
export async function placeHold(o: RequestOptions & { input: TPlaceLegalHold }): Promise<TLegalHold> {
  requirePrivacy({ ctx: o.ctx, action: 'update' });
  return inTenant(o.deps.db.kysely, o.ctx.tenantId, async (tx) => {
    const i = o.input;
    if (i.requestId) {
      if (!(await findRequest(tx, i.requestId))) throw privacyErrors.holdTarget('requestId');
    } else if (!(i.object && i.recordId && (await repo.recordExists(tx, holdTableOf(i.object), i.recordId)))) throw privacyErrors.holdTarget('recordId');
    const id = newId();
    await repo.insertHold(tx, {
      tenant_id: o.ctx.tenantId,
      id,
      object: i.requestId ? null : (i.object ?? null),
      record_id: i.requestId ? null : (i.recordId ?? null),
      request_id: i.requestId ?? null,
      reason: i.reason,
      placed_by: o.ctx.userId,
    });
    const hold = toLegalHold((await repo.findHold(tx, id)) as repo.HoldRow);
    await recordChanges(tx, o.ctx, holdChanges(hold, 'placed'));
    return hold;
  });
}

/** Releases a hold (audited); the released hold stays as the record of it. */
export async function releaseHold(o: RequestOptions & { id: string; reason?: string | undefined }): Promise<TLegalHold> {
  requirePrivacy({ ctx: o.ctx, action: 'update' });
  return inTenant(o.deps.db.kysely, o.ctx.tenantId, async (tx) => {
    if (!(await repo.findHold(tx, o.id))) throw privacyErrors.holdNotFound();
    if (!(await repo.releaseHold(tx, { id: o.id, userId: o.ctx.userId, reason: o.reason || null }))) throw privacyErrors.holdReleased();
    const hold = toLegalHold((await repo.findHold(tx, o.id)) as repo.HoldRow);
    await recordChanges(tx, o.ctx, holdChanges(hold, 'released'));
    return hold;
  });
}

export type HeldOptions = { tx: Tx; recordIds: string[]; requestIds: string[] };
/** The active holds that keep these records or these requests' subject from erasure. */
export async function holdsOn({ tx, recordIds, requestIds }: HeldOptions) {
  const [records, requests] = await Promise.all([repo.activeRecordHolds(tx, recordIds), repo.activeRequestHolds(tx, requestIds)]);
  return [...records, ...requests];
}

/** Every record a retention run must leave alone: held records, and the records of held requests' subjects. */
export async function heldRecordIds(tx: Tx, deps: Deps): Promise<Set<string>> {
  const held = new Set<string>();
  for (const h of await repo.allActiveHolds(tx)) {
    if (h.record_id) held.add(h.record_id);
    else if (h.subject_email || h.subject_phone) {
      const located = await locateSubject({ tx, deps, subject: subjectOf({ email: h.subject_email, phone: h.subject_phone }) });
      for (const id of located.subjectIds) held.add(id);
    }
  }
  return held;
}
