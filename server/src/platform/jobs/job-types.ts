import type PgBoss from 'pg-boss';
import type { Tx } from '#db/tx.ts';

export type JobData = Record<string, unknown>;
export type Job<T = JobData> = { id: string; name: string; data: T };
/** Throwing fails the job, which pg-boss retries per its retry policy; handlers must be idempotent. */
export type JobHandler<T = JobData> = (job: Job<T>) => Promise<void>;

export type RetryPolicy = {
  limit?: number;
  /** Seconds before the first retry; doubled (with jitter) for each next one when `backoff`. */
  delaySeconds?: number;
  backoff?: boolean;
};

/** `concurrency` workers each take up to `batchSize` jobs per fetch and run them one by one. */
export type WorkOptions = { concurrency?: number; batchSize?: number; pollSeconds?: number };
export type ScheduleOptions = { tz?: string; data?: JobData; retry?: RetryPolicy };
export type SendOptions = { retry?: RetryPolicy; startAfter?: number | string | Date; singletonKey?: string; expireInSeconds?: number };

/** The subset of pino/Fastify's logger the runner writes to. */
export type Logger = {
  info: (obj: object, msg?: string) => void;
  warn: (obj: object, msg?: string) => void;
  error: (obj: object, msg?: string) => void;
};

export type JobRunner = {
  start: () => Promise<void>;
  /** Stops polling, waits up to 15 s for running jobs, fails what is left so it is retried. */
  stop: () => Promise<void>;
  createQueue: (name: string) => Promise<void>;
  /** Returns the worker ids (one per concurrency slot), for `wake`. */
  work: <T extends object>(queue: string, handler: JobHandler<T>, options?: WorkOptions) => Promise<string[]>;
  schedule: (name: string, cron: string, handler: JobHandler, options?: ScheduleOptions) => Promise<void>;
  unschedule: (name: string) => Promise<void>;
  send: (queue: string, data: object, options?: SendOptions) => Promise<string | null>;
  /** Enqueues inside the caller's transaction: the jobs exist only if it commits. */
  insertInTx: (tx: Tx, jobs: PgBoss.JobInsert[]) => Promise<void>;
  /** Makes a local worker poll now instead of at its next interval. */
  wake: (workerId: string) => void;
};

export function retryFields(retry: RetryPolicy | undefined) {
  return {
    ...(retry?.limit !== undefined ? { retryLimit: retry.limit } : {}),
    ...(retry?.delaySeconds !== undefined ? { retryDelay: retry.delaySeconds } : {}),
    ...(retry?.backoff !== undefined ? { retryBackoff: retry.backoff } : {}),
  };
}
