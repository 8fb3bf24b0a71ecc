import PgBoss from 'pg-boss';
import type { Database } from '#db/database.ts';
import type { Tx } from '#db/tx.ts';
import { rawBossDb, txBossDb } from './boss-db.ts';
import { safeErrorFor } from '../logging/redaction.ts';
import { withStartLock } from './start-lock.ts';
import type { JobHandler, JobRunner, Logger, ScheduleOptions, SendOptions, WorkOptions } from './job-types.ts';
import { retryFields } from './job-types.ts';

export type JobRunnerOptions = {
  db: Database;
  log: Logger;
  /** Seconds between polls of an idle queue; a local enqueue wakes the worker at once. */
  pollSeconds?: number;
  /** How often pg-boss evaluates cron schedules (1-45 s; one runner wins each evaluation). */
  cronSeconds?: number;
  /** PostgreSQL only: size of pg-boss's own pool, kept apart from the request pool. */
  poolSize?: number;
};

/** What pg-boss stores as a failed job's output. */
const failureRecord = (error: unknown) => {
  const safe = safeErrorFor(error);
  return { message: `${safe.name}: ${safe.message}`, ...((safe as { code?: string }).code ? { code: (safe as { code?: string }).code } : {}) };
};

/** A pg-boss instance on the app's database (PGlite through `raw`, PostgreSQL through its own pool). */
export function createJobRunner(o: JobRunnerOptions): JobRunner {
  const connection = o.db.url ? { connectionString: o.db.url, max: o.poolSize ?? 4, application_name: 'kehu-jobs' } : { db: rawBossDb(o.db) };
  const boss = new PgBoss({
    ...connection,
    cronMonitorIntervalSeconds: o.cronSeconds ?? 30,
    // The internal queue that turns cron ticks into jobs; a tick may start up to this much late.
    cronWorkerIntervalSeconds: Math.min(o.cronSeconds ?? 15, 15),
    pollingIntervalSeconds: o.pollSeconds ?? 5,
  });
  // An unhandled 'error' event would crash the process; pg-boss recovers by polling again.
  boss.on('error', (error) => o.log.error({ err: error }, 'job queue error'));
  const queues = new Set<string>();
  const workers = new Map<string, string[]>();
  let started = false;

  const createQueue = async (name: string) => {
    if (queues.has(name)) return;
    await withStartLock(o.db, () => boss.createQueue(name));
    queues.add(name);
  };
  const requireStarted = () => {
    if (!started) throw new Error('The job runner is not started in this process');
  };

  return {
    start: async () => {
      await withStartLock(o.db, () => boss.start());
      started = true;
    },
    stop: async () => {
      if (!started) return;
      started = false;
      await boss.stop({ graceful: true, timeout: 15_000, wait: true });
    },
    createQueue: async (name) => {
      requireStarted();
      await createQueue(name);
    },
    work: async <T extends object>(queue: string, handler: JobHandler<T>, options: WorkOptions = {}) => {
      requireStarted();
      await createQueue(queue);
      const ids: string[] = [];
      const workOptions = { batchSize: options.batchSize ?? 5, ...(options.pollSeconds ? { pollingIntervalSeconds: options.pollSeconds } : {}) };
      for (let i = 0; i < (options.concurrency ?? 1); i++) {
        let id: string | undefined;
        id = await boss.work<T>(queue, workOptions, async (jobs) => {
          for (const job of jobs) {
            // Failing one job (not the batch) retries just it; completed jobs stay completed.
            // The stored failure keeps the error's type, code and scrubbed message: no customer data (logging/redaction.ts).
            await handler({ id: job.id, name: job.name, data: job.data }).catch((error: unknown) => boss.fail(queue, job.id, failureRecord(error)));
          }
          // pg-boss would otherwise sleep a poll interval even with more jobs waiting.
          if (jobs.length > 0 && id) boss.notifyWorker(id);
        });
        ids.push(id);
      }
      workers.set(queue, [...(workers.get(queue) ?? []), ...ids]);
      return ids;
    },
    schedule: async (name: string, cron: string, handler: JobHandler, options: ScheduleOptions = {}) => {
      requireStarted();
      await createQueue(name);
      await boss.schedule(name, cron, options.data ?? {}, { tz: options.tz ?? 'UTC', ...retryFields(options.retry) });
      // Cron ticks are a minute apart at best, so their workers need not poll often.
      await boss.work(name, { batchSize: 1, pollingIntervalSeconds: Math.min(o.cronSeconds ?? 10, 10) }, async ([job]) => {
        if (job)
          await handler({ id: job.id, name: job.name, data: job.data as Record<string, unknown> }).catch((error: unknown) =>
            Promise.reject(safeErrorFor(error)),
          );
      });
    },
    unschedule: async (name) => {
      requireStarted();
      await boss.unschedule(name);
    },
    send: async (queue, data, options: SendOptions = {}) => {
      requireStarted();
      await createQueue(queue);
      const { retry, ...rest } = options;
      const id = await boss.send(queue, data, { ...rest, ...retryFields(retry) });
      for (const workerId of workers.get(queue) ?? []) boss.notifyWorker(workerId);
      return id;
    },
    insertInTx: async (tx: Tx, jobs: PgBoss.JobInsert[]) => {
      requireStarted();
      await boss.insert(jobs, { db: txBossDb(tx) });
    },
    wake: (workerId) => boss.notifyWorker(workerId),
  };
}
