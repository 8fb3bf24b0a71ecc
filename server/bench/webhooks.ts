import { contactUpdatePhase, type Tally as BaseTally } from './tally.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { type Database, openDatabase } from '#db/database.ts';
import type { Deps } from '#platform/deps.ts';
import { createSubscribers, type OutboxEvent } from '#platform/events/subscribers.ts';
import { webhookSubscriber } from '#modules/webhooks/webhook-events.subscribers.ts';
import { throwawayPostgres, writeBenchSection } from './store.ts';
import { benchTenantApp } from './tenant-app.ts';

export type WebhooksBenchOptions = { engine: 'postgres' | 'pglite'; n: number; keep: boolean; out: string; command: string };

const say = (line: string) => process.stdout.write(`${line}\n`);

/** Event id -> how many times it arrived, and each first arrival's latency from the event's commit. */
type Tally = BaseTally & { first: number };
const newTally = (): Tally => ({ seen: new Map(), latencies: [], first: 0, last: 0 });
function count(t: Tally, id: string, createdAt: string) {
  const now = Date.now();
  const times = (t.seen.get(id) ?? 0) + 1;
  t.seen.set(id, times);
  if (times === 1) t.latencies.push(now - Date.parse(createdAt));
  t.first ||= now;
  t.last = now;
}

type Phase = { name: string; produced: number; delivered: number; doubled: number; seconds: number; perSecond: number; p50: number; p99: number };

/**
 * The webhook half of issue #18's benchmark: N contact updates through the API, each event
 * delivered (signed POST) to one receiver on loopback, beside the bare outbox drain: the same
 * kind of events consumed by a subscriber that does nothing, in the same run. Events/s counts from
 * the first update to the last arrival; latency is arrival minus the event's commit time. Every
 * event id is counted: none may be lost or arrive twice.
 */
export async function runWebhooksBench(o: WebhooksBenchOptions): Promise<void> {
  const pg = o.engine === 'postgres' ? await throwawayPostgres('kehu_bench_webhooks') : null;
  const dir = pg ? null : mkdtempSync(join(tmpdir(), 'kehu-bench-webhooks-'));
  const db: Database = await openDatabase(pg ? { url: pg.url } : { dataDir: dir as string });
  const previous = process.env.KEHU_WEBHOOK_ALLOW_PRIVATE;
  process.env.KEHU_WEBHOOK_ALLOW_PRIVATE = '1'; // the receiver is on loopback
  const receiverTally = newTally();
  const receiver = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const event = JSON.parse(body) as { id: string; createdAt: string };
      count(receiverTally, event.id, event.createdAt);
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  try {
    const { app, deps, call } = await benchTenantApp(db, { slug: 'hookbench', name: 'Webhooks bench' });
    try {
      const contacts: string[] = [];
      for (let i = 0; i < 100; i++) contacts.push((await call('POST', '/api/v1/contacts', { name: `联系人 ${i}` })).id);

      // The bare drain: the same updates, a subscriber that only counts them.
      const bareTally = newTally();
      const bare = createSubscribers();
      bare.add({ name: 'bench-bare', events: ['contact.updated'], handle: async (e: OutboxEvent) => count(bareTally, e.id, e.createdAt.toISOString()) });
      const bareFigures = await phase({ name: 'bare outbox drain (no work)', app, deps, subscribers: bare, tally: bareTally, n: o.n, call, contacts });

      const port = (receiver.address() as AddressInfo).port;
      await call('POST', '/api/v1/webhooks', { name: 'bench', url: `http://127.0.0.1:${port}/hook`, events: ['contact.updated'] });
      const hooks = createSubscribers();
      hooks.add(webhookSubscriber(deps));
      const hookFigures = await phase({
        name: 'webhook delivery (signed POST to loopback)',
        app,
        deps,
        subscribers: hooks,
        tally: receiverTally,
        n: o.n,
        call,
        contacts,
      });

      const { rows } = await db.raw(`select status, count(*)::int as n from webhook_deliveries group by status order by status`);
      const statuses = (rows as { status: string; n: number }[]).map((r) => `${r.status} ${r.n}`).join(', ');
      const posts = (
        await db.raw(
          `select percentile_disc(0.5) within group (order by duration_ms) as p50, percentile_disc(0.99) within group (order by duration_ms) as p99 from webhook_attempts`,
        )
      ).rows[0] as { p50: number; p99: number };
      const version = o.engine === 'postgres' ? ((await db.raw(`select current_setting('server_version') as v`)).rows[0] as { v: string }).v : '17.5 (PGlite)';
      const row = (f: Phase) =>
        `| ${f.name} | ${f.produced} | ${f.delivered} | ${f.doubled} | ${f.seconds.toFixed(1)} | ${Math.round(f.perSecond)} | ${f.p50} | ${f.p99} |`;
      const lines = [
        `### Webhooks: ${o.n.toLocaleString('en')} contact updates delivered to one loopback receiver (PostgreSQL ${version})`,
        '',
        `Command: \`${o.command}\`. Updates go through the API (PATCH, 8 at a time) while the job runner (default settings) relays the outbox; the bare drain's subscriber only counts, the webhook one renders the record as the owner may see it, signs it and POSTs it through the delivery queue. Events/s from the first update to the last arrival; latency from the event's commit to its arrival.`,
        '',
        '| consumer | events | arrived once | arrived twice | seconds | events/s | p50 ms | p99 ms |',
        '|---|---|---|---|---|---|---|---|',
        row(bareFigures),
        row(hookFigures),
        '',
        `Webhook over bare: ${(bareFigures.perSecond / hookFigures.perSecond).toFixed(2)}x the time per event. Deliveries logged: ${statuses}. The POST itself (from the delivery log): p50 ${posts.p50} ms, p99 ${posts.p99} ms.`,
      ];
      writeBenchSection(o.out, `webhooks-${o.engine}`, lines);
      for (const line of lines.slice(4)) say(line);
    } finally {
      await app.close();
    }
  } finally {
    if (previous === undefined) delete process.env.KEHU_WEBHOOK_ALLOW_PRIVATE;
    else process.env.KEHU_WEBHOOK_ALLOW_PRIVATE = previous;
    receiver.closeAllConnections();
    await new Promise<void>((resolve) => receiver.close(() => resolve()));
    await db.close();
    if (pg && !o.keep) await pg.drop();
    if (dir && !o.keep) rmSync(dir, { recursive: true, force: true });
  }
}

type PhaseOptions = {
  name: string;
  app: FastifyInstance;
  deps: Deps;
  subscribers: ReturnType<typeof createSubscribers>;
  tally: Tally;
  n: number;
  contacts: string[];
  call: (method: 'PATCH', url: string, payload: object) => Promise<unknown>;
};

async function phase(o: PhaseOptions): Promise<Phase> {
  const { arrived, doubled, seconds, perSecond, p50, p99 } = await contactUpdatePhase(o);
  const figures = { name: o.name, produced: o.n, delivered: arrived, doubled, seconds, perSecond, p50, p99 };
  say(
    `Webhooks bench, ${o.name}: ${figures.delivered}/${o.n} in ${seconds.toFixed(1)} s (${Math.round(figures.perSecond)}/s), p50 ${figures.p50} ms, p99 ${figures.p99} ms, doubled ${doubled}`,
  );
  return figures;
}
