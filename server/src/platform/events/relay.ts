import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Database } from '#db/database.ts';
import { inSystem } from '#db/tx.ts';
import type { JobRunner, Logger, RetryPolicy } from '../jobs/job-types.ts';
import { retryFields } from '../jobs/job-types.ts';
import { type DeliveryJob, EVENTS_QUEUE, serializeEvent } from './delivery.ts';
import type { Subscribers } from './subscribers.ts';

export type RelayOptions = {
  db: Database;
  runner: JobRunner;
  subscribers: Subscribers;
  log: Logger;
  batchSize?: number;
  /** Poll when nothing woke the relay (the outbox NOTIFY does, on commit). */
  pollMs?: number;
  /** Delivery retries unless the subscriber sets its own. */
  retry?: RetryPolicy;
  onRelayed?: () => void;
};

export const DEFAULT_DELIVERY_RETRY = { limit: 10, delaySeconds: 5, backoff: true } satisfies RetryPolicy;

/** A stable job id per (event, subscriber): a second enqueue of the same delivery is a no-op. */
export function deliveryJobId(eventId: string, subscriber: string): string {
  const h = createHash('sha256').update(`${eventId}\n${subscriber}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * Moves one batch from the outbox into the queue: claims the oldest unpublished rows (skipping
 * rows another relay holds), enqueues a job per matching subscriber and marks the rows
 * published, all in one transaction, so a crash leaves either everything or nothing done.
 */
export async function relayBatch(o: RelayOptions): Promise<number> {
  // pg-boss drops jobs for a queue that does not exist, so make sure it does (cached after once).
  await o.runner.createQueue(EVENTS_QUEUE);
  return inSystem(o.db.kysely, async (tx) => {
    const rows = await tx
      .selectFrom('outbox')
      .selectAll()
      .where('published_at', 'is', null)
      .orderBy('id')
      .limit(o.batchSize ?? 100)
      .forUpdate()
      .skipLocked()
      .execute();
    if (rows.length === 0) return 0;
    // Subscribers that name their tenants are asked once per batch, and only when some row matches them.
    const wanted = new Map<string, ReadonlySet<string>>();
    for (const row of rows) for (const s of o.subscribers.matching(row.type)) if (s.tenants && !wanted.has(s.name)) wanted.set(s.name, await s.tenants(tx));
    const jobs = rows.flatMap((row) =>
      o.subscribers
        .matching(row.type)
        .filter((subscriber) => wanted.get(subscriber.name)?.has(row.tenant_id) !== false)
        .map((subscriber) => ({
          name: EVENTS_QUEUE,
          id: deliveryJobId(row.id, subscriber.name),
          data: { subscriber: subscriber.name, event: serializeEvent(row) } satisfies DeliveryJob,
          // A delivery whose process died mid-handler is retried after this, not pg-boss's 15 minutes.
          expireInSeconds: 300,
          ...retryFields({ ...DEFAULT_DELIVERY_RETRY, ...o.retry, ...subscriber.retry }),
        })),
    );
    if (jobs.length > 0) await o.runner.insertInTx(tx, jobs);
    const ids = rows.map((row) => row.id);
    await tx.updateTable('outbox').set({ published_at: sql`now()` }).where('published_at', 'is', null).where('id', 'in', ids).execute();
    return rows.length;
  });
}

export type Relay = { wake: () => void; stop: () => Promise<void> };

/** Relays until stopped: back to back while batches come full, else sleeps until woken or the poll. */
export function startRelay(o: RelayOptions): Relay {
  const batchSize = o.batchSize ?? 100;
  let stopped = false;
  let woken = false;
  let interrupt: (() => void) | undefined;
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      interrupt = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  const loop = (async () => {
    while (!stopped) {
      woken = false;
      let relayed = 0;
      try {
        relayed = await relayBatch(o);
        if (relayed > 0) o.onRelayed?.();
      } catch (error) {
        o.log.error({ err: error }, 'outbox relay failed; retrying at the next poll');
      }
      if (!stopped && relayed < batchSize && !woken) await sleep(o.pollMs ?? 1000);
    }
  })();
  return {
    wake: () => {
      woken = true;
      interrupt?.();
    },
    stop: async () => {
      stopped = true;
      interrupt?.();
      await loop;
    },
  };
}
