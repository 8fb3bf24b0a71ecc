import { inSystem } from '#db/tx.ts';
import type { Deps } from '#platform/deps.ts';
import type { Subscriber } from '#platform/events/subscribers.ts';
import { jobsOf } from '#platform/jobs/job-registry.ts';
import { deliverMessage } from './delivery.service.ts';
import { dueMessages } from './messages.repo.ts';

export const MAIL_QUEUE = 'mail-deliver';
const SWEEP_JOB = 'mail-sweep';

type MailJob = { tenantId: string; id: string };

/**
 * Asks a worker to try a message now, or after `delaySeconds`. Best effort: the sweep finds
 * every due message anyway (a process without a runner, a lost job).
 */
export async function enqueueDelivery(deps: Deps, job: MailJob, delaySeconds = 0): Promise<void> {
  await jobsOf(deps)
    .send(MAIL_QUEUE, job, { ...(delaySeconds > 0 ? { startAfter: delaySeconds } : {}), expireInSeconds: 600 })
    .catch((error: unknown) => deps.log.info({ err: error, mailId: job.id }, 'e-mail left for the sweep'));
}

/**
 * `mail.queued` (committed with the message) wakes a worker. The job is sent once the event's
 * transaction has ended: on PGlite the queue shares the one connection the handler holds.
 */
export function mailQueuedSubscriber(deps: Deps): Subscriber {
  return {
    name: 'mail.deliver',
    events: ['mail.queued'],
    handle: async (event) => {
      if (!event.objectId) return;
      const job = { tenantId: event.tenantId, id: event.objectId };
      setImmediate(() => void enqueueDelivery(deps, job));
    },
  };
}

/** The delivery worker (a failure is recorded and retried later with backoff) and the sweep. */
export function registerMailJobs(deps: Deps): void {
  const jobs = jobsOf(deps);
  jobs.work<MailJob>(
    MAIL_QUEUE,
    async (job) => {
      const result = await deliverMessage({ deps, ...job.data });
      if (result.outcome === 'retry') await enqueueDelivery(deps, job.data, result.retryInSeconds);
    },
    { concurrency: deps.db.kind === 'pglite' ? 1 : 2, batchSize: 1 },
  );
  // Every minute: messages due whose job was lost (a crash, a process without a runner).
  jobs.schedule(SWEEP_JOB, '* * * * *', async () => {
    const due = await inSystem(deps.db.kysely, (tx) => dueMessages(tx, 200));
    for (const m of due) await enqueueDelivery(deps, { tenantId: m.tenant_id, id: m.id });
  });
}
