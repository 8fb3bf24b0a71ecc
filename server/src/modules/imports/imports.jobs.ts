import { inSystem } from '#db/tx.ts';
import type { Deps } from '#platform/deps.ts';
import { jobsOf } from '#platform/jobs/job-registry.ts';
import { runImport } from './import-run.service.ts';
import * as repo from './imports.repo.ts';
import { runRollback } from './rollback.service.ts';

export const IMPORT_QUEUE = 'imports-run';
export const ROLLBACK_QUEUE = 'imports-rollback';
const SWEEP_JOB = 'imports-sweep';

type ImportJob = { tenantId: string; importId: string };
const QUEUES = { run: IMPORT_QUEUE, rollback: ROLLBACK_QUEUE } as const;

/**
 * Enqueues a run or rollback; one job per import at a time (singleton key). A process that runs
 * no jobs leaves it to the sweep of one that does (the import row already says queued).
 */
export async function enqueueImportJob(deps: Deps, kind: keyof typeof QUEUES, tenantId: string, importId: string, lease?: string): Promise<void> {
  await jobsOf(deps)
    .send(
      QUEUES[kind],
      { tenantId, importId },
      // A lapsed lease: the dead worker's job may still count as active, so the resume is a job of its own (once per lapse).
      {
        singletonKey: lease ? `${kind}:${importId}:${lease}` : `${kind}:${importId}`,
        expireInSeconds: 6 * 3600,
        retry: { limit: 5, delaySeconds: 5, backoff: true },
      },
    )
    .catch((error: unknown) => deps.log.info({ err: error, importId }, 'import left for the sweep'));
}

/** Workers for runs and rollbacks, and a sweep that (re)queues imports no worker holds. */
export function registerImportJobs(deps: Deps): void {
  const jobs = jobsOf(deps);
  jobs.work<ImportJob>(IMPORT_QUEUE, async (job) => void (await runImport({ deps, ...job.data, signal: jobs.stopping })));
  jobs.work<ImportJob>(ROLLBACK_QUEUE, async (job) => void (await runRollback({ deps, ...job.data })));
  jobs.schedule(SWEEP_JOB, '* * * * *', async () => {
    const pending = await inSystem(deps.db.kysely, (tx) => repo.pendingImports(tx));
    for (const p of pending)
      await enqueueImportJob(deps, p.status === 'rolling_back' ? 'rollback' : 'run', p.tenant_id, p.id, p.status === 'running' ? p.lease : undefined);
  });
}
