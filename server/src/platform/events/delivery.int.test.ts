import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseAvailable } from '#test/db.ts';
import { createJobsFixture, emit, FAST, type JobsFixture, startJobs, testLog, waitFor } from '#test/jobs-kit.ts';
import { newId } from '../ids.ts';
import { deliveryJobId } from './relay.ts';
import { createSubscribers } from './subscribers.ts';

describe.skipIf(!databaseAvailable)('event delivery retries', () => {
  let f: JobsFixture;
  beforeAll(async () => {
    f = await createJobsFixture();
  });
  afterAll(async () => {
    await f?.db.close();
  });

  const jobState = async (eventId: string, subscriber: string) => {
    const { rows } = await f.db.raw('select state, retry_count from pgboss.job where id = $1', [deliveryJobId(eventId, subscriber)]);
    return rows[0] as { state: string; retry_count: number } | undefined;
  };

  it('retries a failing handler with growing delays, rolling back each failed attempt, until it succeeds', async () => {
    const attempts: number[] = [];
    const subscribers = createSubscribers();
    subscribers.add({
      name: 'flaky',
      events: ['lead.created'],
      retry: { limit: 4, delaySeconds: 1, backoff: true },
      handle: async (event, tx) => {
        attempts.push(Date.now());
        await tx
          .insertInto('audit_log')
          .values({ tenant_id: event.tenantId, id: newId(), action: 'probe', object_type: 'lead', object_id: event.id })
          .execute();
        if (attempts.length < 3) throw new Error(`attempt ${attempts.length} fails`);
      },
    });
    const jobs = await startJobs({ db: f.db, subscribers, log: testLog }, FAST);
    try {
      const [id = ''] = await emit(f.db, f.tenantId, 'lead.created');
      await waitFor(async () => (await jobState(id, 'flaky'))?.state === 'completed', 25_000, 'the third attempt');
      expect(attempts).toHaveLength(3);
      const [first = 0, second = 0, third = 0] = attempts;
      // Backoff: the first retry waits 1-2 s, the second 2-4 s.
      expect(second - first).toBeGreaterThanOrEqual(900);
      expect(third - second).toBeGreaterThanOrEqual(1900);
      expect(await jobState(id, 'flaky')).toEqual({ state: 'completed', retry_count: 2 });
      const probes = await f.db.kysely.selectFrom('audit_log').select('id').where('object_id', '=', id).execute();
      expect(probes).toHaveLength(1);
    } finally {
      await jobs.stop();
    }
  });

  it('gives up after the retry limit and leaves the job failed, without touching other subscribers', async () => {
    let broken = 0;
    const fine: string[] = [];
    const subscribers = createSubscribers();
    subscribers.add({
      name: 'broken',
      events: ['company.*'],
      retry: { limit: 1, delaySeconds: 1, backoff: false },
      handle: async () => {
        broken++;
        throw new Error('always');
      },
    });
    subscribers.add({ name: 'fine', events: ['company.*'], handle: async (event) => void fine.push(event.id) });
    const jobs = await startJobs({ db: f.db, subscribers, log: testLog }, FAST);
    try {
      const [id = ''] = await emit(f.db, f.tenantId, 'company.created');
      await waitFor(async () => (await jobState(id, 'broken'))?.state === 'failed', 20_000, 'the job to fail');
      expect(broken).toBe(2);
      expect(fine).toEqual([id]);
    } finally {
      await jobs.stop();
    }
  });
});
