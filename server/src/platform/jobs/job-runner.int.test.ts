import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseAvailable } from '#test/db.ts';
import { createJobsFixture, FAST, type JobsFixture, pause, secondHandle, startJobs, testLog, waitFor } from '#test/jobs-kit.ts';
import { createSubscribers } from '../events/subscribers.ts';
import { createJobRegistry, jobsOf } from './job-registry.ts';
import { sql } from 'kysely';
import { ANALYZE_JOB, type JobDeps } from './start-jobs.ts';

describe.skipIf(!databaseAvailable)('job runner', () => {
  let f: JobsFixture;
  beforeAll(async () => {
    f = await createJobsFixture();
  });
  afterAll(async () => {
    await f?.db.close();
  });

  it('fires a cron schedule once per tick even with two runners', async () => {
    // A minute boundary inside the test would rightly fire a second tick; start clear of it.
    const intoMinute = Date.now() % 60_000;
    if (intoMinute > 48_000) await pause(61_000 - intoMinute);
    const runs: string[] = [];
    const other = await secondHandle(f.db);
    const deps: JobDeps[] = [
      { db: f.db, subscribers: createSubscribers(), log: testLog },
      { db: other, subscribers: createSubscribers(), log: testLog },
    ];
    // Every process registers the same schedule, as every instance of the app does.
    for (const d of deps) jobsOf(d).schedule('test-every-minute', '* * * * *', async (job) => void runs.push(job.id), { data: { kind: 'tick' } });
    const running = await Promise.all(deps.map((d) => startJobs(d, FAST)));
    try {
      await waitFor(() => runs.length > 0, 20_000, 'the cron job');
      await pause(2500); // more cron evaluations by both runners inside the same minute
      expect(runs).toHaveLength(1);
    } finally {
      for (const r of running) await r.stop();
      if (other !== f.db) await other.close();
    }
  });

  it('runs sent jobs on registered workers and refuses to send or register when not running', async () => {
    const got: unknown[] = [];
    const deps = { db: f.db, subscribers: createSubscribers(), log: testLog, jobs: createJobRegistry() };
    deps.jobs.work<{ n: number }>('test-queue', async (job) => void got.push(job.data.n));
    await expect(deps.jobs.send('test-queue', { n: 0 })).rejects.toThrow(/not running/);
    const running = await startJobs(deps, FAST);
    try {
      expect(() => deps.jobs.work('late-queue', async () => {})).toThrow(/after the runner started/);
      for (const n of [1, 2, 3]) await deps.jobs.send('test-queue', { n });
      await waitFor(() => got.length === 3, 10_000, 'three jobs');
      expect([...got].sort()).toEqual([1, 2, 3]);
    } finally {
      await running.stop();
    }
  });

  it('stores a failed job without the customer data its error carried', async () => {
    const marker = '+86 139 1234 5678';
    const deps = { db: f.db, subscribers: createSubscribers(), log: testLog, jobs: createJobRegistry() };
    let failed = 0;
    deps.jobs.work('test-failing', async () => {
      failed++;
      // As a database error carries it: the statement's parameters and the offending row.
      throw Object.assign(new Error(`invalid input syntax for type integer: "${marker}"`), {
        code: '22P02',
        params: [marker],
        detail: `Key (phone)=(${marker})`,
      });
    });
    const running = await startJobs(deps, FAST);
    try {
      const id = await deps.jobs.send('test-failing', {}, { retry: { limit: 0 } });
      await waitFor(() => failed === 1, 10_000, 'the failing job');
      const output = async () =>
        (await sql<{ output: unknown }>`select output from pgboss.job where id = ${id}::uuid and state = 'failed'`.execute(f.db.kysely)).rows[0]?.output;
      await waitFor(async () => (await output()) != null, 10_000, 'the failure record');
      const stored = JSON.stringify(await output());
      expect(stored).toContain('22P02');
      expect(stored).toContain('invalid input syntax for type integer');
      expect(stored).not.toContain('139');
    } finally {
      await running.stop();
    }
  });

  it('keeps planner statistics fresh on PGlite, which has no autovacuum', async () => {
    const lastAnalyze = async () =>
      (await sql<{ at: Date | null }>`select last_analyze as at from pg_stat_user_tables where relname = 'tenants'`.execute(f.db.kysely)).rows[0]?.at ?? null;
    const scheduled = async () => (await sql<{ name: string }>`select name from pgboss.schedule where name = ${ANALYZE_JOB}`.execute(f.db.kysely)).rows;
    const running = await startJobs({ db: f.db, subscribers: createSubscribers(), log: testLog, jobs: createJobRegistry() }, FAST);
    try {
      if (f.db.kind === 'postgres') {
        expect(await scheduled()).toEqual([]); // the server's autovacuum does it
        return;
      }
      expect(await scheduled()).toHaveLength(1);
      const before = await lastAnalyze();
      await running.runner.send(ANALYZE_JOB, {}); // what the hourly tick sends
      await waitFor(
        async () => {
          const at = await lastAnalyze();
          return at !== null && (before === null || at > before);
        },
        20_000,
        'the analyze job',
      );
    } finally {
      await running.stop();
    }
  });
});
