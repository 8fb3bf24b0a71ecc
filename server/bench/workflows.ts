import { contactUpdatePhase, type Tally as BaseTally, type UpdatePhaseOptions } from './tally.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { type Database, openDatabase } from '#db/database.ts';
import { createSubscribers, type OutboxEvent } from '#platform/events/subscribers.ts';
import { workflowSubscribers } from '#modules/workflows/workflows.subscribers.ts';
import { throwawayPostgres, writeBenchSection } from './store.ts';
import { benchTenantApp } from './tenant-app.ts';

export type WorkflowsBenchOptions = { engine: 'postgres' | 'pglite'; n: number; keep: boolean; out: string; command: string };

const say = (line: string) => process.stdout.write(`${line}\n`);
const CONTACTS = 1000;

/** Event id -> how many times its handler finished, and each first finish's latency from the event's commit. */
type Tally = BaseTally;
const newTally = (): Tally => ({ seen: new Map(), latencies: [], last: 0 });
function count(t: Tally, e: OutboxEvent) {
  const now = Date.now();
  const times = (t.seen.get(e.id) ?? 0) + 1;
  t.seen.set(e.id, times);
  if (times === 1) t.latencies.push(now - e.createdAt.getTime());
  t.last = now;
}

type Phase = { name: string; produced: number; handled: number; doubled: number; seconds: number; perSecond: number; p50: number; p99: number };

/**
 * The workflow half of issue #18's benchmark: N contact updates through the API, each matching
 * one rule with two actions (update a field, create a task), beside the bare outbox drain (the
 * same updates consumed by a subscriber that only counts) in the same run. Only the users' events
 * are counted (the rule's own update emits one more, which starts no rule); the runs and tasks
 * are counted in the database afterwards: none may be missing or doubled.
 */
export async function runWorkflowsBench(o: WorkflowsBenchOptions): Promise<void> {
  const pg = o.engine === 'postgres' ? await throwawayPostgres('kehu_bench_workflows') : null;
  const dir = pg ? null : mkdtempSync(join(tmpdir(), 'kehu-bench-workflows-'));
  const db: Database = await openDatabase(pg ? { url: pg.url } : { dataDir: dir as string });
  try {
    const { app, deps, call } = await benchTenantApp(db, { slug: 'rulebench', name: 'Workflow bench' });
    try {
      const contacts: string[] = [];
      for (let i = 0; i < CONTACTS; i++) contacts.push((await call('POST', '/api/v1/contacts', { name: `联系人 ${i}`, department: 'sales' })).id);

      const bareTally = newTally();
      const bare = createSubscribers();
      bare.add({ name: 'bench-bare', events: ['contact.updated'], handle: async (e) => count(bareTally, e) });
      const bareFigures = await phase({ name: 'bare outbox drain (no work)', app, deps, subscribers: bare, tally: bareTally, n: o.n, call, contacts });

      await call('POST', '/api/v1/workflow-rules', {
        name: 'bench',
        object: 'contact',
        enabled: true,
        trigger: { type: 'updated', field: 'title' },
        conditions: { department: { eq: 'sales' } },
        actions: [
          { type: 'update_fields', updates: [{ field: 'description', value: { kind: 'template', template: 'last title: {{title}}' } }] },
          { type: 'create_task', subject: 'Follow up {{name}} ({{title}})', dueInDays: 1 },
        ],
      });
      const ruleTally = newTally();
      const rules = createSubscribers();
      const [engine] = workflowSubscribers(deps);
      if (!engine) throw new Error('no workflow subscriber');
      rules.add({
        ...engine,
        handle: async (e, tx) => {
          await engine.handle(e, tx);
          if (e.type === 'contact.updated' && !e.payload.cause) count(ruleTally, e);
        },
      });
      const ruleFigures = await phase({
        name: 'rule: update a field + create a task',
        app,
        deps,
        subscribers: rules,
        tally: ruleTally,
        n: o.n,
        call,
        contacts,
      });

      const runs = (
        await db.raw(`select status, count(*)::int as n, count(distinct trigger_key)::int as keys from workflow_runs group by status order by status`)
      ).rows as { status: string; n: number; keys: number }[];
      const tasks = ((await db.raw(`select count(*)::int as n from activities where type = 'task' and subject like 'Follow up%'`)).rows[0] as { n: number }).n;
      const version = o.engine === 'postgres' ? ((await db.raw(`select current_setting('server_version') as v`)).rows[0] as { v: string }).v : '17.5 (PGlite)';
      const row = (f: Phase) =>
        `| ${f.name} | ${f.produced} | ${f.handled} | ${f.doubled} | ${f.seconds.toFixed(1)} | ${Math.round(f.perSecond)} | ${f.p50} | ${f.p99} |`;
      const lines = [
        `### Workflow rules: ${o.n.toLocaleString('en')} contact updates, each matching one rule with two actions (${o.engine === 'postgres' ? `PostgreSQL ${version}` : version})`,
        '',
        `Command: \`${o.command}\`. Updates go through the API (PATCH, 8 at a time, over ${CONTACTS.toLocaleString('en')} contacts) while the job runner (default settings) relays the outbox. The bare drain's subscriber only counts; the rule's decides "title changed" and the department condition, claims the run, updates the description and creates a task through the record service (audit, events) and logs the run. Events/s from the first update to the last handled; latency from the event's commit to the end of its handler.`,
        '',
        '| consumer | events | handled once | handled twice | seconds | events/s | p50 ms | p99 ms |',
        '|---|---|---|---|---|---|---|---|',
        row(bareFigures),
        row(ruleFigures),
        '',
        `Rule engine over bare: ${(bareFigures.perSecond / ruleFigures.perSecond).toFixed(2)}x the time per event. Runs logged: ${runs.map((r) => `${r.status} ${r.n} (${r.keys} distinct events)`).join(', ')}; tasks created: ${tasks}.`,
      ];
      writeBenchSection(o.out, `workflows-${o.engine}`, lines);
      for (const line of lines.slice(4)) say(line);
    } finally {
      await app.close();
    }
  } finally {
    await db.close();
    if (pg && !o.keep) await pg.drop();
    if (dir && !o.keep) rmSync(dir, { recursive: true, force: true });
  }
}

type PhaseOptions = UpdatePhaseOptions & { app: FastifyInstance };

async function phase(o: PhaseOptions): Promise<Phase> {
  const { arrived, doubled, seconds, perSecond, p50, p99 } = await contactUpdatePhase(o);
  const figures = { name: o.name, produced: o.n, handled: arrived, doubled, seconds, perSecond, p50, p99 };
  say(
    `Workflows bench, ${o.name}: ${figures.handled}/${o.n} in ${seconds.toFixed(1)} s (${Math.round(figures.perSecond)}/s), p50 ${figures.p50} ms, p99 ${figures.p99} ms, doubled ${doubled}`,
  );
  return figures;
}
