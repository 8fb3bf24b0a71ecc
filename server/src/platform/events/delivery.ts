import type { Selectable } from 'kysely';
import type { Database } from '#db/database.ts';
import type { Outbox } from '#db/schema.ts';
import { inTenant } from '#db/tx.ts';
import type { Job, Logger } from '../jobs/job-types.ts';
import type { OutboxEvent, Subscribers } from './subscribers.ts';

/** The one queue that carries every (event, subscriber) delivery. */
export const EVENTS_QUEUE = 'kehu-events';

type SerializedEvent = Omit<OutboxEvent, 'createdAt'> & { createdAt: string };
export type DeliveryJob = { subscriber: string; event: SerializedEvent };

export function serializeEvent(row: Selectable<Outbox>): SerializedEvent {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    type: row.type,
    objectType: row.object_type,
    objectId: row.object_id,
    actorId: row.actor_id,
    payload: (row.payload ?? {}) as Record<string, unknown>,
    createdAt: new Date(row.created_at).toISOString(),
  };
}

export type DeliverOptions = { db: Database; subscribers: Subscribers; log: Logger };

/**
 * Runs one subscriber on one event in a transaction bound to the event's tenant. A throw rolls
 * the handler's writes back and fails the job, which pg-boss retries with backoff.
 */
export async function deliverEvent(o: DeliverOptions, job: Job<DeliveryJob>): Promise<void> {
  const { subscriber: name, event: serialized } = job.data;
  const subscriber = o.subscribers.byName(name);
  if (!subscriber) {
    // Deployed code no longer has this subscriber: retrying cannot help.
    o.log.warn({ subscriber: name, eventId: serialized.id }, 'event for an unknown subscriber dropped');
    return;
  }
  const event: OutboxEvent = { ...serialized, createdAt: new Date(serialized.createdAt) };
  try {
    await inTenant(o.db.kysely, event.tenantId, (tx) => subscriber.handle(event, tx));
  } catch (error) {
    o.log.warn({ err: error, subscriber: name, eventId: event.id, type: event.type, jobId: job.id }, 'event delivery failed; will retry');
    throw error;
  }
}
