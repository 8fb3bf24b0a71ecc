import { type Selectable, sql, type Updateable } from 'kysely';
import type { WebhookSubscriptions } from '#db/schema.ts';
import type { Tx } from '#db/tx.ts';

export type SubscriptionRow = Selectable<WebhookSubscriptions> & { owner_name: string | null };

const withOwner = (tx: Tx) =>
  tx
    .selectFrom('webhook_subscriptions as w')
    .leftJoin('users as u', (j) => j.onRef('u.tenant_id', '=', 'w.tenant_id').onRef('u.id', '=', 'w.owner_id'))
    .selectAll('w')
    .select('u.name as owner_name');

export const listSubscriptions = (tx: Tx): Promise<SubscriptionRow[]> => withOwner(tx).orderBy('w.created_at').orderBy('w.id').execute();

export const findSubscription = (tx: Tx, id: string): Promise<SubscriptionRow | undefined> => withOwner(tx).where('w.id', '=', id).executeTakeFirst();

/** Active subscriptions of the transaction's tenant (RLS), for the outbox subscriber. */
export const activeSubscriptions = (tx: Tx) =>
  tx.selectFrom('webhook_subscriptions').select(['id', 'events', 'filter', 'owner_id']).where('is_active', '=', true).execute();

/** Tenants with at least one active subscription; every tenant (the relay's system transaction). */
export async function tenantsWithActiveWebhooks(tx: Tx): Promise<Set<string>> {
  const rows = await tx.selectFrom('webhook_subscriptions').select('tenant_id').distinct().where('is_active', '=', true).execute();
  return new Set(rows.map((r) => r.tenant_id));
}

export const insertSubscription = (tx: Tx, values: Record<string, unknown>) =>
  tx
    .insertInto('webhook_subscriptions')
    .values(values as never)
    .returning('id')
    .executeTakeFirstOrThrow();

export const updateSubscription = (tx: Tx, id: string, values: Updateable<WebhookSubscriptions>) =>
  tx
    .updateTable('webhook_subscriptions')
    .set({ ...values, version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', id)
    .execute();

export const deleteSubscription = (tx: Tx, id: string) => tx.deleteFrom('webhook_subscriptions').where('id', '=', id).execute();

/** After a delivered attempt: the failure streak ends. */
export const markSucceeded = (tx: Tx, id: string) =>
  tx
    .updateTable('webhook_subscriptions')
    .set({ consecutive_failures: 0, failing_since: null })
    .where('id', '=', id)
    .where('consecutive_failures', '>', 0)
    .execute();

/** After a failed attempt: the streak grows; returns it and since when it has lasted. */
export const markFailed = (tx: Tx, id: string) =>
  tx
    .updateTable('webhook_subscriptions')
    .set({ consecutive_failures: sql`consecutive_failures + 1`, failing_since: sql`coalesce(failing_since, now())` })
    .where('id', '=', id)
    .returning(['consecutive_failures', 'failing_since', 'is_active'])
    .executeTakeFirst();

/** Switches a subscription off; true when this call did it (it was active). */
export async function disableSubscription(tx: Tx, id: string, reason: 'gone' | 'failing'): Promise<boolean> {
  const rows = await tx
    .updateTable('webhook_subscriptions')
    .set({ is_active: false, disabled_reason: reason, disabled_at: sql`now()`, version: sql`version + 1` })
    .where('id', '=', id)
    .where('is_active', '=', true)
    .returning('id')
    .execute();
  return rows.length > 0;
}
