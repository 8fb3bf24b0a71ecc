import { inTenant, inTenantRead } from '#db/tx.ts';
import { privacyErrors } from './privacy.errors.ts';
import * as repo from './deadlines.repo.ts';
import type { TExtendPrivacyRequest, TPrivacySettings, TUpdatePrivacySettings } from './deadlines.schema.ts';
import { lockRequest } from './requests.repo.ts';
import type { TPrivacyRequest } from './requests.schema.ts';
import { changeRequest, loadRequest, OPEN_STATUSES, type RequestOptions, requirePrivacy } from './requests.service.ts';

const DAY = 86_400_000;

const toApi = (s: typeof repo.DEFAULT_SETTINGS): TPrivacySettings => ({ piplDays: s.pipl_days, gdprDays: s.gdpr_days, remindDays: s.remind_days });

export async function getPrivacySettings(o: RequestOptions): Promise<TPrivacySettings> {
  requirePrivacy({ ctx: o.ctx, action: 'read' });
  return inTenantRead(o.deps.db.kysely, o.ctx.tenantId, async (tx) => toApi(await repo.findSettings(tx)));
}

/** Changes the deadlines of requests received from now on (logged requests keep theirs). */
export async function updatePrivacySettings(o: RequestOptions & { input: TUpdatePrivacySettings }): Promise<TPrivacySettings> {
  requirePrivacy({ ctx: o.ctx, action: 'update' });
  return inTenant(o.deps.db.kysely, o.ctx.tenantId, async (tx) => {
    const before = await repo.findSettings(tx);
    const i = o.input;
    const values = { pipl_days: i.piplDays ?? before.pipl_days, gdpr_days: i.gdprDays ?? before.gdpr_days, remind_days: i.remindDays ?? before.remind_days };
    await repo.putSettings(tx, { tenantId: o.ctx.tenantId, userId: o.ctx.userId, values });
    return toApi(values);
  });
}

/** Extends an open request's deadline, once, with a reason (audited as `extended`). */
export async function extendRequest(o: RequestOptions & { id: string; input: TExtendPrivacyRequest }): Promise<TPrivacyRequest> {
  requirePrivacy({ ctx: o.ctx, action: 'update' });
  return inTenant(o.deps.db.kysely, o.ctx.tenantId, async (tx) => {
    if (!(await lockRequest(tx, o.id))) throw privacyErrors.requestNotFound();
    const before = await loadRequest(tx, o.id);
    if (!OPEN_STATUSES.has(before.status)) throw privacyErrors.closed(before.status);
    if (before.extension) throw privacyErrors.alreadyExtended(before.extension.reason);
    const dueAt = new Date(new Date(before.dueAt).getTime() + o.input.days * DAY);
    return changeRequest(tx, {
      ...o,
      before,
      action: 'extended',
      values: { due_at: dueAt, extended_at: new Date(), extended_by: o.ctx.userId, extension_reason: o.input.reason },
    });
  });
}
