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

/** Appends an event to the transactional outbox; the job runner delivers it after commit. */
export async function emitEvent(tx: Tx, ctx: Pick<RequestContext, 'tenantId' | 'userId'>, event: DomainEvent): Promise<string> {
  const id = newId();
  await tx
    .insertInto('outbox')
    .values({
      tenant_id: ctx.tenantId,
      id,
      type: event.type,
      object_type: event.objectType,
      object_id: event.objectId,
      actor_id: ctx.userId,
      payload: JSON.stringify(event.payload ?? {}),
    })
    .execute();
  return id;
}
