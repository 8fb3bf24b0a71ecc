import type { Readable } from 'node:stream';
import { inTenant, type Tx } from '#db/tx.ts';
import { requireAccess } from '#platform/access/access.ts';
import { writeAudit } from '#platform/audit/audit.ts';
import type { RequestContext } from '#platform/context.ts';
import { listDefs } from '#platform/custom-fields/custom-fields.repo.ts';
import type { Deps } from '#platform/deps.ts';
import { AppError, invalid, notFound } from '#platform/errors/app-error.ts';
import { newId } from '#platform/ids.ts';
import { readRows } from './file-rows.ts';
import { detectEncoding, detectFormat } from './file-format.ts';
import { storeFile, storedChunks } from './file-store.ts';
import { type ImportObject, isKnownTarget, suggestMapping } from './import-fields.ts';
import { enqueueImportJob } from './import-jobs.ts';
import { importSettings } from './import-settings.ts';
import * as repo from './imports.repo.ts';
import type { TImport, TUpdateImportRequest } from './imports.schema.ts';

const SAMPLE_ROWS = 5;
const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

export const toApi = (r: repo.ImportRow): TImport => ({
  id: r.id,
  object: r.object,
  fileName: r.file_name,
  format: r.format,
  encoding: r.encoding,
  sizeBytes: Number(r.size_bytes),
  columns: r.columns,
  sample: r.sample,
  totalRows: r.total_rows,
  mapping: r.mapping,
  ...importSettings(r),
  status: r.status as TImport['status'],
  progress: { processed: r.created + r.updated + r.skipped + r.failed, created: r.created, updated: r.updated, skipped: r.skipped, failed: r.failed },
  error: r.error,
  createdAt: iso(r.created_at) as string,
  startedAt: iso(r.started_at),
  finishedAt: iso(r.finished_at),
});

/** The import if the user may see it: its author, or an admin. */
export async function visibleImport(tx: Tx, ctx: RequestContext, id: string, options: { lock?: boolean } = {}): Promise<repo.ImportRow> {
  const row = await repo.findImport(tx, id, options);
  if (!row || (row.created_by !== ctx.userId && !ctx.access.isAdmin)) throw notFound('import');
  requireAccess(ctx.access, row.object, 'import');
  return row;
}

/** Stores the upload, reads its header, a sample and the row count, and suggests a mapping. */
export async function createImport(deps: Deps, ctx: RequestContext, o: { object: ImportObject; fileName: string; body: Readable }): Promise<TImport> {
  requireAccess(ctx.access, o.object, 'import');
  requireAccess(ctx.access, o.object, 'create');
  const id = newId();
  const tenantId = ctx.tenantId;
  await inTenant(deps.db.kysely, tenantId, (tx) => repo.insertImport(tx, { tenantId, id, object: o.object, fileName: o.fileName, createdBy: ctx.userId }));
  try {
    const stored = await storeFile(deps, tenantId, id, o.body);
    if (stored.size === 0) throw new AppError('bad_request', { message: 'imports.empty_file' });
    const format = detectFormat(stored.head, o.fileName);
    const encoding = format === 'csv' ? detectEncoding(stored.head) : 'utf-8';
    let columns: string[] | null = null;
    const sample: string[][] = [];
    let total = 0;
    for await (const row of readRows({ format, encoding, chunks: () => storedChunks(deps, tenantId, id) })) {
      if (!columns) columns = row;
      else if (++total <= SAMPLE_ROWS) sample.push(row);
    }
    if (!columns) throw new AppError('bad_request', { message: 'imports.empty_file' });
    const headers = columns;
    return await inTenant(deps.db.kysely, tenantId, async (tx) => {
      const mapping = suggestMapping(o.object, headers, await listDefs(tx, o.object));
      await repo.updateImport(tx, id, { format, encoding, size_bytes: stored.size, columns: headers, sample, total_rows: total, mapping, status: 'uploaded' });
      return toApi((await repo.findImport(tx, id)) as repo.ImportRow);
    });
  } catch (error) {
    // A refused upload leaves nothing behind (its chunks go with it).
    await inTenant(deps.db.kysely, tenantId, (tx) => repo.deleteImport(tx, id));
    throw error;
  }
}

export const getImport = (deps: Deps, ctx: RequestContext, id: string) =>
  inTenant(deps.db.kysely, ctx.tenantId, async (tx) => toApi(await visibleImport(tx, ctx, id)));

export const listImports = (deps: Deps, ctx: RequestContext) =>
  inTenant(deps.db.kysely, ctx.tenantId, async (tx) => (await repo.listImports(tx, ctx.access.isAdmin ? null : ctx.userId, 50)).map(toApi));

/** Mapping, dedup rule and options; only before the import starts. Unknown targets are refused. */
export async function configureImport(deps: Deps, ctx: RequestContext, id: string, input: TUpdateImportRequest): Promise<TImport> {
  return inTenant(deps.db.kysely, ctx.tenantId, async (tx) => {
    const row = await visibleImport(tx, ctx, id, { lock: true });
    if (row.status !== 'uploaded') throw new AppError('conflict', { message: 'imports.already_started' });
    if (input.mapping) {
      const defs = await listDefs(tx, row.object);
      input.mapping.forEach((m, i) => {
        if (m.column >= row.columns.length) throw invalid(`mapping.${i}.column`, 'imports.no_such_column', { column: m.column });
        if (!isKnownTarget(row.object, m.field, defs)) throw invalid(`mapping.${i}.field`, 'imports.unknown_target', { field: m.field });
      });
    }
    const settings = importSettings(row);
    await repo.updateImport(tx, id, {
      ...(input.mapping ? { mapping: input.mapping } : {}),
      ...(input.dedup ? { dedup: input.dedup } : {}),
      ...(input.options ? { options: { ...settings.options, ...input.options } } : {}),
    });
    return toApi((await repo.findImport(tx, id)) as repo.ImportRow);
  });
}

/** Queues the import as a durable job (audited); answers at once with status queued. */
export async function startImport(deps: Deps, ctx: RequestContext, id: string): Promise<TImport> {
  const result = await inTenant(deps.db.kysely, ctx.tenantId, async (tx) => {
    const row = await visibleImport(tx, ctx, id, { lock: true });
    requireAccess(ctx.access, row.object, 'create');
    if (row.status !== 'uploaded') throw new AppError('conflict', { message: 'imports.already_started' });
    if (!row.mapping.length) throw invalid('mapping', 'imports.mapping_empty');
    await repo.updateImport(tx, id, { status: 'queued' });
    await writeAudit(tx, ctx, { action: 'import_started', objectType: 'import', objectId: id, changes: { status: { from: row.status, to: 'queued' } } });
    return toApi((await repo.findImport(tx, id)) as repo.ImportRow);
  });
  await enqueueImportJob(deps, 'run', ctx.tenantId, id);
  return result;
}

/** Undoes a finished import as a durable job (audited). */
export async function rollbackImport(deps: Deps, ctx: RequestContext, id: string): Promise<TImport> {
  const result = await inTenant(deps.db.kysely, ctx.tenantId, async (tx) => {
    const row = await visibleImport(tx, ctx, id, { lock: true });
    requireAccess(ctx.access, row.object, 'delete');
    if (row.status !== 'done' && row.status !== 'failed') throw new AppError('conflict', { message: 'imports.not_finished' });
    await repo.updateImport(tx, id, { status: 'rolling_back' });
    await writeAudit(tx, ctx, {
      action: 'import_rolled_back',
      objectType: 'import',
      objectId: id,
      changes: { status: { from: row.status, to: 'rolling_back' } },
    });
    return toApi((await repo.findImport(tx, id)) as repo.ImportRow);
  });
  await enqueueImportJob(deps, 'rollback', ctx.tenantId, id);
  return result;
}
