import { inTenant } from '#db/tx.ts';
import { loadAccess } from '#platform/auth/auth.service.ts';
import type { CollectedChange, RequestContext } from '#platform/context.ts';
import type { Deps } from '#platform/deps.ts';
import { AppError } from '#platform/errors/app-error.ts';
import { storedChunks } from './file-store.service.ts';
import { phoneRegionOf } from '#platform/tenancy/phone-region.ts';
import { readRows } from './file-rows.service.ts';
import type { RowContext, RowOutcome } from './import-row.service.ts';
import { importBatch } from './import-batch.service.ts';
import { announceBatch } from './batch-announce.service.ts';
import { importTarget } from './importable-objects.service.ts';
import * as repo from './imports.repo.ts';
import { importSettings } from './import-settings.rules.ts';

export type RunImportOptions = {
  deps: Deps;
  tenantId: string;
  importId: string /** Stop after this many batches (tests: a worker killed mid-way). */;
  maxBatches?: number;
  /** Aborted: stop after the current batch, the import left running with its lease given up (a worker's SIGTERM). */
  signal?: AbortSignal;
};

/** How often a running import renews its lease between batches (imports.repo LEASE_SECONDS). */
const HEARTBEAT_MS = 5000;

/** Renews the import's lease every few seconds while it runs; a failed beat is retried by the next. */
function heartbeat(deps: Deps, tenantId: string, importId: string): () => void {
  const timer = setInterval(() => {
    inTenant(deps.db.kysely, tenantId, (tx) => repo.renewLease(tx, importId)).catch((error: unknown) =>
      deps.log.warn({ err: error, importId }, 'import heartbeat'),
    );
  }, HEARTBEAT_MS);
  timer.unref();
  return () => clearInterval(timer);
}
type Pending = { rowNumber: number; values: string[] };

/** Writes one batch and moves the cursor in the same transaction; a batch another worker already committed is skipped. */
async function commitBatch(rc: RowContext, batch: Pending[]): Promise<boolean> {
  const first = batch[0];
  const last = batch.at(-1);
  if (!first || !last) return true;
  return inTenant(rc.deps.db.kysely, rc.ctx.tenantId, async (tx) => {
    const current = await repo.findImport(tx, rc.importId, { lock: true });
    if (current?.status !== 'running') return false;
    if (current.cursor >= last.rowNumber) return true;
    const counts = { created: 0, updated: 0, skipped: 0, failed: 0 };
    const errors: repo.RowError[] = [];
    const rows = batch.filter((row) => row.rowNumber > current.cursor);
    const collected: CollectedChange[] = [];
    const outcomes = await importBatch(tx, { rc: { ...rc, ctx: { ...rc.ctx, collect: collected } }, rows });
    for (const [i, row] of rows.entries()) {
      const outcome = outcomes[i] as RowOutcome;
      if (typeof outcome === 'string') counts[outcome]++;
      else {
        counts.failed++;
        errors.push(...outcome.errors.map((e) => ({ rowNumber: row.rowNumber, field: e.field, message: e.message, params: e.params, raw: row.values })));
      }
    }
    await repo.insertErrors(tx, rc.ctx.tenantId, rc.importId, errors);
    const range = { first: (rows[0] ?? first).rowNumber, last: last.rowNumber };
    await announceBatch(tx, { ctx: rc.ctx, importId: rc.importId, object: rc.object, fileName: current.file_name, rows: range, counts, collected });
    await repo.addProgress(tx, rc.importId, { cursor: last.rowNumber, ...counts });
    return true;
  });
}

/**
 * An import that fills a table from empty leaves the planner's statistics describing the empty
 * table, and its lookups stop using their indexes. They are refreshed each time the run's batch
 * count quadruples (1, 4, 16, 64 ...): ten sampled ANALYZEs for a million rows, and autovacuum's
 * own in between. Every doubling cost 12% of a 20k-row import (ANALYZE computes the statistics of
 * the expression indexes too, the search bigrams among them). It needs the table owner (the
 * migrating user); as anyone else PostgreSQL only warns.
 */
async function refreshStatistics(rc: RowContext, batches: number) {
  if (!isPowerOfFour(batches)) return;
  await repo.analyzeTable(rc.deps.db.kysely, rc.def.table);
  // The parent's table (a contact's companies) fills too, and is looked up by name.
  if (rc.parentDef) await repo.analyzeTable(rc.deps.db.kysely, rc.parentDef.table);
}

/** 1, 4, 16 ...: one bit set, at an even position. */
const isPowerOfFour = (n: number) => n > 0 && (n & (n - 1)) === 0 && (n & 0x55555555) !== 0;

const finish = (deps: Deps, tenantId: string, importId: string, values: { status: string; error?: string }) =>
  inTenant(deps.db.kysely, tenantId, (tx) => repo.updateImport(tx, importId, { ...values, finished_at: new Date() }));

/**
 * Runs (or resumes) an import from its committed cursor, batch by batch. Row 1 is the header;
 * row numbers are what a spreadsheet shows. Returns 'paused' when stopped by `maxBatches`.
 */
export async function runImport(o: RunImportOptions): Promise<'done' | 'paused' | 'skipped' | 'failed'> {
  const { deps, tenantId, importId } = o;
  const imp = await inTenant(deps.db.kysely, tenantId, async (tx) => {
    const row = await repo.findImport(tx, importId, { lock: true });
    if (!row || (row.status !== 'queued' && row.status !== 'running')) return null;
    if (row.status === 'queued') await repo.updateImport(tx, importId, { status: 'running', started_at: new Date() });
    return { ...row, target: await importTarget(tx, { deps, object: row.object }), phoneRegion: await phoneRegionOf(tx, tenantId) };
  });
  if (!imp?.created_by) return 'skipped';
  if (!imp.target) {
    // The object is gone (a custom object retired meanwhile) or no longer importable.
    await finish(deps, tenantId, importId, { status: 'failed', error: 'imports.object_gone' });
    return 'failed';
  }
  const settings = importSettings(imp, imp.target.spec);
  const access = await loadAccess({ deps, tenantId, userId: imp.created_by });
  const ctx: RequestContext = { tenantId, userId: imp.created_by, requestId: `import-${importId}`, ip: null, locale: 'en', access };
  const rc: RowContext = {
    deps,
    ctx,
    importId,
    object: imp.object,
    ...imp.target,
    mapping: imp.mapping,
    dedup: settings.dedup,
    options: settings.options,
    phoneRegion: imp.phoneRegion,
  };
  let batch: Pending[] = [];
  let batches = 0;
  let rowNumber = 0;
  const stopBeating = heartbeat(deps, tenantId, importId);
  try {
    for await (const values of readRows({
      format: imp.format,
      encoding: imp.encoding,
      sheet: imp.sheet,
      chunks: () => storedChunks({ deps, tenantId, importId }),
    })) {
      rowNumber++;
      if (rowNumber === 1 || rowNumber <= imp.cursor) continue;
      batch.push({ rowNumber, values });
      if (batch.length < settings.options.batchSize) continue;
      if (!(await commitBatch(rc, batch))) return 'skipped';
      batch = [];
      await refreshStatistics(rc, ++batches);
      if (o.maxBatches !== undefined && batches >= o.maxBatches) return 'paused';
      if (o.signal?.aborted) {
        await inTenant(deps.db.kysely, tenantId, (tx) => repo.releaseLease(tx, importId));
        return 'paused';
      }
    }
    if (!(await commitBatch(rc, batch))) return 'skipped';
  } catch (error) {
    // An unreadable file will not read better on a retry: fail the import with the reason.
    if (!(error instanceof AppError)) throw error;
    await finish(deps, tenantId, importId, { status: 'failed', error: error.message });
    return 'failed';
  } finally {
    stopBeating();
  }
  await finish(deps, tenantId, importId, { status: 'done' });
  return 'done';
}
