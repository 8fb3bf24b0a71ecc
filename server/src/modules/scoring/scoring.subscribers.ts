import type { Tx } from '#db/tx.ts';
import type { OutboxEvent, Subscriber } from '#platform/events/subscribers.ts';
import { newId } from '#platform/ids.ts';
import { rescoreLead } from './lead-score.service.ts';
import * as repo from './scoring.repo.ts';

/** Activity types that count as engagement with a lead. */
const ACTIVITY_ENGAGEMENT: Record<string, string> = { meeting: 'meeting_held', call: 'call_held' };

/**
 * A meeting or call linked to a lead is an engagement (a future meeting counts once its time
 * has come: the engine ignores future events and the daily pass picks it up). A deleted or
 * relinked activity takes its points away or moves them; replays change nothing.
 */
async function syncActivity(event: OutboxEvent, tx: Tx): Promise<void> {
  if (!event.objectId) return;
  const key = `activity:${event.objectId}`;
  const activity = await repo.findActivitySignal(tx, event.objectId);
  const type = activity ? ACTIVITY_ENGAGEMENT[activity.type] : undefined;
  const previousLead = await repo.sourcedEngagementLead(tx, key);
  if (!activity || activity.deleted_at || !activity.lead_id || !type) {
    const lead = await repo.deleteSourcedEngagement(tx, key);
    if (lead) await rescoreLead(tx, { tenantId: event.tenantId, leadId: lead, requestId: event.id });
    return;
  }
  await repo.upsertSourcedEngagement(tx, {
    tenant_id: event.tenantId,
    id: newId(),
    lead_id: activity.lead_id,
    type,
    occurred_at: activity.at,
    source: 'activity',
    source_key: key,
  });
  for (const leadId of new Set([activity.lead_id, previousLead].filter((x): x is string => !!x)))
    await rescoreLead(tx, { tenantId: event.tenantId, leadId, requestId: event.id });
}

/** A web form submission (first capture or a repeat merged into the lead) is engagement too. */
async function syncCapture(event: OutboxEvent, tx: Tx): Promise<void> {
  const p = event.payload as { channel?: string; leadId?: string; captureId?: string };
  const leadId = p.leadId ?? event.objectId;
  if (p.channel !== 'form' || !leadId) return;
  await repo.upsertSourcedEngagement(tx, {
    tenant_id: event.tenantId,
    id: newId(),
    lead_id: leadId,
    type: 'form_submitted',
    occurred_at: event.createdAt,
    source: 'form',
    source_key: `capture:${p.captureId ?? event.id}`,
  });
  await rescoreLead(tx, { tenantId: event.tenantId, leadId, requestId: event.id });
}

/** Rescoring everything after a rule or setting change: one tenant's open leads, in the event's transaction. */
async function rescoreAll(event: OutboxEvent, tx: Tx): Promise<void> {
  let after: string | null = null;
  for (;;) {
    const ids = await repo.openLeadIds(tx, after, 500);
    for (const leadId of ids) await rescoreLead(tx, { tenantId: event.tenantId, leadId, requestId: event.id });
    if (ids.length < 500) return;
    after = ids[ids.length - 1] as string;
  }
}

/** An import batch (#21): every lead it created or updated, rescored in the batch's one delivery. */
async function rescoreImported(event: OutboxEvent, tx: Tx): Promise<void> {
  const leads = (event.payload as { records?: Record<string, { created?: string[]; updated?: string[] }> }).records?.lead;
  for (const leadId of [...(leads?.created ?? []), ...(leads?.updated ?? [])]) await rescoreLead(tx, { tenantId: event.tenantId, leadId, requestId: event.id });
}

export const scoringSubscribers: Subscriber[] = [
  {
    name: 'scoring.rescore-lead',
    events: ['lead.created', 'lead.updated', 'lead.restored'],
    handle: async (event, tx) => {
      if (event.objectId) await rescoreLead(tx, { tenantId: event.tenantId, leadId: event.objectId, requestId: event.id });
    },
  },
  { name: 'scoring.rescore-imported', events: ['import.batch_committed'], handle: rescoreImported },
  { name: 'scoring.rules-changed', events: ['scoring_group.*', 'scoring_settings.updated'], handle: rescoreAll },
  { name: 'scoring.activity-engagement', events: ['activity.*'], handle: syncActivity },
  { name: 'scoring.form-engagement', events: ['lead.captured'], handle: syncCapture },
];
