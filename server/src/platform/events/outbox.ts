import type { Tx } from '#db/tx.ts';
import type { RequestContext } from '../context.ts';
import { newId } from '../ids.ts';

export type DomainEvent = {
  /** `<object>.<verb>`, e.g. `contact.created`, `deal.stage_changed`. */
  type: string;
  objectType: string;
  objectId: string | null;
  payload?: Record<string, unknown>;
};

/** Who writes the event; `cause` (automation) rides along in the payload. */
export type EventActor = Pick<RequestContext, 'tenantId' | 'userId' | 'cause'>;

/** Appends an event to the transactional outbox; the job runner delivers it after commit. */
export async function emitEvent(tx: Tx, ctx: EventActor, event: DomainEvent): Promise<string> {
  const [id] = await emitEvents(tx, ctx, [event]);
  return id as string;
}

/** Rows per statement: 7 parameters each, under PostgreSQL's 65,535. */
const CHUNK = 5000;

/** Appends many events with multi-row inserts (a batch of an import); returns their ids in order. */
export async function emitEvents(tx: Tx, ctx: EventActor, events: DomainEvent[]): Promise<string[]> {
  const rows = events.map((event) => ({
    tenant_id: ctx.tenantId,
    id: newId(),
    type: event.type,
    object_type: event.objectType,
    object_id: event.objectId,
    actor_id: ctx.userId,
    payload: JSON.stringify(ctx.cause ? { ...event.payload, cause: ctx.cause } : (event.payload ?? {})),
  }));
  for (let i = 0; i < rows.length; i += CHUNK)
    await tx
      .insertInto('outbox')
      .values(rows.slice(i, i + CHUNK))
      .execute();
  return rows.map((r) => r.id);
}
