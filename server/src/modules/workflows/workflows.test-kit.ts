import type { TestApp } from '#test/app.ts';
import { testLog } from '#test/jobs-kit.ts';
import { deliverEvent, serializeEvent } from '#platform/events/delivery.ts';

const SUBSCRIBER = 'workflows.record-events';

/**
 * Delivers the outbox to the workflow subscriber the way the relay and a worker do (one
 * delivery transaction per event), until no new events appear; returns how many it delivered.
 * `times` delivers each event that often, as a retried delivery would.
 */
export async function drainWorkflows(t: TestApp, o: { times?: number; max?: number } = {}): Promise<number> {
  let delivered = 0;
  for (;;) {
    const rows = await t.db.kysely.selectFrom('outbox').selectAll().where('published_at', 'is', null).orderBy('id').execute();
    if (rows.length === 0) return delivered;
    for (const row of rows) {
      for (let i = 0; i < (o.times ?? 1); i++)
        await deliverEvent(
          { db: t.db, subscribers: t.deps.subscribers, log: testLog },
          { id: row.id, name: 'kehu-events', data: { subscriber: SUBSCRIBER, event: serializeEvent(row) } },
        );
      await t.db.kysely.updateTable('outbox').set({ published_at: new Date() }).where('id', '=', row.id).execute();
      delivered++;
    }
    if (delivered > (o.max ?? 500)) throw new Error('the outbox never ran dry');
  }
}

/** The runs of a rule, oldest first, as stored. */
export const runsOf = (t: TestApp, ruleId: string) => t.db.kysely.selectFrom('workflow_runs').selectAll().where('rule_id', '=', ruleId).orderBy('id').execute();

/** Tasks linked to a record through `<object>Id` (activities' columns). */
export const tasksFor = (t: TestApp, column: 'contact_id' | 'deal_id' | 'company_id', id: string) =>
  t.db.kysely.selectFrom('activities').selectAll().where('type', '=', 'task').where(column, '=', id).where('deleted_at', 'is', null).execute();

/** A stored run's action outcomes. */
export const actionsOf = (run: { actions: unknown } | undefined) =>
  (run?.actions ?? []) as { type: string; status: string; error: string | null; detail: Record<string, unknown> | null }[];
