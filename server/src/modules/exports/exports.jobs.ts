import { inSystem } from '#db/tx.ts';
import type { Deps } from '#platform/deps.ts';
import { jobsOf } from '#platform/jobs/job-registry.ts';
import { removeExportFile } from './export-files.service.ts';
import { runExport } from './export-run.service.ts';
import * as repo from './exports.repo.ts';

export const EXPORT_QUEUE = 'exports-run';
const SWEEP_JOB = 'exports-sweep';
const CLEANUP_JOB = 'exports-cleanup';

type ExportJob = { tenantId: string; exportId: string };

/** One job per export (singleton key); a process without a job runner leaves it to the sweep. */
export async function enqueueExportJob(deps: Deps, tenantId: string, exportId: string): Promise<void> {
  await jobsOf(deps)
    .send(EXPORT_QUEUE, { tenantId, exportId }, { singletonKey: exportId, expireInSeconds: 6 * 3600, retry: { limit: 3, delaySeconds: 10, backoff: true } })
    .catch((error: unknown) => deps.log.info({ err: error, exportId }, 'export left for the sweep'));
}

/** Removes files of exports past their expiry and marks them expired; returns how many. */
export async function cleanupExpiredExports(deps: Deps, now = new Date()): Promise<number> {
  const expired = await inSystem(deps.db.kysely, (tx) => repo.expiredExports(tx, now));
  for (const e of expired) await removeExportFile({ config: deps.config, tenantId: e.tenant_id, id: e.id, format: e.format });
  await inSystem(deps.db.kysely, (tx) =>
    repo.markExpired(
      tx,
      expired.map((e) => e.id),
    ),
  );
  return expired.length;
}

/** The export worker, a sweep for exports no worker holds, and the hourly cleanup of expired files. */
export function registerExportJobs(deps: Deps): void {
  const jobs = jobsOf(deps);
  jobs.work<ExportJob>(EXPORT_QUEUE, async (job) => void (await runExport({ deps, ...job.data })));
  jobs.schedule(SWEEP_JOB, '* * * * *', async () => {
    const pending = await inSystem(deps.db.kysely, (tx) => repo.pendingExports(tx));
    for (const p of pending) await enqueueExportJob(deps, p.tenant_id, p.id);
  });
  jobs.schedule(CLEANUP_JOB, '17 * * * *', async () => {
    const removed = await cleanupExpiredExports(deps);
    if (removed) deps.log.info({ removed }, 'expired exports removed');
  });
}
