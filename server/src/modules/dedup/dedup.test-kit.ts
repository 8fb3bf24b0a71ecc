import { inTenant } from '#db/tx.ts';
import type { OutboxEvent } from '#platform/events/subscribers.ts';
import type { TestApp, TestUser } from '#test/app.ts';
import { insertRun } from './runs.repo.ts';
import { runScan } from './scan.service.ts';
import { newId } from '#platform/ids.ts';

/** HTTP helpers for the duplicates API, failing loudly on an unexpected status. */
export function dedupClient(t: TestApp, user: TestUser) {
  const call = async <T>(method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, payload?: object, status = 200): Promise<T> => {
    const res = await t.request(user, { method, url, ...(payload ? { payload } : {}) });
    if (res.statusCode !== status) throw new Error(`${method} ${url}: expected ${status}, got ${res.statusCode}: ${res.body}`);
    return res.json() as T;
  };
  return {
    call,
    raw: (method: 'GET' | 'POST', url: string, payload?: object) => t.request(user, { method, url, ...(payload ? { payload } : {}) }),
    contact: async (body: object) => call<{ id: string; version: number }>('POST', '/api/v1/contacts', body, 201),
    company: async (body: object) => call<{ id: string }>('POST', '/api/v1/companies', body, 201),
    clusters: async (object = 'contact') =>
      call<{ data: { id: string; score: number; records: { id: string; name: string }[] }[]; total: number }>('GET', `/api/v1/duplicates?object=${object}`),
    /** A full scan run in this process, as the job worker would. */
    scan: async (object = 'contact', batchSize = 1000) => {
      const runId = newId();
      await inTenant(t.db.kysely, user.tenantId, (tx) => insertRun(tx, user.tenantId, runId, object, user.id));
      return runScan({ deps: t.deps, tenantId: user.tenantId, runId, batchSize });
    },
    /** Delivers the outbox events written so far to the incremental subscriber (what the relay does). */
    deliver: async () => {
      const sub = t.deps.subscribers.byName('dedup-incremental');
      if (!sub) throw new Error('dedup-incremental not registered');
      await inTenant(t.db.kysely, user.tenantId, async (tx) => {
        const events = await tx.selectFrom('outbox').selectAll().orderBy('id').execute();
        for (const e of events) {
          const event: OutboxEvent = {
            id: e.id,
            tenantId: e.tenant_id,
            type: e.type,
            objectType: e.object_type,
            objectId: e.object_id,
            actorId: e.actor_id,
            payload: e.payload as Record<string, unknown>,
            createdAt: e.created_at as Date,
          };
          if (sub.events.includes(e.type)) await sub.handle(event, tx);
        }
      });
    },
  };
}
