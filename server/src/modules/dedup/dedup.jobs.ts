import { inSystem, inTenant } from '#db/tx.ts';
import type { Deps } from '#platform/deps.ts';
import type { OutboxEvent } from '#platform/events/subscribers.ts';
import { jobsOf } from '#platform/jobs/job-registry.ts';
import type { Tx } from '#db/tx.ts';
import { checkRecord, detectorFor } from './detector.service.ts';
import { recordsByIds } from './keys.repo.ts';
import { standardDedupTargets } from './dedup-objects.service.ts';
import { pendingRuns, saveRun } from './runs.repo.ts';
import { rekeyIdentifierHashes } from './rekey.service.ts';
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

/**
 * The incremental check: a created, changed or restored record of a standard object is compared
 * with its blocks (custom objects' duplicates are found by a scan: their event names are the tenant's).
 */
export async function onRecordEvent(deps: Deps, event: OutboxEvent, tx: Tx): Promise<void> {
  const target = standardDedupTargets(deps).find((t) => t.name === event.objectType);
  if (!target || !event.objectId) return;
  const object = target.name;
  const [row] = await recordsByIds(tx, target.table, [event.objectId]);
  const d = await detectorFor({ deps, tx, tenantId: event.tenantId, object, settings: detectorSettings(await loadSettings(tx, object)) });
  await checkRecord({ d, row, recordId: event.objectId });
}

/**
 * An import batch (#21): each standard object's created and updated records, read in one query
 * and checked against their blocks with one detector.
 */
export async function onImportBatch(deps: Deps, event: OutboxEvent, tx: Tx): Promise<void> {
  const records = (event.payload as { records?: Record<string, { created?: string[]; updated?: string[] }> }).records ?? {};
  for (const target of standardDedupTargets(deps)) {
    const group = records[target.name];
    const ids = [...(group?.created ?? []), ...(group?.updated ?? [])];
    if (!ids.length) continue;
    const rows = new Map((await recordsByIds(tx, target.table, ids)).map((r) => [r.id, r]));
    const d = await detectorFor({ deps, tx, tenantId: event.tenantId, object: target.name, settings: detectorSettings(await loadSettings(tx, target.name)) });
    for (const id of ids) await checkRecord({ d, row: rows.get(id), recordId: id });
  }
}

const VERBS = ['created', 'updated', 'restored', 'deleted'];

export function registerDedupJobs(deps: Deps): void {
  deps.subscribers.add({
    name: 'dedup-incremental',
    events: standardDedupTargets(deps).flatMap((o) => VERBS.map((v) => `${o.name}.${v}`)),
    handle: (event, tx) => onRecordEvent(deps, event, tx),
  });
  deps.subscribers.add({ name: 'dedup-import-batch', events: ['import.batch_committed'], handle: (event, tx) => onImportBatch(deps, event, tx) });
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
    await rekeyIdentifierHashes({ deps });
  });
}
