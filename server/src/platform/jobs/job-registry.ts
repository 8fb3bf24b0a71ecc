import { sql } from 'kysely';
import type { Tx } from '#db/tx.ts';
import type { JobHandler, JobRunner, ScheduleOptions, SendOptions, WorkOptions } from './job-types.ts';
import { retryFields } from './job-types.ts';

type Definition =
  | { kind: 'schedule'; name: string; cron: string; handler: JobHandler; options: ScheduleOptions }
  | { kind: 'work'; queue: string; handler: JobHandler; options: WorkOptions };

/**
 * What modules see of the job system. Modules register while the app is built (before any
 * runner starts); a process that runs jobs attaches a runner, which starts every definition.
 */
export type JobRegistry = {
  /** A durable cron job (`*\/5 * * * *`, UTC unless `tz`): one run per tick across all runners. */
  schedule: (name: string, cron: string, handler: JobHandler, options?: ScheduleOptions) => void;
  /** A worker for a queue that something `send`s to. */
  work: <T extends object>(queue: string, handler: JobHandler<T>, options?: WorkOptions) => void;
  /** Enqueues a job; only in a process whose runner is started (serve with KEHU_JOBS=1, worker). */
  send: (queue: string, data: object, options?: SendOptions) => Promise<string | null>;
  /**
   * Enqueues inside the caller's (tenant) transaction: the job exists only if it commits. Returns
   * false, enqueuing nothing, in a process without a runner: the caller keeps its own record of
   * the work and a sweep picks it up. `id` makes a second enqueue of the same job a no-op.
   */
  sendInTx: (tx: Tx, queue: string, data: object, options?: SendOptions & { id?: string }) => Promise<boolean>;
  attach: (runner: JobRunner) => Promise<void>;
  detach: () => void;
  /** Aborted when the runner stops (SIGTERM of the worker): a long job ends its current step and returns, leaving its work resumable. */
  readonly stopping: AbortSignal;
};

export function createJobRegistry(): JobRegistry {
  const definitions: Definition[] = [];
  let runner: JobRunner | null = null;
  let stopping = new AbortController();
  const register = (definition: Definition) => {
    if (runner) throw new Error(`Job ${definition.kind === 'work' ? definition.queue : definition.name} registered after the runner started`);
    const name = definition.kind === 'work' ? definition.queue : definition.name;
    if (definitions.some((d) => (d.kind === 'work' ? d.queue : d.name) === name)) throw new Error(`Job ${name} registered twice`);
    definitions.push(definition);
  };
  return {
    schedule: (name, cron, handler, options = {}) => register({ kind: 'schedule', name, cron, handler, options }),
    work: (queue, handler, options = {}) => register({ kind: 'work', queue, handler: handler as JobHandler, options }),
    send: (queue, data, options) => {
      if (!runner) return Promise.reject(new Error('Jobs are not running in this process (KEHU_JOBS=0)'));
      return runner.send(queue, data, options);
    },
    sendInTx: async (tx, queue, data, options = {}) => {
      if (!runner) return false;
      const { retry, startAfter, singletonKey, expireInSeconds, id } = options;
      // pg-boss's tables belong to the owner role, not to the RLS-bound kehu_app a tenant
      // transaction runs as: step out of it for the insert, then back.
      const { rows } = await sql<{ role: string }>`select current_setting('role') as role, set_config('role', 'none', true)`.execute(tx);
      await runner.insertInTx(tx, [
        {
          name: queue,
          data,
          ...(id ? { id } : {}),
          ...(startAfter !== undefined ? { startAfter: typeof startAfter === 'number' ? new Date(Date.now() + startAfter * 1000) : startAfter } : {}),
          ...(singletonKey ? { singletonKey } : {}),
          ...(expireInSeconds ? { expireInSeconds } : {}),
          ...retryFields(retry),
        },
      ]);
      await sql`select set_config('role', ${rows[0]?.role ?? 'none'}, true)`.execute(tx);
      return true;
    },
    get stopping() {
      return stopping.signal;
    },
    attach: async (next) => {
      runner = next;
      if (stopping.signal.aborted) stopping = new AbortController();
      for (const d of definitions) {
        if (d.kind === 'schedule') await next.schedule(d.name, d.cron, d.handler, d.options);
        else await next.work(d.queue, d.handler, d.options);
      }
    },
    detach: () => {
      stopping.abort();
      runner = null;
    },
  };
}

/** The app's registry, created on first use so apps built without jobs (tests) need nothing. */
export function jobsOf(deps: { jobs?: JobRegistry }): JobRegistry {
  deps.jobs ??= createJobRegistry();
  return deps.jobs;
}
