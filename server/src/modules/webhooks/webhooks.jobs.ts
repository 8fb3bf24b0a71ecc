import { inSystem } from '#db/tx.ts';
import type { Deps } from '#platform/deps.ts';
import { jobsOf } from '#platform/jobs/job-registry.ts';
import * as deliveries from './deliveries.repo.ts';
import type { DeliverySettings } from './delivery-settings.rules.ts';
import { type AttemptJob, resendAttempt, runAttempt, WEBHOOK_QUEUE } from './webhook-delivery.service.ts';
import { webhookSubscriber } from './webhook-events.subscribers.ts';

const SWEEP_JOB = 'webhooks-sweep';
const PURGE_JOB = 'webhooks-purge';
/** An attempt this late has lost its job (or was queued by a process without a runner). */
const OVERDUE_SECONDS = 120;

/** Attempts whose job is gone are queued again (the claim keeps a second send of the same attempt out). */
export async function sweepOverdue(deps: Deps): Promise<number> {
  const due = await inSystem(deps.db.kysely, (tx) => deliveries.overdueDeliveries(tx, OVERDUE_SECONDS, 500));
  const salt = new Date().toISOString().slice(0, 16);
  for (const d of due) await resendAttempt({ deps, job: { tenantId: d.tenant_id, deliveryId: d.id, attempt: d.attempts + 1 }, salt });
  return due.length;
}

/** The outbox subscriber, the attempt worker, the sweep for lost attempts and the log's purge. */
export function registerWebhookJobs(deps: Deps, settings: DeliverySettings): void {
  deps.subscribers.add(webhookSubscriber(deps));
  const jobs = jobsOf(deps);
  // Attempts mostly wait on the network, so several run at once even on PGlite's one connection.
  jobs.work<AttemptJob>(WEBHOOK_QUEUE, (job) => runAttempt({ deps, settings, job: job.data }), {
    concurrency: deps.db.kind === 'pglite' ? 4 : 8,
    batchSize: 4,
    pollSeconds: 1,
  });
  jobs.schedule(SWEEP_JOB, '* * * * *', async () => {
    const swept = await sweepOverdue(deps);
    if (swept) deps.log.info({ swept }, 'overdue webhook attempts queued again');
  });
  jobs.schedule(PURGE_JOB, '41 3 * * *', async () => {
    const purged = await inSystem(deps.db.kysely, (tx) => deliveries.purgeDeliveries(tx, settings.keepDays));
    deps.log.info({ purged: Number(purged.numDeletedRows) }, 'old webhook deliveries purged');
  });
}
