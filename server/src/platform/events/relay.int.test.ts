import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTenant } from '#db/tx.ts';
import { databaseAvailable } from '#test/db.ts';
import {
  createJobsFixture,
  emit,
  FAST,
  type JobsFixture,
  pause,
  recordingSubscriber,
  reopen,
  secondHandle,
  startJobs,
  testLog,
  waitFor,
} from '#test/jobs-kit.ts';
import { createJobRunner } from '../jobs/job-runner.ts';
import { emitEvent } from './outbox.ts';
import { relayBatch } from './relay.ts';
import { createSubscribers } from './subscribers.ts';

const count = (seen: string[], key: string) => seen.filter((s) => s === key).length;

describe.skipIf(!databaseAvailable)('outbox relay and delivery', () => {
  let f: JobsFixture;
  beforeAll(async () => {
    f = await createJobsFixture();
  });
  afterAll(async () => {
    await f?.db.close();
  });

  it('delivers each committed event once per subscriber, in its tenant, with two runners polling', async () => {
    const seen: string[] = [];
    const tenants: string[] = [];
    const subscribers = createSubscribers();
    subscribers.add(recordingSubscriber('a', ['deal.*'], seen, async (event) => void tenants.push(event.tenantId)));
    subscribers.add(recordingSubscriber('b', ['deal.won'], seen));
    const other = await secondHandle(f.db);
    const one = await startJobs({ db: f.db, subscribers, log: testLog }, FAST);
    const two = await startJobs({ db: other, subscribers, log: testLog }, FAST);
    try {
      const won = [...(await emit(f.db, f.tenantId, 'deal.won', 10)), ...(await emit(f.db, f.tenantId, 'deal.won', 5))];
      const lost = await emit(f.db, f.tenantId, 'deal.lost', 5);
      await waitFor(() => seen.length >= won.length * 2 + lost.length, 20_000, 'deliveries');
      await pause(1500); // a few more polls by both runners, to catch a second delivery
      for (const id of won) expect([count(seen, `a:${id}`), count(seen, `b:${id}`)]).toEqual([1, 1]);
      for (const id of lost) expect([count(seen, `a:${id}`), count(seen, `b:${id}`)]).toEqual([1, 0]);
      expect(seen).toHaveLength(won.length * 2 + lost.length);
      expect(new Set(tenants)).toEqual(new Set([f.tenantId]));
      const pending = await f.db.kysely.selectFrom('outbox').select('id').where('published_at', 'is', null).execute();
      expect(pending).toEqual([]);
    } finally {
      await one.stop();
      await two.stop();
      if (other !== f.db) await other.close();
    }
  });

  it('never delivers the event of a rolled-back transaction', async () => {
    const seen: string[] = [];
    const subscribers = createSubscribers();
    subscribers.add(recordingSubscriber('d', ['note.*'], seen));
    const jobs = await startJobs({ db: f.db, subscribers, log: testLog }, FAST);
    try {
      let rolledBack = '';
      const failing = inTenant(f.db.kysely, f.tenantId, async (tx) => {
        rolledBack = await emitEvent(tx, { tenantId: f.tenantId, userId: null }, { type: 'note.created', objectType: 'note', objectId: null });
        throw new Error('abort');
      });
      await expect(failing).rejects.toThrow('abort');
      const [marker] = await emit(f.db, f.tenantId, 'note.created');
      await waitFor(() => seen.includes(`d:${marker}`), 10_000, 'the committed event');
      await pause(1000);
      expect(seen).toEqual([`d:${marker}`]);
      const row = await f.db.kysely.selectFrom('outbox').select('id').where('id', '=', rolledBack).executeTakeFirst();
      expect(row).toBeUndefined();
    } finally {
      await jobs.stop();
    }
  });

  it('wakes on commit instead of waiting for the next poll', async () => {
    const seen: string[] = [];
    const subscribers = createSubscribers();
    subscribers.add(recordingSubscriber('w', ['task.*'], seen));
    const jobs = await startJobs({ db: f.db, subscribers, log: testLog }, { ...FAST, pollSeconds: 60 });
    try {
      await pause(300); // let the first (empty) relay pass and its pollers go to sleep
      const started = Date.now();
      const [id] = await emit(f.db, f.tenantId, 'task.created');
      await waitFor(() => seen.includes(`w:${id}`), 10_000, 'a woken delivery');
      expect(Date.now() - started).toBeLessThan(10_000);
    } finally {
      await jobs.stop();
    }
  });

  it('loses nothing when the process dies between relaying and running the jobs', async () => {
    const seen: string[] = [];
    const subscribers = createSubscribers();
    subscribers.add(recordingSubscriber('c', ['ticket.*'], seen));
    const ids = await emit(f.db, f.tenantId, 'ticket.created', 6);
    // The first process relays half the outbox, then stops before any worker ran a job.
    const crashed = createJobRunner({ db: f.db, log: testLog });
    await crashed.start();
    expect(await relayBatch({ db: f.db, runner: crashed, subscribers, log: testLog, batchSize: 3 })).toBe(3);
    await crashed.stop();
    f.db = await reopen(f.db);
    const jobs = await startJobs({ db: f.db, subscribers, log: testLog }, FAST);
    try {
      await waitFor(() => seen.length >= ids.length, 20_000, 'deliveries after restart');
      await pause(1000);
      expect(seen.sort()).toEqual(ids.map((id) => `c:${id}`).sort());
    } finally {
      await jobs.stop();
    }
  });
});
