import { sql } from 'kysely';
import type { Database } from '#db/database.ts';
import { type DeliveryJob, deliverEvent, EVENTS_QUEUE } from '../events/delivery.ts';
import { listenForOutbox } from '../events/outbox-listener.ts';
import { type Relay, startRelay } from '../events/relay.ts';
import type { Subscribers } from '../events/subscribers.ts';
import { type JobRegistry, jobsOf } from './job-registry.ts';
import { createJobRunner } from './job-runner.ts';
import type { JobRunner, Logger, RetryPolicy } from './job-types.ts';

/** The part of Deps the job system needs (tests build it without an HTTP app). */
export type JobDeps = { db: Database; subscribers: Subscribers; log: Logger; jobs?: JobRegistry };

export type StartJobsOptions = {
  /** Idle poll of each queue and of the outbox, in seconds (wake-ups make most deliveries immediate). */
  pollSeconds?: number;
  cronSeconds?: number;
  /** Event deliveries run at once; PGlite is one connection, so 1 there. */
  concurrency?: number;
  relayBatchSize?: number;
  retry?: RetryPolicy;
};

/** PGlite has no autovacuum: without this, statistics stay those of an empty table after an import. */
export const ANALYZE_JOB = 'db.analyze';

export type RunningJobs = { runner: JobRunner; relay: Relay; stop: () => Promise<void> };

/**
 * Starts pg-boss, the event delivery workers, every job registered through `jobsOf(deps)`, and
 * the outbox relay (woken by the outbox NOTIFY). `stop` before closing the database.
 */
export async function startJobs(deps: JobDeps, options: StartJobsOptions = {}): Promise<RunningJobs> {
  const pollSeconds = options.pollSeconds ?? 5;
  const runner = createJobRunner({ db: deps.db, log: deps.log, pollSeconds, cronSeconds: options.cronSeconds });
  await runner.start();
  const workerIds = await runner.work<DeliveryJob>(EVENTS_QUEUE, (job) => deliverEvent(deps, job), {
    concurrency: options.concurrency ?? (deps.db.kind === 'pglite' ? 1 : 4),
  });
  const registry = jobsOf(deps);
  await registry.attach(runner);
  if (deps.db.kind === 'pglite')
    await runner.schedule(ANALYZE_JOB, '35 * * * *', async () => {
      await sql`analyze`.execute(deps.db.kysely);
    });
  const relay = startRelay({
    db: deps.db,
    runner,
    subscribers: deps.subscribers,
    log: deps.log,
    pollMs: pollSeconds * 1000,
    batchSize: options.relayBatchSize,
    retry: options.retry,
    // The jobs were just committed: let a local worker take them now rather than at its next poll.
    onRelayed: () => {
      for (const id of workerIds) runner.wake(id);
    },
  });
  const unlisten = await listenForOutbox(deps.db, relay.wake, deps.log);
  deps.log.info({ db: deps.db.kind }, 'jobs started');
  return {
    runner,
    relay,
    stop: async () => {
      await unlisten();
      await relay.stop();
      registry.detach();
      await runner.stop();
    },
  };
}
