import type { Tx } from '#db/tx.ts';
import type { Deps } from '#platform/deps.ts';
import type { OutboxEvent, Subscriber } from '#platform/events/subscribers.ts';
import { newId } from '#platform/ids.ts';
import * as deliveries from './deliveries.repo.ts';
import { patternsMatch } from './event-types.definition.ts';
import { BATCH_EVENT, takesBatch } from './webhook-batch-payload.service.ts';
import { ownerAccess, type WebhookEvent, renderPayload } from './webhook-payload.service.ts';
import { filterOutOfReach } from './webhook-reach.service.ts';
import { enqueueAttempt } from './webhook-delivery.service.ts';
import * as repo from './webhooks.repo.ts';

export type CreateDeliveryOptions = {
  tx: Tx;
  deps: Deps;
  tenantId: string;
  sub: { id: string; owner_id: string; filter: unknown };
  event: WebhookEvent;
  context?: Record<string, unknown>;
};

const envelope = (e: WebhookEvent) =>
  JSON.stringify({ id: e.id, type: e.type, createdAt: e.createdAt.toISOString(), object: e.objectType, objectId: e.objectId, data: null });

/**
 * One delivery of one event to one subscription, with its first attempt queued, in the caller's
 * transaction. Returns its id, or null when the owner may not see the record or the filter
 * refuses it; an event already delivered to this subscription returns the existing delivery.
 * A filter naming a field the owner may no longer read is not evaluated: the delivery is logged
 * as skipped (`field_not_readable`, with the fields), its body without the record, and never sent.
 */
export async function createDelivery(o: CreateDeliveryOptions): Promise<{ id: string; created: boolean; skipped?: boolean } | null> {
  const existing = await deliveries.findDeliveryByEvent(o.tx, o.sub.id, o.event.id);
  if (existing) return { id: existing.id, created: false, skipped: existing.status === 'skipped' };
  const filter = (o.sub.filter as Record<string, unknown> | null) ?? null;
  const access = () => ownerAccess({ tx: o.tx, deps: o.deps, tenantId: o.tenantId, ownerId: o.sub.owner_id });
  const hidden = await filterOutOfReach({ tx: o.tx, deps: o.deps, object: o.event.objectType, filter, access });
  const delivery = {
    tenant_id: o.tenantId,
    id: newId(),
    subscription_id: o.sub.id,
    event_id: o.event.id,
    event_type: o.event.type,
    object_type: o.event.objectType,
    object_id: o.event.objectId,
    event_created_at: o.event.createdAt,
  };
  if (hidden.length > 0) {
    const id = await deliveries.insertDelivery(o.tx, {
      ...delivery,
      body: envelope(o.event),
      status: 'skipped',
      last_error: 'field_not_readable',
      reason_fields: hidden,
      next_attempt_at: null,
    });
    return id ? { id, created: true, skipped: true } : null;
  }
  const body = await renderPayload({
    tx: o.tx,
    deps: o.deps,
    tenantId: o.tenantId,
    ownerId: o.sub.owner_id,
    event: o.event,
    filter,
    ...(o.context ? { context: o.context } : {}),
  });
  if (body === null) return null;
  const id = await deliveries.insertDelivery(o.tx, { ...delivery, body, next_attempt_at: new Date() });
  if (!id) return null;
  await enqueueAttempt({ tx: o.tx, deps: o.deps, job: { tenantId: o.tenantId, deliveryId: id, attempt: 1 } });
  return { id, created: true };
}

/** Every outbox event, to each active subscription of its tenant that takes its type. */
export function webhookSubscriber(deps: Deps): Subscriber {
  return {
    name: 'webhooks',
    events: ['*'],
    // Every event type, but only for tenants with an active webhook: the others' events get no job.
    tenants: (tx) => repo.tenantsWithActiveWebhooks(tx),
    handle: async (event: OutboxEvent, tx: Tx) => {
      // An import's batch goes to those taking it or the record events it stands for (#21).
      const takes = (patterns: string[]) => (event.type === BATCH_EVENT ? takesBatch(patterns, event.payload) : patternsMatch(patterns, event.type));
      const subs = (await repo.activeSubscriptions(tx)).filter((s) => takes(s.events));
      for (const sub of subs) await createDelivery({ tx, deps, tenantId: event.tenantId, sub, event });
    },
  };
}
