import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { inTenant, type Tx } from '#db/tx.ts';
import { ownersFor } from '#platform/access/access.ts';
import { writeAudit } from '#platform/audit/audit.ts';
import type { RequestContext } from '#platform/context.ts';
import { listDefs } from '#platform/custom-fields/custom-fields.repo.ts';
import type { Deps } from '#platform/deps.ts';
import { notFound } from '#platform/errors/app-error.ts';
import { newId } from '#platform/ids.ts';
import { compileFilter } from '#platform/query/filter.ts';
import { parseSort } from '#platform/query/sort.ts';
import { readableCatalogFor } from '#platform/records/field-access.ts';
import { countVisible } from '#platform/records/record-list.ts';
import { exportPath, removeExportFile } from './export-files.service.ts';
import { exportsErrors } from './exports.errors.ts';
import { enqueueExportJob } from './exports.jobs.ts';
import { exportableOf } from './export-objects.service.ts';
import * as repo from './exports.repo.ts';
import type { TCreateExportRequest, TExport } from './exports.schema.ts';

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

export const toApi = (r: repo.ExportRow): TExport => ({
  id: r.id,
  object: r.object,
  format: r.format,
  status: r.status as TExport['status'],
  fileName: r.file_name,
  columns: r.columns,
  filter: r.query.filter ?? null,
  progress: {
    written: r.rows_written,
    total: r.total_rows,
    percent: r.total_rows ? Math.min(100, Math.floor((r.rows_written / r.total_rows) * 100)) : r.status === 'done' ? 100 : null,
  },
  sizeBytes: Number(r.size_bytes),
  error: r.error,
  downloadUrl: r.status === 'done' ? `/api/v1/exports/${r.id}/download` : null,
  createdAt: iso(r.created_at) as string,
  startedAt: iso(r.started_at),
  finishedAt: iso(r.finished_at),
  expiresAt: iso(r.expires_at),
});

/** The export if the user may see it: its author, or an admin. */
async function visibleExport(tx: Tx, ctx: RequestContext, id: string, options: { lock?: boolean } = {}): Promise<repo.ExportRow> {
  const row = await repo.findExport(tx, id, options);
  if (!row || (row.created_by !== ctx.userId && !ctx.access.isAdmin)) throw notFound('export');
  return row;
}

export type CreateExportOptions = { deps: Deps; ctx: RequestContext; input: TCreateExportRequest };
/**
 * Checks the read and export permissions, the filter, sort and columns (so a bad request fails now,
 * not in the job), counts the rows for progress, stores the job and queues it.
 */
export async function createExport({ deps, ctx, input }: CreateExportOptions): Promise<TExport> {
  const id = newId();
  const { row, def } = await inTenant(deps.db.kysely, ctx.tenantId, async (tx) => {
    const exportable = await exportableOf({ tx, deps, object: input.object });
    if (!exportable) throw exportsErrors.unknownObject(input.object);
    const { def, fields, defaultColumns, path } = exportable;
    ownersFor(ctx.access, def.object, ['read', 'export']);
    const defs = await listDefs(tx, def.object);
    const catalog = await readableCatalogFor({ tx, def, access: ctx.access, uses: [input.filter, input.sort] });
    compileFilter(input.filter, catalog);
    parseSort(input.sort, catalog, def.defaultSort);
    const wanted: { key: string; label?: string | undefined }[] = input.columns ?? defaultColumns.map((key) => ({ key }));
    const columns = wanted.map((c, i) => {
      const known = c.key.startsWith('custom.') ? defs.some((d) => `custom.${d.key}` === c.key) : fields.includes(c.key.split('.')[0] as string);
      if (!known) throw exportsErrors.unknownColumn(`columns.${i}.key`, c.key);
      return { key: c.key, label: c.label ?? c.key };
    });
    const stamp = new Date().toISOString().slice(0, 10);
    const query = { filter: input.filter, sort: input.sort, q: input.q, locale: ctx.locale };
    await repo.insertExport(tx, {
      tenant_id: ctx.tenantId,
      id,
      object: input.object,
      format: input.format,
      query,
      columns,
      file_name: `${path}-${stamp}.${input.format}`,
      created_by: ctx.userId,
      total_rows: null,
    });
    await writeAudit(tx, ctx, {
      action: 'export_requested',
      objectType: 'export',
      objectId: id,
      changes: { object: { from: null, to: input.object }, filter: { from: null, to: input.filter ?? null }, format: { from: null, to: input.format } },
    });
    return { row: (await repo.findExport(tx, id)) as repo.ExportRow, def };
  });
  // Search text has no count route; progress then shows rows written without a total.
  if (!input.q) {
    const total = await countVisible({ deps, ctx, def, action: 'export', ...(input.filter ? { filter: input.filter } : {}) });
    await inTenant(deps.db.kysely, ctx.tenantId, (tx) => repo.updateExport(tx, id, { total_rows: total }));
    row.total_rows = total;
  }
  await enqueueExportJob(deps, ctx.tenantId, id);
  return toApi(row);
}

export type GetExportOptions = { deps: Deps; ctx: RequestContext; id: string };
export const getExport = ({ deps, ctx, id }: GetExportOptions) => inTenant(deps.db.kysely, ctx.tenantId, async (tx) => toApi(await visibleExport(tx, ctx, id)));

export type ListExportsOptions = { deps: Deps; ctx: RequestContext };
export const listExports = ({ deps, ctx }: ListExportsOptions) =>
  inTenant(deps.db.kysely, ctx.tenantId, async (tx) => (await repo.listExports(tx, ctx.access.isAdmin ? null : ctx.userId, 50)).map(toApi));

export type CancelExportOptions = { deps: Deps; ctx: RequestContext; id: string };
/** Stops a queued or running export (the job notices after its current page) and discards its file. */
export async function cancelExport({ deps, ctx, id }: CancelExportOptions): Promise<TExport> {
  const row = await inTenant(deps.db.kysely, ctx.tenantId, async (tx) => {
    const current = await visibleExport(tx, ctx, id, { lock: true });
    if (current.status !== 'queued' && current.status !== 'running') throw exportsErrors.notRunning();
    await repo.updateExport(tx, id, { status: 'cancelled', finished_at: new Date() });
    await writeAudit(tx, ctx, {
      action: 'export_cancelled',
      objectType: 'export',
      objectId: id,
      changes: { status: { from: current.status, to: 'cancelled' } },
    });
    return (await repo.findExport(tx, id)) as repo.ExportRow;
  });
  await removeExportFile({ config: deps.config, tenantId: ctx.tenantId, id, format: row.format });
  return toApi(row);
}

export type DownloadExportOptions = { deps: Deps; ctx: RequestContext; id: string };
/** The finished file as a stream (audited as a download). */
export async function downloadExport({ deps, ctx, id }: DownloadExportOptions): Promise<{ stream: Readable; row: repo.ExportRow }> {
  const row = await inTenant(deps.db.kysely, ctx.tenantId, async (tx) => {
    const current = await visibleExport(tx, ctx, id);
    if (current.status === 'expired') throw exportsErrors.expired();
    if (current.status !== 'done') throw exportsErrors.notReady();
    await writeAudit(tx, ctx, { action: 'export_downloaded', objectType: 'export', objectId: id });
    return current;
  });
  const stream = createReadStream(exportPath({ config: deps.config, tenantId: ctx.tenantId, id, format: row.format }));
  // Opening fails asynchronously; surface a missing file (another instance's disk, or removed) as 404 before streaming.
  await new Promise<void>((resolve, reject) => {
    stream.once('open', () => resolve());
    stream.once('error', () => reject(exportsErrors.fileMissing()));
  });
  return { stream, row };
}
