import { inSystem, inTenant } from '#db/tx.ts';
import type { Deps } from '#platform/deps.ts';
import type { OutboxEvent } from '#platform/events/subscribers.ts';
import { jobsOf } from '#platform/jobs/job-registry.ts';
import type { Tx } from '#db/tx.ts';
import { checkRecord, detectorFor } from './detector.service.ts';
import { recordsByIds } from './keys.repo.ts';
import { DEDUP_OBJECTS, type DedupObject, OBJECTS } from './objects.definition.ts';
import { pendingRuns, saveRun } from './runs.repo.ts';
import { runScan } from './scan.service.ts';
import { detectorSettings, loadSettings } from './settings.service.ts';

export const SCAN_QUEUE = 'dedup-scan';
const SWEEP_JOB = 'dedup-sweep';

/** Queues a full scan; one job per run (singleton key). Without a runner in this process the sweep picks it up. */
export async function enqueueScan(deps: Deps, tenantId: string, runId: string): Promise<void> {
  await jobsOf(deps)
    .send(SCAN_QUEUE, { tenantId, runId }, { singletonKey: `dedup:${runId}`, expireInSeconds: 6 * 3600, retry: { limit: 5, delaySeconds: 5, backoff: true } })
    .catch((error: unknown) => deps.log.info({ err: error, runId }, 'dedup scan left for the sweep'));
}

/** The incremental check: a created, changed or restored record is compared with its blocks. */
export async function onRecordEvent(deps: Deps, event: OutboxEvent, tx: Tx): Promise<void> {
  const object = event.objectType as DedupObject;
  if (!DEDUP_OBJECTS.includes(object) || !event.objectId) return;
  const [row] = await recordsByIds(tx, OBJECTS[object].table, [event.objectId]);
  const d = await detectorFor(deps, tx, event.tenantId, object, detectorSettings(await loadSettings(tx, object)));
  await checkRecord(d, row, event.objectId);
}

const VERBS = ['created', 'updated', 'restored', 'deleted'];

export function registerDedupJobs(deps: Deps): void {
  deps.subscribers.add({
    name: 'dedup-incremental',
    events: DEDUP_OBJECTS.flatMap((o) => VERBS.map((v) => `${o}.${v}`)),
    handle: (event, tx) => onRecordEvent(deps, event, tx),
  });
  const jobs = jobsOf(deps);
  jobs.work<{ tenantId: string; runId: string }>(SCAN_QUEUE, async (job) => {
    try {
      await runScan({ deps, ...job.data });
    } catch (error) {
      // The run stays running (the retry or the sweep resumes it); the error is kept for the screen.
      await inTenant(deps.db.kysely, job.data.tenantId, (tx) => saveRun(tx, job.data.runId, { error: String(error) }));
      throw error;
    }
  });
  jobs.schedule(SWEEP_JOB, '*/5 * * * *', async () => {
    const pending = await inSystem(deps.db.kysely, (tx) => pendingRuns(tx));
    for (const p of pending) await enqueueScan(deps, p.tenant_id, p.id);
  });
}
