import { inSystem, inTenant } from '#db/tx.ts';
import type { Deps } from '#platform/deps.ts';
import { translate } from '#platform/i18n/i18n.ts';
import { emitEvent } from '#platform/events/outbox.ts';
import * as repo from './deadlines.repo.ts';

export const PRIVACY_DEADLINES_JOB = 'privacy.deadlines';
/** The kinds users may choose a channel for (Settings > Notifications). */
export const DEADLINE_KINDS = ['privacy_due', 'privacy_overdue'] as const;
const DAY = 86_400_000;

const both = (key: string, params: Record<string, unknown>) => ({
  zh: translate('zh-CN', `privacy.${key}`, { ...params, kind: translate('zh-CN', `privacy.kind_${params.kind}`) }),
  en: translate('en', `privacy.${key}`, { ...params, kind: translate('en', `privacy.kind_${params.kind}`) }),
});

/**
 * The daily deadline run: open requests due within the tenant's reminder days remind their handler;
 * overdue ones escalate to the handler and the tenant's admins. One notification per request, user
 * and day (the dedupe key names the day), so a retried or repeated run that day adds nothing.
 */
export type RunDeadlinesOptions = { deps: Deps /** Fixes the clock in tests. */; now?: Date; tenantId?: string };

export async function runDeadlines(o: RunDeadlinesOptions): Promise<{ reminded: number; escalated: number }> {
  const now = o.now ?? new Date();
  const day = now.toISOString().slice(0, 10);
  const tenants = o.tenantId ? [o.tenantId] : (await inSystem(o.deps.db.kysely, repo.tenantsWithOpenRequests)).map((r) => r.tenant_id);
  const total = { reminded: 0, escalated: 0 };
  for (const tenantId of tenants) {
    await inTenant(o.deps.db.kysely, tenantId, async (tx) => {
      const settings = await repo.findSettings(tx);
      const due = await repo.openDueBefore(tx, new Date(now.getTime() + settings.remind_days * DAY));
      const admins = due.some((r) => r.due_at < now) ? await repo.adminIds(tx) : [];
      for (const r of due) {
        const overdue = r.due_at < now;
        const params = { kind: r.kind, due: r.due_at.toISOString().slice(0, 10) };
        const kind = overdue ? 'privacy_overdue' : 'privacy_due';
        const dedupeKey = `${kind}:${r.id}:${day}`;
        // Once per request and day: a second run that day finds the day's event already there.
        if (!(await repo.claimDay(tx, { tenantId, requestId: r.id, kind, day }))) continue;
        const userIds = [...new Set([r.handler_id ?? r.created_by, ...(overdue ? admins : [])].filter((id): id is string => !!id))];
        const ctx = { tenantId, userId: null, requestId: PRIVACY_DEADLINES_JOB };
        // The notifications module depends on privacy (mail's suppression check): it is told through the outbox.
        await emitEvent(tx, ctx, {
          type: 'notification.requested',
          objectType: 'privacy_request',
          objectId: r.id,
          payload: {
            userIds,
            kind,
            title: both(overdue ? 'overdue_title' : 'due_soon_title', params),
            body: both(overdue ? 'overdue_body' : 'due_soon_body', params),
            link: { object: 'privacy_request', id: r.id },
            dedupeKey,
          },
        });
        await emitEvent(tx, ctx, {
          type: `privacy_request.${overdue ? 'overdue' : 'due_soon'}`,
          objectType: 'privacy_request',
          objectId: r.id,
          payload: { dueAt: r.due_at.toISOString(), userIds },
        });
        total[overdue ? 'escalated' : 'reminded'] += 1;
      }
    });
  }
  return total;
}
