import type { RequestContext } from '#platform/context.ts';
import type { Deps } from '#platform/deps.ts';
import { emitEvent } from '#platform/events/outbox.ts';
import { type Locale, translate } from '#platform/i18n/i18n.ts';
import { createInTx } from '#platform/records/record-service.ts';
import { activityDefinition } from '#modules/activities/index.ts';
import { bilingual, notify } from '#modules/notifications/index.ts';
import { inSystem, inTenant } from '#db/tx.ts';
import { claimStale, findStaleDeals, flagOverdue } from './deal-reminders.repo.ts';

export const DEAL_REMINDERS_JOB = 'deal-reminders';
const BATCH = 200;
const DAY = 86_400_000;

const systemCtx = (tenantId: string, locale: string): RequestContext => ({
  tenantId,
  userId: null,
  requestId: DEAL_REMINDERS_JOB,
  ip: null,
  locale: (locale === 'en' ? 'en' : 'zh-CN') as Locale,
  access: { userId: null, isAdmin: true, permissions: {}, fields: {}, teamUserIds: [] },
});

/**
 * Open deals quiet for their pipeline's N days get a follow-up task for the owner, once per quiet
 * period: the claim (stale_reminded_at), the task, the `deal.stale` event and the owner's
 * notification commit together.
 */
export async function remindStaleDeals(o: { deps: Deps; now?: Date }): Promise<number> {
  const now = o.now ?? new Date();
  let sent = 0;
  for (;;) {
    const candidates = await inSystem(o.deps.db.kysely, (tx) => findStaleDeals(tx, { now, limit: BATCH }));
    for (const d of candidates) {
      const ctx = systemCtx(d.tenant_id, d.locale);
      const done = await inTenant(o.deps.db.kysely, d.tenant_id, async (tx) => {
        if (!(await claimStale(tx, { id: d.id, now }))) return false;
        const task = await createInTx(tx, {
          deps: o.deps,
          ctx,
          def: activityDefinition,
          input: {
            type: 'task',
            subject: translate(ctx.locale, 'deals.stale_task_subject', { name: d.name, days: d.stale_days }),
            dueAt: new Date(now.getTime() + DAY).toISOString(),
            ownerId: d.owner_id,
            dealId: d.id,
            ...(d.contact_id ? { contactId: d.contact_id } : {}),
            ...(d.company_id ? { companyId: d.company_id } : {}),
          },
        });
        await emitEvent(tx, ctx, {
          type: 'deal.stale',
          objectType: 'deal',
          objectId: d.id,
          payload: { taskId: task.id, ownerId: d.owner_id, days: d.stale_days },
        });
        await notify({
          tx,
          tenantId: d.tenant_id,
          userIds: [d.owner_id],
          kind: 'deal_stale',
          title: bilingual('deal_stale_title', { name: d.name, days: d.stale_days }),
          body: bilingual('deal_stale_body'),
          link: { object: 'deal', id: d.id },
          dedupeKey: `deal_stale:${d.id}:${now.toISOString()}`,
        });
        return true;
      });
      if (done) sent += 1;
    }
    if (candidates.length < BATCH) return sent;
  }
}

/** Flags open deals past their expected close date and tells the owner (`deal.overdue` and a notification), once per date. */
export async function flagOverdueDeals(o: { deps: Deps; now?: Date }): Promise<number> {
  const now = o.now ?? new Date();
  let flagged = 0;
  for (;;) {
    const batch = await inSystem(o.deps.db.kysely, async (tx) => {
      const rows = await flagOverdue(tx, { now, limit: BATCH });
      for (const r of rows) {
        await emitEvent(
          tx,
          { tenantId: r.tenant_id, userId: null },
          { type: 'deal.overdue', objectType: 'deal', objectId: r.id, payload: { ownerId: r.owner_id, expectedCloseDate: r.expected_close_date } },
        );
        await notify({
          tx,
          tenantId: r.tenant_id,
          userIds: [r.owner_id],
          kind: 'deal_overdue',
          title: bilingual('deal_overdue_title', { name: r.name }),
          body: bilingual('deal_overdue_body', { date: r.expected_close_date }),
          link: { object: 'deal', id: r.id },
          dedupeKey: `deal_overdue:${r.id}:${r.expected_close_date}`,
        });
      }
      return rows.length;
    });
    flagged += batch;
    if (batch < BATCH) return flagged;
  }
}
