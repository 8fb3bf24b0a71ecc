// Outbox delivery for tests that check what subscribers do with the events a write left behind.
import { sql } from 'kysely';
import { inSystem, inTenant } from '../src/db/tx.ts';
import type { OutboxEvent } from '../src/platform/events/subscribers.ts';
import type { TestApp } from './app.ts';

/**
 * Delivers every unpublished outbox event to the app's real subscribers, as the relay and the
 * job runner would (one tenant transaction per delivery), until no new events appear.
 * Returns the types delivered, in order.
 */
export async function drainOutbox(t: TestApp): Promise<string[]> {
  const seen: string[] = [];
  for (let round = 0; round < 20; round++) {
    const rows = await inSystem(t.db.kysely, async (tx) => {
      const batch = await tx.selectFrom('outbox').selectAll().where('published_at', 'is', null).orderBy('id').execute();
      if (batch.length)
        await tx
          .updateTable('outbox')
          .set({ published_at: sql`now()` })
          .where(
            'id',
            'in',
            batch.map((r) => r.id),
          )
          .execute();
      return batch;
    });
    if (rows.length === 0) return seen;
    for (const row of rows) {
      const event: OutboxEvent = {
        id: row.id,
        tenantId: row.tenant_id,
        type: row.type,
        objectType: row.object_type,
        objectId: row.object_id,
        actorId: row.actor_id,
        payload: (row.payload ?? {}) as Record<string, unknown>,
        createdAt: new Date(row.created_at),
      };
      for (const s of t.deps.subscribers.matching(event.type)) await inTenant(t.db.kysely, event.tenantId, (tx) => s.handle(event, tx));
      seen.push(event.type);
    }
  }
  throw new Error('outbox did not settle');
}
