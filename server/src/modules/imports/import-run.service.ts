import { inTenant } from '#db/tx.ts';
import { DEFINITIONS } from './row-validation.rules.ts';
import { loadAccess } from '#platform/auth/auth.service.ts';
import type { RequestContext } from '#platform/context.ts';
import { listDefs } from '#platform/custom-fields/custom-fields.repo.ts';
import type { Deps } from '#platform/deps.ts';
import { AppError } from '#platform/errors/app-error.ts';
import { storedChunks } from './file-store.service.ts';
import { phoneRegionOf } from '#platform/tenancy/phone-region.ts';
import { readRows } from './file-rows.service.ts';
import type { RowContext, RowOutcome } from './import-row.service.ts';
import { importBatch } from './import-batch.service.ts';
import * as repo from './imports.repo.ts';
import { importSettings } from './import-settings.rules.ts';

export type RunImportOptions = {
  deps: Deps;
  tenantId: string;
  importId: string /** Stop after this many batches (tests: a worker killed mid-way). */;
  maxBatches?: number;
};
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
    const outcomes = await importBatch(tx, rc, rows);
    for (const [i, row] of rows.entries()) {
      const outcome = outcomes[i] as RowOutcome;
      if (typeof outcome === 'string') counts[outcome]++;
      else {
        counts.failed++;
        errors.push(...outcome.errors.map((e) => ({ rowNumber: row.rowNumber, field: e.field, message: e.message, params: e.params, raw: row.values })));
      }
    }
    await repo.insertErrors(tx, rc.ctx.tenantId, rc.importId, errors);
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
async function refreshStatistics(deps: Deps, object: RowContext['object'], batches: number) {
  if (!isPowerOfFour(batches)) return;
  const table = DEFINITIONS[object].table;
  await repo.analyzeTable(deps.db.kysely, table);
  if (table !== 'companies') await repo.analyzeTable(deps.db.kysely, 'companies');
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
    return { ...row, customDefs: await listDefs(tx, row.object), phoneRegion: await phoneRegionOf(tx, tenantId) };
  });
  if (!imp?.created_by) return 'skipped';
  const settings = importSettings(imp);
  const access = await loadAccess(deps, tenantId, imp.created_by);
  const ctx: RequestContext = { tenantId, userId: imp.created_by, requestId: `import-${importId}`, ip: null, locale: 'en', access };
  const rc: RowContext = {
    deps,
    ctx,
    importId,
    object: imp.object,
    mapping: imp.mapping,
    dedup: settings.dedup,
    options: settings.options,
    customDefs: imp.customDefs,
    phoneRegion: imp.phoneRegion,
  };
  let batch: Pending[] = [];
  let batches = 0;
  let rowNumber = 0;
  try {
    for await (const values of readRows({
      format: imp.format,
      encoding: imp.encoding,
      sheet: imp.sheet,
      chunks: () => storedChunks(deps, tenantId, importId),
    })) {
      rowNumber++;
      if (rowNumber === 1 || rowNumber <= imp.cursor) continue;
      batch.push({ rowNumber, values });
      if (batch.length < settings.options.batchSize) continue;
      if (!(await commitBatch(rc, batch))) return 'skipped';
      batch = [];
      await refreshStatistics(deps, rc.object, ++batches);
      if (o.maxBatches !== undefined && batches >= o.maxBatches) return 'paused';
    }
    if (!(await commitBatch(rc, batch))) return 'skipped';
  } catch (error) {
    // An unreadable file will not read better on a retry: fail the import with the reason.
    if (!(error instanceof AppError)) throw error;
    await finish(deps, tenantId, importId, { status: 'failed', error: error.message });
    return 'failed';
  }
  await finish(deps, tenantId, importId, { status: 'done' });
  return 'done';
}
