import { inSystem, inTenant } from '#db/tx.ts';
import type { Deps } from '#platform/deps.ts';
import { emitEvent } from '#platform/events/outbox.ts';
import { translate } from '#platform/i18n/i18n.ts';
import { notify } from '#modules/notifications/index.ts';
import { escalateBreach } from './sla-escalation.service.ts';
import { dueForAnnouncement, markSla, type SlaDueRow } from './sla.repo.ts';
import { nextDue } from './sla.rules.ts';

export const SLA_TIMER_JOB = 'tickets.sla-timer';
export const SLA_NOTIFICATION_KINDS = ['sla_warning', 'sla_breach'] as const;

async function announce(deps: Deps, row: SlaDueRow, now: Date): Promise<'warned' | 'breached' | null> {
  const due = nextDue({ firstResponseAt: row.first_response_at, firstResponseDueAt: row.first_response_due_at, resolutionDueAt: row.resolution_due_at });
  if (!due) return null;
  const what = due <= now ? 'breached' : 'warned';
  const target = !row.first_response_at && row.first_response_due_at ? 'first_response' : 'resolution';
  return inTenant(deps.db.kysely, row.tenant_id, async (tx) => {
    if (!(await markSla(tx, { id: row.id, what, at: now }))) return null;
    const actor = { tenantId: row.tenant_id, userId: null };
    const type = what === 'breached' ? 'ticket.sla_breached' : 'ticket.sla_warning';
    await emitEvent(tx, actor, { type, objectType: 'ticket', objectId: row.id, payload: { number: row.number, target, dueAt: due.toISOString() } });
    const key = what === 'breached' ? 'tickets.sla_breached_title' : 'tickets.sla_warning_title';
    const params = { number: row.number, subject: row.name, target: '' };
    const title = (locale: 'zh-CN' | 'en') => translate(locale, key, { ...params, target: translate(locale, `tickets.sla_target.${target}`) });
    await notify({
      tx,
      tenantId: row.tenant_id,
      userIds: [row.assignee_id ?? row.owner_id],
      kind: what === 'breached' ? 'sla_breach' : 'sla_warning',
      title: { zh: title('zh-CN'), en: title('en') },
      body: { zh: row.name, en: row.name },
      link: { object: 'ticket', id: row.id },
      dedupeKey: `ticket-sla:${what}:${row.id}`,
    });
    if (what === 'breached') await escalateBreach({ tx, deps, row, target });
    return what;
  });
}

/**
 * The SLA timer pass (every minute, a durable job): a warning when a ticket's next target is within
 * its policy's warning window, a breach once it passes unmet; each announced once per ticket
 * (a notification to the assignee and `ticket.sla_warning` / `ticket.sla_breached` for rules and webhooks);
 * a breach escalates as its policy says (the manager, the priority: `ticket.sla_escalated`).
 */
export async function runSlaTimers(o: { deps: Deps; now?: Date }): Promise<{ warned: number; breached: number }> {
  const now = o.now ?? new Date();
  const counts = { warned: 0, breached: 0 };
  for (let round = 0; round < 100; round++) {
    const rows = await inSystem(o.deps.db.kysely, (tx) => dueForAnnouncement(tx, { now, limit: 500 }));
    let changed = 0;
    for (const row of rows) {
      const what = await announce(o.deps, row, now);
      if (what) {
        counts[what]++;
        changed++;
      }
    }
    if (rows.length < 500 || changed === 0) break;
  }
  return counts;
}
