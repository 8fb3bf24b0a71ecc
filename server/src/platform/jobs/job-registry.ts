import type { JobHandler, JobRunner, ScheduleOptions, SendOptions, WorkOptions } from './job-types.ts';

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
  attach: (runner: JobRunner) => Promise<void>;
  detach: () => void;
};

export function createJobRegistry(): JobRegistry {
  const definitions: Definition[] = [];
  let runner: JobRunner | null = null;
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
    attach: async (next) => {
      runner = next;
      for (const d of definitions) {
        if (d.kind === 'schedule') await next.schedule(d.name, d.cron, d.handler, d.options);
        else await next.work(d.queue, d.handler, d.options);
      }
    },
    detach: () => {
      runner = null;
    },
  };
}

/** The app's registry, created on first use so apps built without jobs (tests) need nothing. */
export function jobsOf(deps: { jobs?: JobRegistry }): JobRegistry {
  deps.jobs ??= createJobRegistry();
  return deps.jobs;
}
