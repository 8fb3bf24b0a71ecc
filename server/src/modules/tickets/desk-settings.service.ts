import { inTenant, inTenantRead } from '#db/tx.ts';
import { diffRecords, writeAudit } from '#platform/audit/audit.ts';
import type { RequestContext } from '#platform/context.ts';
import type { Deps } from '#platform/deps.ts';
import type { ClosedReplyAction, TTicketDeskSettings, TUpdateTicketDeskSettingsRequest } from './desk-settings.schema.ts';
import { type DeskSettingsRow, findDeskSettings, saveDeskSettings } from './desk-settings.repo.ts';
import { ticketsErrors } from './tickets.errors.ts';

const toApi = (r: DeskSettingsRow): TTicketDeskSettings => ({
  reopenWithinDays: r.reopen_within_days,
  closedReply: r.closed_reply as ClosedReplyAction,
  version: r.version,
});

export type GetDeskSettingsOptions = { deps: Deps; ctx: RequestContext };
/** The desk's reopen settings; every agent may read them (the ticket page explains a follow-up by them). */
export async function getDeskSettings({ deps, ctx }: GetDeskSettingsOptions): Promise<TTicketDeskSettings> {
  return inTenantRead(deps.db.kysely, ctx.tenantId, async (tx) => toApi(await findDeskSettings(tx)));
}

export type UpdateDeskSettingsOptions = { deps: Deps; ctx: RequestContext; input: TUpdateTicketDeskSettingsRequest; version?: number };
/** Admins change them (If-Match: the version read); audited as `ticket_desk_settings`. */
export async function updateDeskSettings({ deps, ctx, input, version }: UpdateDeskSettingsOptions): Promise<TTicketDeskSettings> {
  if (!ctx.access.isAdmin) throw ticketsErrors.deskSettingsAdminOnly();
  return inTenant(deps.db.kysely, ctx.tenantId, async (tx) => {
    const before = await findDeskSettings(tx, { forUpdate: true });
    if (version !== undefined && version !== before.version) throw ticketsErrors.staleSettings(version, before.version);
    const after = await saveDeskSettings(tx, {
      tenantId: ctx.tenantId,
      userId: ctx.userId,
      values: {
        reopen_within_days: input.reopenWithinDays === undefined ? before.reopen_within_days : input.reopenWithinDays,
        closed_reply: input.closedReply ?? before.closed_reply,
      },
    });
    await writeAudit(tx, ctx, {
      action: 'updated',
      objectType: 'ticket_desk_settings',
      objectId: ctx.tenantId,
      changes: diffRecords(toApi(before), toApi(after)),
    });
    return toApi(after);
  });
}
