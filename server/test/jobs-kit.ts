import { type Database, openDatabase } from '../src/db/database.ts';
import { inTenant } from '../src/db/tx.ts';
import { masterKeyFrom } from '../src/platform/crypto/field-crypto.ts';
import { emitEvent } from '../src/platform/events/outbox.ts';
import { createSubscribers, type OutboxEvent, type Subscribers } from '../src/platform/events/subscribers.ts';
import type { Logger } from '../src/platform/jobs/job-types.ts';
import { type StartJobsOptions, startJobs } from '../src/platform/jobs/start-jobs.ts';
import { createTenant } from '../src/platform/tenancy/tenants.ts';
import { STANDARD_OBJECTS } from '../src/modules.ts';
import { createTestDatabase } from './db.ts';

/** Silent unless KEHU_TEST_LOG=1, so a failing run can show the runner's view. */
export const testLog: Logger = process.env.KEHU_TEST_LOG
  ? { info: (o, m) => console.log(m, o), warn: (o, m) => console.warn(m, o), error: (o, m) => console.error(m, o) }
  : { info: () => {}, warn: () => {}, error: () => {} };

/** Fast runner settings for tests: sub-second polls, cron evaluated every second, 1 s retry delay. */
export const FAST: StartJobsOptions = { pollSeconds: 0.5, cronSeconds: 1, retry: { limit: 5, delaySeconds: 1, backoff: true } };

export type JobsFixture = { db: Database; tenantId: string; subscribers: Subscribers };

export async function createJobsFixture(slug = 'acme'): Promise<JobsFixture> {
  const db = await createTestDatabase();
  const { tenantId } = await createTenant(db.kysely, {
    objects: STANDARD_OBJECTS,
    slug,
    name: slug,
    adminEmail: `admin@${slug}.test`,
    adminPassword: 'correct horse battery',
    masterKey: masterKeyFrom('test-secret-test-secret'),
  });
  return { db, tenantId, subscribers: createSubscribers() };
}

/** Commits one transaction with `count` events of `type`; returns their ids. */
export async function emit(db: Database, tenantId: string, type: string, count = 1): Promise<string[]> {
  return inTenant(db.kysely, tenantId, async (tx) => {
    const ids: string[] = [];
    for (let i = 0; i < count; i++)
      ids.push(await emitEvent(tx, { tenantId, userId: null }, { type, objectType: type.split('.')[0] ?? type, objectId: null, payload: { i } }));
    return ids;
  });
}

/** A subscriber that records each delivery as `<name>:<event id>`. */
export function recordingSubscriber(name: string, events: string[], seen: string[], handle?: (event: OutboxEvent) => Promise<void>) {
  return {
    name,
    events,
    handle: async (event: OutboxEvent) => {
      await handle?.(event);
      seen.push(`${name}:${event.id}`);
    },
  };
}

/** Polls `check` until it holds or the deadline passes (no fixed sleeps). */
export async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs = 20_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A second handle on the same data: a new pool on PostgreSQL, the same instance on PGlite (one connection). */
export async function secondHandle(db: Database): Promise<Database> {
  return db.url ? openDatabase({ url: db.url, poolSize: 3 }) : db;
}

/** Closes `db` and opens the same data again, as a restarted process would. */
export async function reopen(db: Database): Promise<Database> {
  if (db.url) {
    await db.close();
    return openDatabase({ url: db.url, poolSize: 5 });
  }
  const dump = await db.pglite?.dumpDataDir('none');
  await db.close();
  return openDatabase({ loadDataDir: dump as Blob });
}

export { startJobs };
