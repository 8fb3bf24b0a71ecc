import type { Tx } from '#db/tx.ts';
import { rescoreLead } from '#modules/scoring/index.ts';
import type { OutboxEvent, Subscriber } from '#platform/events/subscribers.ts';
import { systemAssign } from './assign.service.ts';
import * as repo from './assignment.repo.ts';

/**
 * On capture: score first (idempotent, so the scoring subscriber's own pass changes nothing),
 * so rules on the score band see it; then assign a lead that arrived without an owner (web
 * form, public API). A rep's own entry, or a form with a fixed owner, keeps its owner.
 */
async function onCapture(event: OutboxEvent, tx: Tx): Promise<void> {
  const outcome = (event.payload as { outcome?: string }).outcome;
  if (!event.objectId || outcome === 'merged') return;
  const settings = await repo.findSettings(tx);
  if (!settings.assign_on_capture) return;
  await rescoreLead(tx, { tenantId: event.tenantId, leadId: event.objectId, requestId: event.id });
  const lead = await repo.lockLead(tx, event.objectId);
  if (!lead || lead.owner_id) return;
  // A replayed delivery finds the lead owned (above) or already queued for the same reason.
  await systemAssign(tx, { tenantId: event.tenantId, leadId: event.objectId, trigger: 'capture', requestId: event.id });
}

/** Turning hot routes a lead nobody owns yet (marketing nurtures, sales takes the hot ones). */
async function onScoreChanged(event: OutboxEvent, tx: Tx): Promise<void> {
  const p = event.payload as { to?: string; from?: string | null };
  if (!event.objectId || p.to !== 'hot' || p.from === 'hot') return;
  const settings = await repo.findSettings(tx);
  if (!settings.assign_on_hot) return;
  const lead = await repo.lockLead(tx, event.objectId);
  if (!lead || lead.owner_id) return;
  await systemAssign(tx, { tenantId: event.tenantId, leadId: event.objectId, trigger: 'hot', requestId: event.id });
}

export const assignmentSubscribers: Subscriber[] = [
  { name: 'assignment.on-capture', events: ['lead.captured'], handle: onCapture },
  { name: 'assignment.on-hot', events: ['lead.score_changed'], handle: onScoreChanged },
];
