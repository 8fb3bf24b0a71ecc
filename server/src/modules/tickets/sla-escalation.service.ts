import type { Tx } from '#db/tx.ts';
import type { RequestContext } from '#platform/context.ts';
import type { Deps } from '#platform/deps.ts';
import { AppError } from '#platform/errors/app-error.ts';
import { emitEvent } from '#platform/events/outbox.ts';
import { translate } from '#platform/i18n/i18n.ts';
import { newId } from '#platform/ids.ts';
import { updateInTx } from '#platform/records/record-service.ts';
import { findRecord } from '#platform/records/records.repo.ts';
import { notify } from '#modules/notifications/index.ts';
import { managerOf, type SlaDueRow } from './sla.repo.ts';
import { raisedPriority } from './sla.rules.ts';
import { ticketDefinition } from './tickets.definition.ts';

/** The actor of the timer pass: no user, full rights inside the ticket's tenant. */
const timerContext = (tenantId: string): RequestContext => ({
  tenantId,
  userId: null,
  requestId: `sla-${newId()}`,
  ip: null,
  locale: 'zh-CN',
  access: { userId: null, isAdmin: true, permissions: {}, fields: {}, teamUserIds: [] },
});

export type EscalateBreachOptions = { tx: Tx; deps: Deps; row: SlaDueRow; target: 'first_response' | 'resolution' };

/**
 * A breach escalates as its policy says, in the breach's transaction (so once, as the breach is
 * marked once): the assignee's manager is notified, and the priority rises one step (audited and
 * announced as any update, so rules see `ticket.updated`). `ticket.sla_escalated` names both.
 */
export async function escalateBreach({ tx, deps, row, target }: EscalateBreachOptions): Promise<{ managerId: string | null; priority: string | null }> {
  const agent = row.assignee_id ?? row.owner_id;
  const managerId = row.escalate_to_manager && agent ? await managerOf(tx, agent) : null;
  if (managerId) {
    const title = (locale: 'zh-CN' | 'en') =>
      translate(locale, 'tickets.sla_escalated_title', { number: row.number, target: translate(locale, `tickets.sla_target.${target}`) });
    await notify({
      tx,
      tenantId: row.tenant_id,
      userIds: [managerId],
      kind: 'sla_breach',
      title: { zh: title('zh-CN'), en: title('en') },
      body: { zh: row.name, en: row.name },
      link: { object: 'ticket', id: row.id },
      dedupeKey: `ticket-sla:escalated:${row.id}`,
    });
  }
  let priority: string | null = null;
  const ticket = row.escalate_priority ? await findRecord(tx, 'tickets', row.id) : undefined;
  if (ticket && raisedPriority(ticket.priority as string) !== ticket.priority) {
    try {
      const next = raisedPriority(ticket.priority as string);
      if (await updateInTx(tx, { deps, ctx: timerContext(row.tenant_id), def: ticketDefinition, input: { priority: next }, row: ticket })) priority = next;
    } catch (e) {
      // A write guard (a ticket locked under approval) keeps its priority; the manager still hears of it.
      if (!(e instanceof AppError)) throw e;
      deps.log.warn({ ticketId: row.id, code: e.code }, 'SLA escalation could not raise the priority');
    }
  }
  if (managerId || priority) {
    const actor = { tenantId: row.tenant_id, userId: null };
    await emitEvent(tx, actor, {
      type: 'ticket.sla_escalated',
      objectType: 'ticket',
      objectId: row.id,
      payload: { number: row.number, target, managerId, priority },
    });
  }
  return { managerId, priority };
}
