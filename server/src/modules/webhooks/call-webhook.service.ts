import type { Tx } from '#db/tx.ts';
import type { Deps } from '#platform/deps.ts';
import { notFound } from '#platform/errors/app-error.ts';
import { createDelivery } from './webhook-events.subscribers.ts';
import * as repo from './webhooks.repo.ts';

export type CallWebhookOptions = {
  /** The caller's transaction: the call is queued only if it commits. */
  tx: Tx;
  deps: Deps;
  tenantId: string;
  webhookId: string;
  /**
   * `id` makes the call idempotent: a second call with the same id (a retried rule run) sends
   * nothing more. `type` names it for the receiver, e.g. `workflow.rule_fired`.
   */
  event: { id: string; type: string; createdAt?: Date };
  /** The record it is about: sent as the API shows it to the webhook's owner (none if they may not see it). */
  record?: { object: string; id: string } | null;
  /** Extra members, sent under `context`. */
  context?: Record<string, unknown>;
};

export type CallWebhookResult = { deliveryId: string; created: boolean } | { deliveryId: null; reason: 'inactive' | 'not_visible' | 'field_not_readable' };

/**
 * One signed POST to a webhook subscription, through the same queue, retries and delivery log as
 * outbox events (for the workflow rules' "call a webhook" action). Throws 404 for an unknown webhook.
 */
export async function callWebhook(o: CallWebhookOptions): Promise<CallWebhookResult> {
  const sub = await repo.findSubscription(o.tx, o.webhookId);
  if (!sub) throw notFound('webhook');
  if (!sub.is_active) return { deliveryId: null, reason: 'inactive' };
  const made = await createDelivery({
    tx: o.tx,
    deps: o.deps,
    tenantId: o.tenantId,
    sub,
    event: {
      id: o.event.id,
      type: o.event.type,
      createdAt: o.event.createdAt ?? new Date(),
      objectType: o.record?.object ?? null,
      objectId: o.record?.id ?? null,
    },
    ...(o.context ? { context: o.context } : {}),
  });
  if (made?.skipped) return { deliveryId: null, reason: 'field_not_readable' };
  return made ? { deliveryId: made.id, created: made.created } : { deliveryId: null, reason: 'not_visible' };
}
