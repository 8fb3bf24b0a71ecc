import type { Tx } from '#db/tx.ts';
import type { RetryPolicy } from '../jobs/job-types.ts';

export type OutboxEvent = {
  id: string;
  tenantId: string;
  type: string;
  objectType: string;
  objectId: string | null;
  actorId: string | null;
  payload: Record<string, unknown>;
  createdAt: Date;
};

/** A subscriber must be idempotent: delivery is at least once. It runs in a tenant transaction. */
export type Subscriber = {
  name: string;
  /** Event types (`contact.created`) or prefixes (`contact.*`, `*`). */
  events: string[];
  handle: (event: OutboxEvent, tx: Tx) => Promise<void>;
  /** Delivery retries; default 10 retries, 5 s doubling (relay.ts DEFAULT_DELIVERY_RETRY). */
  retry?: RetryPolicy;
  /**
   * For a subscriber that matches many events but acts for few tenants (webhooks: `*`, yet most
   * tenants have none): asked once per relay batch, in the relay's transaction, for the tenants
   * it wants events of now; the others' events get no job for it.
   */
  tenants?: (tx: Tx) => Promise<ReadonlySet<string>>;
};

export type Subscribers = {
  add: (subscriber: Subscriber) => void;
  matching: (type: string) => Subscriber[];
  byName: (name: string) => Subscriber | undefined;
};

export function createSubscribers(): Subscribers {
  const list: Subscriber[] = [];
  const matches = (pattern: string, type: string) => pattern === '*' || pattern === type || (pattern.endsWith('.*') && type.startsWith(pattern.slice(0, -1)));
  return {
    add: (subscriber) => {
      if (list.some((s) => s.name === subscriber.name)) throw new Error(`Subscriber ${subscriber.name} registered twice`);
      list.push(subscriber);
    },
    matching: (type) => list.filter((s) => s.events.some((p) => matches(p, type))),
    byName: (name) => list.find((s) => s.name === name),
  };
}
