import { stat } from 'node:fs/promises';
import { inTenant } from '#db/tx.ts';
import { loadAccess } from '#platform/auth/auth.service.ts';
import { writeAudit } from '#platform/audit/audit.ts';
import type { RequestContext } from '#platform/context.ts';
import { listDefs } from '#platform/custom-fields/custom-fields.repo.ts';
import type { Deps } from '#platform/deps.ts';
import { AppError } from '#platform/errors/app-error.ts';
import type { Locale } from '#platform/i18n/i18n.ts';
import { listVisible } from '#platform/records/record-list.ts';
import { cellValue, safeCell } from './export-cells.rules.ts';
import { EXPORT_TTL_MS, exportPath, removeExportFile } from './export-files.service.ts';
import { exportableOf } from './export-objects.service.ts';
import { type ExportWriter, openExportWriter } from './export-writer.service.ts';
import * as repo from './exports.repo.ts';

export type RunExportOptions = { deps: Deps; tenantId: string; exportId: string; pageSize?: number };
export type RunExportResult = 'done' | 'cancelled' | 'skipped' | 'failed';

const PAGE = 1000;

/** Claims a queued export (or one a crashed worker left running: it starts over). */
async function claim(deps: Deps, tenantId: string, id: string) {
  return inTenant(deps.db.kysely, tenantId, async (tx) => {
    const row = await repo.findExport(tx, id, { lock: true });
    if (!row?.created_by || (row.status !== 'queued' && row.status !== 'running')) return null;
    await repo.updateExport(tx, id, { status: 'running', started_at: new Date(), rows_written: 0 });
    const exportable = await exportableOf({ tx, deps, object: row.object });
    if (!exportable) throw new Error(`export ${id}: ${row.object} is not exportable (any more)`);
    return { row, def: exportable.def, customDefs: await listDefs(tx, row.object) };
  });
}

/**
 * Writes the export file page by page through the list path (read and export scope, filter, sort,
 * masking), reporting progress after each page and stopping when the export is cancelled.
 */
export async function runExport(o: RunExportOptions): Promise<RunExportResult> {
  const { deps, tenantId, exportId } = o;
  const claimed = await claim(deps, tenantId, exportId);
  if (!claimed) return 'skipped';
  const { row, def, customDefs } = claimed;
  const userId = row.created_by as string;
  const locale: Locale = (row.query as { locale?: Locale }).locale ?? 'en';
  const ctx: RequestContext = { tenantId, userId, requestId: `export-${exportId}`, ip: null, locale, access: await loadAccess({ deps, tenantId, userId }) };
  const path = exportPath({ config: deps.config, tenantId, id: exportId, format: row.format });
  let writer: ExportWriter | null = null;
  let written = 0;
  try {
    writer = await openExportWriter({ path, format: row.format, header: row.columns.map((c) => c.label), sheetName: row.object });
    const query = {
      ...(row.query.filter ? { filter: row.query.filter } : {}),
      ...(row.query.sort ? { sort: row.query.sort } : {}),
      ...(row.query.q ? { q: row.query.q } : {}),
    };
    let cursor: string | undefined;
    for (;;) {
      const page = await listVisible({ deps, ctx, def, action: 'export', query: { ...query, limit: o.pageSize ?? PAGE, ...(cursor ? { cursor } : {}) } });
      const rows = page.data.map((record) => row.columns.map((c) => safeCell(cellValue(record as Record<string, unknown>, c.key, { customDefs, locale }))));
      await writer.write(rows);
      written += rows.length;
      const status = await inTenant(deps.db.kysely, tenantId, (tx) => repo.setProgress(tx, exportId, written));
      if (status !== 'running') {
        await writer.close();
        writer = null;
        await removeExportFile({ config: deps.config, tenantId, id: exportId, format: row.format });
        return 'cancelled';
      }
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    await writer.close();
    writer = null;
  } catch (error) {
    await writer?.close().catch(() => undefined);
    await removeExportFile({ config: deps.config, tenantId, id: exportId, format: row.format });
    // A refused filter or a revoked permission will not pass on a retry: fail with the reason.
    if (!(error instanceof AppError)) throw error;
    await inTenant(deps.db.kysely, tenantId, (tx) => repo.updateExport(tx, exportId, { status: 'failed', error: error.message, finished_at: new Date() }));
    return 'failed';
  }
  const { size } = await stat(path);
  const done = await inTenant(deps.db.kysely, tenantId, async (tx) => {
    const current = await repo.findExport(tx, exportId, { lock: true });
    if (current?.status !== 'running') return false;
    const now = new Date();
    await repo.updateExport(tx, exportId, {
      status: 'done',
      rows_written: written,
      total_rows: written,
      size_bytes: size,
      finished_at: now,
      expires_at: new Date(now.getTime() + EXPORT_TTL_MS),
    });
    // The data left the system now: the audit says who, what (filter, columns) and how many rows.
    await writeAudit(tx, ctx, {
      action: 'export',
      objectType: row.object,
      objectId: null,
      changes: {
        rows: { from: null, to: written },
        filter: { from: null, to: row.query.filter ?? null },
        columns: { from: null, to: row.columns.map((c) => c.key) },
        format: { from: null, to: row.format },
        exportId: { from: null, to: exportId },
      },
    });
    return true;
  });
  if (!done) await removeExportFile({ config: deps.config, tenantId, id: exportId, format: row.format });
  return done ? 'done' : 'cancelled';
}
