import { type Selectable, sql, type Updateable } from 'kysely';
import type { WebhookAttempts, WebhookDeliveries } from '#db/schema.ts';
import type { Tx } from '#db/tx.ts';

export type DeliveryRow = Selectable<WebhookDeliveries>;
export type AttemptRow = Selectable<WebhookAttempts>;

/** One delivery per (subscription, event): a redelivered event inserts nothing; returns the new id or undefined. */
export async function insertDelivery(tx: Tx, values: Record<string, unknown>): Promise<string | undefined> {
  const row = await tx
    .insertInto('webhook_deliveries')
    .values(values as never)
    .onConflict((c) => c.columns(['tenant_id', 'subscription_id', 'event_id']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

export const findDelivery = (tx: Tx, id: string) => tx.selectFrom('webhook_deliveries').selectAll().where('id', '=', id).executeTakeFirst();

export const findDeliveryByEvent = (tx: Tx, subscriptionId: string, eventId: string) =>
  tx.selectFrom('webhook_deliveries').selectAll().where('subscription_id', '=', subscriptionId).where('event_id', '=', eventId).executeTakeFirst();

export type DeliveryPage = { subscriptionId: string; limit: number; before?: { createdAt: string; id: string }; status?: string };

/** Newest first, keyset on (created_at, id). */
export const listDeliveries = (tx: Tx, o: DeliveryPage) => {
  let q = tx.selectFrom('webhook_deliveries').selectAll().where('subscription_id', '=', o.subscriptionId);
  if (o.status) q = q.where('status', '=', o.status);
  if (o.before) {
    const b = o.before;
    q = q.where(sql<boolean>`(created_at, id) < (${b.createdAt}::timestamptz, ${b.id}::uuid)`);
  }
  return q
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(o.limit + 1)
    .execute();
};

/**
 * Takes automatic attempt `attempt` of a due, pending delivery, leasing it for `leaseSeconds`
 * (another worker, or the sweep, will not take it meanwhile; a crashed attempt is retaken after).
 */
export const claimDelivery = (tx: Tx, id: string, attempt: number, leaseSeconds: number) =>
  tx
    .updateTable('webhook_deliveries')
    .set({ next_attempt_at: sql`now() + make_interval(secs => ${leaseSeconds})` })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .where('attempts', '=', attempt - 1)
    .where('next_attempt_at', '<=', sql<Date>`now() + interval '5 seconds'`) // the job's start and this clock may differ a little
    .returningAll()
    .executeTakeFirst();

export const updateDelivery = (tx: Tx, id: string, values: Updateable<WebhookDeliveries>) =>
  tx.updateTable('webhook_deliveries').set(values).where('id', '=', id).execute();

export const insertAttempt = (tx: Tx, values: Record<string, unknown>) =>
  tx
    .insertInto('webhook_attempts')
    .values(values as never)
    .returningAll()
    .executeTakeFirstOrThrow();

export const listAttempts = (tx: Tx, deliveryId: string) =>
  tx.selectFrom('webhook_attempts').selectAll().where('delivery_id', '=', deliveryId).orderBy('started_at').orderBy('attempt').execute();

/** Pending deliveries whose attempt is overdue by more than `graceSeconds` (its job was lost); every tenant (system transaction). */
export const overdueDeliveries = (tx: Tx, graceSeconds: number, limit: number) =>
  tx
    .selectFrom('webhook_deliveries')
    .select(['tenant_id', 'id', 'attempts'])
    .where('status', '=', 'pending')
    .where('next_attempt_at', '<', sql<Date>`now() - make_interval(secs => ${graceSeconds})`)
    .orderBy('next_attempt_at')
    .limit(limit)
    .execute();

/** The log is kept for `days`; every tenant (system transaction). */
export const purgeDeliveries = (tx: Tx, days: number) =>
  tx
    .deleteFrom('webhook_deliveries')
    .where('status', '<>', 'pending')
    .where('created_at', '<', sql<Date>`now() - make_interval(days => ${days})`)
    .executeTakeFirst();
