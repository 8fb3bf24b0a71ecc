import type { Readable } from 'node:stream';
import { inTenant, inTenantRead, type Tx } from '#db/tx.ts';
import { requireAccess } from '#platform/access/access.ts';
import { writeAudit } from '#platform/audit/audit.ts';
import type { RequestContext } from '#platform/context.ts';
import type { Deps } from '#platform/deps.ts';
import { notFound } from '#platform/errors/app-error.ts';
import { newId } from '#platform/ids.ts';
import { type RowSource, readRows } from './file-rows.service.ts';
import { inspectXlsx } from './xlsx-guard.rules.ts';
import { detectEncoding, detectFormat } from './file-format.rules.ts';
import { storeFile, storedChunks } from './file-store.service.ts';
import { detectPreset, presetMapping } from './crm-presets.rules.ts';
import { isKnownTarget, suggestMapping } from './import-fields.definition.ts';
import { type ImportTarget, importablesOf, importTarget } from './importable-objects.service.ts';
import type { ImportSpec } from '#platform/objects/import-spec.ts';
import { listDefs } from '#platform/custom-fields/custom-fields.repo.ts';
import type { CustomFieldDef } from '#platform/custom-fields/custom-fields.types.ts';
import { matchFieldsOf } from './match-keys.rules.ts';
import { templateMapping } from './mapping-templates.service.ts';
import { enqueueImportJob } from './imports.jobs.ts';
import { importSettings } from './import-settings.rules.ts';
import * as repo from './imports.repo.ts';
import type { TImport, TUpdateImportRequest } from './imports.schema.ts';
import { importsErrors } from './imports.errors.ts';

const SAMPLE_ROWS = 5;

/** The preset's mapping, then suggestions for the columns and fields it left open. */
function withPreset(preset: { column: number; field: string }[], suggested: { column: number; field: string }[]) {
  const columns = new Set(preset.map((m) => m.column));
  const fields = new Set(preset.map((m) => m.field));
  const rest = suggested.filter((m) => !columns.has(m.column) && (!fields.has(m.field) || m.field === 'phone' || m.field === 'mobile'));
  return [...preset, ...rest].sort((a, b) => a.column - b.column);
}
const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

/** Rows per second since the job started, and the time left at that pace. */
function pace(r: repo.ImportRow, processed: number): { rowsPerSecond: number | null; etaSeconds: number | null } {
  if (!r.started_at || processed === 0 || (r.status !== 'running' && r.status !== 'done')) return { rowsPerSecond: null, etaSeconds: null };
  const end = r.status === 'done' && r.finished_at ? new Date(r.finished_at).getTime() : Date.now();
  const seconds = Math.max(0.001, (end - new Date(r.started_at).getTime()) / 1000);
  const rate = processed / seconds;
  const left = r.total_rows === null ? null : Math.max(0, r.total_rows - processed);
  return { rowsPerSecond: Math.round(rate * 10) / 10, etaSeconds: r.status === 'done' ? 0 : left === null ? null : Math.ceil(left / rate) };
}

/**
 * An import as the API shows it; `target`: its object's import spec (its default match and keys) and custom fields
 * (the unique ones are match fields), undefined once the object is gone.
 */
export const toApi = (r: repo.ImportRow, target: { spec: ImportSpec; customDefs: CustomFieldDef[] } | undefined): TImport => ({
  id: r.id,
  object: r.object,
  fileName: r.file_name,
  format: r.format,
  encoding: r.encoding,
  sizeBytes: Number(r.size_bytes),
  sheets: r.sheets ?? null,
  sheet: r.sheet ?? null,
  columns: r.columns,
  sample: r.sample,
  totalRows: r.total_rows,
  mapping: r.mapping,
  preset: (r.preset as TImport['preset']) ?? null,
  ...importSettings(r, target?.spec),
  matches: [...(target?.spec.matches ?? [])],
  matchesParent: !!target?.spec.parent,
  matchFields: target ? matchFieldsOf(target.spec, target.customDefs) : [],
  status: r.status as TImport['status'],
  progress: {
    processed: r.created + r.updated + r.skipped + r.failed,
    created: r.created,
    updated: r.updated,
    skipped: r.skipped,
    failed: r.failed,
    ...pace(r, r.created + r.updated + r.skipped + r.failed),
  },
  error: r.error,
  createdAt: iso(r.created_at) as string,
  startedAt: iso(r.started_at),
  finishedAt: iso(r.finished_at),
});

export type VisibleImportOptions = { ctx: RequestContext; id: string; lock?: boolean };

/** The import if the user may see it: its author, or an admin. */
export async function visibleImport(tx: Tx, { ctx, id, ...options }: VisibleImportOptions): Promise<repo.ImportRow> {
  const row = await repo.findImport(tx, id, options);
  if (!row || (row.created_by !== ctx.userId && !ctx.access.isAdmin)) throw notFound('import');
  requireAccess(ctx.access, row.object, 'import');
  return row;
}

/** The import as stored now, for the API. */
async function presented(tx: Tx, deps: Deps, id: string): Promise<TImport> {
  const row = (await repo.findImport(tx, id)) as repo.ImportRow;
  return toApi(row, await importTarget(tx, { deps, object: row.object }));
}

/** The object's import target, or a 400 on `object` for a name the tenant cannot import into. */
async function targetOf(tx: Tx, deps: Deps, object: string): Promise<ImportTarget> {
  const target = await importTarget(tx, { deps, object });
  if (!target) throw importsErrors.unknownObject(object);
  return target;
}

type Head = { columns: string[]; sample: string[][]; total: number };

/** The header row, a sample and the row count of one sheet (or the file); null when it has no rows at all. */
async function readHead(source: RowSource): Promise<Head | null> {
  let columns: string[] | null = null;
  const sample: string[][] = [];
  let total = 0;
  for await (const row of readRows(source)) {
    if (!columns) columns = row;
    else if (++total <= SAMPLE_ROWS) sample.push(row);
  }
  return columns ? { columns, sample, total } : null;
}

/** What an import stores about the rows it will read: header, sample, count, and the suggested (or preset) mapping. */
async function headValues(tx: Tx, deps: Deps, target: ImportTarget, head: Head) {
  const preset = detectPreset(
    head.columns,
    (await importablesOf(tx, deps)).map((i) => i.spec),
  );
  const suggested = suggestMapping(target.spec, head.columns, target.customDefs);
  const mapping = withPreset(preset ? presetMapping(preset, target.spec, head.columns) : [], suggested);
  return { columns: head.columns, sample: head.sample, total_rows: head.total, mapping, preset };
}

/**
 * The sheet an upload opens on: the first with rows under its header, as a workbook often starts
 * with an empty or a notes sheet; the first sheet when none has rows (the upload is then refused
 * for it). A CSV or vCard is its own single "sheet" (null).
 */
async function firstSheetWithRows(sheets: string[] | null, read: (sheet: string | null) => Promise<Head | null>) {
  let first: { sheet: string | null; head: Head | null } | null = null;
  for (const sheet of sheets?.length ? sheets : [null]) {
    const head = await read(sheet);
    if (head && head.total > 0) return { sheet, head };
    first ??= { sheet, head };
  }
  return first ?? { sheet: null, head: null };
}

/** Stores the upload, reads its header, a sample and the row count, and suggests a mapping. */
export type CreateImportOptions = { deps: Deps; ctx: RequestContext; object: string; fileName: string; body: Readable };

export async function createImport({ deps, ctx, ...o }: CreateImportOptions): Promise<TImport> {
  const id = newId();
  const tenantId = ctx.tenantId;
  await inTenant(deps.db.kysely, tenantId, async (tx) => {
    await targetOf(tx, deps, o.object);
    requireAccess(ctx.access, o.object, 'import');
    requireAccess(ctx.access, o.object, 'create');
    await repo.insertImport(tx, { tenantId, id, object: o.object, fileName: o.fileName, createdBy: ctx.userId });
  });
  try {
    const stored = await storeFile({ deps, tenantId, importId: id, body: o.body });
    if (stored.size === 0) throw importsErrors.emptyFile();
    const format = detectFormat(stored.head, o.fileName);
    const encoding = format !== 'xlsx' ? detectEncoding(stored.head) : 'utf-8';
    // Once, on upload: later reads (preview, the job, a resume) read the same stored file.
    const sheets = format === 'xlsx' ? (await inspectXlsx(storedChunks({ deps, tenantId, importId: id }))).map((s) => s.name) : null;
    const { sheet, head } = await firstSheetWithRows(sheets, (sheet) =>
      readHead({ format, encoding, sheet, chunks: () => storedChunks({ deps, tenantId, importId: id }) }),
    );
    if (!head) throw importsErrors.emptyFile();
    if (head.total === 0) throw importsErrors.noRows();
    return await inTenant(deps.db.kysely, tenantId, async (tx) => {
      await repo.updateImport(tx, id, {
        format,
        encoding,
        size_bytes: stored.size,
        sheets,
        sheet,
        ...(await headValues(tx, deps, await targetOf(tx, deps, o.object), head)),
        status: 'uploaded',
      });
      return presented(tx, deps, id);
    });
  } catch (error) {
    // A refused upload leaves nothing behind (its chunks go with it).
    await inTenant(deps.db.kysely, tenantId, (tx) => repo.deleteImport(tx, id));
    throw error;
  }
}

export type GetImportOptions = { deps: Deps; ctx: RequestContext; id: string };

export const getImport = ({ deps, ctx, id }: GetImportOptions) =>
  inTenant(deps.db.kysely, ctx.tenantId, async (tx) => {
    await visibleImport(tx, { ctx, id });
    return presented(tx, deps, id);
  });

/** Fields a column may be mapped to, per object the tenant can import into (custom fields come as `custom.<key>` besides). */
export type ImportFieldsOptions = { deps: Deps; ctx: RequestContext };

export const importFields = ({ deps, ctx }: ImportFieldsOptions): Promise<Record<string, string[]>> =>
  inTenantRead(deps.db.kysely, ctx.tenantId, async (tx) => Object.fromEntries((await importablesOf(tx, deps)).map((i) => [i.name, [...i.spec.fields]])));

export type ListImportsOptions = { deps: Deps; ctx: RequestContext };

export const listImports = ({ deps, ctx }: ListImportsOptions) =>
  inTenant(deps.db.kysely, ctx.tenantId, async (tx) => {
    const specs = new Map((await importablesOf(tx, deps)).map((i) => [i.name, i.spec]));
    const defs = await listDefs(tx);
    return (await repo.listImports(tx, ctx.access.isAdmin ? null : ctx.userId, 50)).map((r) => {
      const spec = specs.get(r.object);
      return toApi(r, spec && { spec, customDefs: defs.filter((d) => d.object === r.object) });
    });
  });

/**
 * A workbook's other sheet, read before the import's row is locked (the file is read in
 * transactions of its own); null when the sheet stays as it is. Refuses a sheet the
 * workbook lacks, a sheet of a CSV or vCard, and a sheet without rows.
 */
async function chosenSheet(deps: Deps, ctx: RequestContext, id: string, sheet: string | undefined): Promise<{ sheet: string; head: Head } | null> {
  if (sheet === undefined) return null;
  const row = await inTenant(deps.db.kysely, ctx.tenantId, (tx) => visibleImport(tx, { ctx, id }));
  if (row.status !== 'uploaded') throw importsErrors.alreadyStarted();
  if (row.format !== 'xlsx' || !row.sheets) throw importsErrors.notAWorkbook();
  if (!row.sheets.includes(sheet)) throw importsErrors.noSuchSheet(sheet);
  if (sheet === row.sheet) return null;
  const head = await readHead({
    format: row.format,
    encoding: row.encoding,
    sheet,
    chunks: () => storedChunks({ deps, tenantId: ctx.tenantId, importId: id }),
  });
  if (!head || head.total === 0) throw importsErrors.sheetNoRows(sheet);
  return { sheet, head };
}

export type ConfigureImportOptions = { deps: Deps; ctx: RequestContext; id: string; input: TUpdateImportRequest };

/**
 * Sheet, mapping, dedup rule and options; only before the import starts. Unknown targets are
 * refused. A new sheet brings its own header, sample, count and suggested mapping, which a
 * mapping or template in the same request then replaces.
 */
export async function configureImport({ deps, ctx, id, input }: ConfigureImportOptions): Promise<TImport> {
  const chosen = await chosenSheet(deps, ctx, id, input.sheet);
  return inTenant(deps.db.kysely, ctx.tenantId, async (tx) => {
    const locked = await visibleImport(tx, { ctx, id, lock: true });
    if (locked.status !== 'uploaded') throw importsErrors.alreadyStarted();
    const target = await targetOf(tx, deps, locked.object);
    const sheetValues = chosen ? { sheet: chosen.sheet, ...(await headValues(tx, deps, target, chosen.head)) } : {};
    const row = { ...locked, ...sheetValues };
    if (input.templateId) input.mapping = await templateMapping(tx, { id: input.templateId, object: row.object, headers: row.columns });
    if (input.mapping) {
      input.mapping.forEach((m, i) => {
        if (m.column >= row.columns.length) throw importsErrors.noSuchColumn(`mapping.${i}.column`, m.column);
        if (!isKnownTarget(target.spec, m.field, target.customDefs)) throw importsErrors.unknownTarget(`mapping.${i}.field`, m.field);
      });
    }
    const field = input.dedup?.match === 'field' ? (input.dedup.field ?? '') : null;
    if (field !== null && !matchFieldsOf(target.spec, target.customDefs).includes(field)) throw importsErrors.unknownMatchField(field);
    const settings = importSettings(row, target.spec);
    await repo.updateImport(tx, id, {
      ...sheetValues,
      ...(input.mapping ? { mapping: input.mapping } : {}),
      ...(input.dedup ? { dedup: input.dedup } : {}),
      ...(input.options ? { options: { ...settings.options, ...input.options } } : {}),
    });
    return presented(tx, deps, id);
  });
}

/** The import an action applies to, by id. */
export type ImportActionOptions = { deps: Deps; ctx: RequestContext; id: string };

/** Queues the import as a durable job (audited); answers at once with status queued. */
export async function startImport({ deps, ctx, id }: ImportActionOptions): Promise<TImport> {
  const result = await inTenant(deps.db.kysely, ctx.tenantId, async (tx) => {
    const row = await visibleImport(tx, { ctx, id, lock: true });
    requireAccess(ctx.access, row.object, 'create');
    if (row.status !== 'uploaded') throw importsErrors.alreadyStarted();
    if (!row.mapping.length) throw importsErrors.mappingEmpty();
    await repo.updateImport(tx, id, { status: 'queued' });
    await writeAudit(tx, ctx, { action: 'import_started', objectType: 'import', objectId: id, changes: { status: { from: row.status, to: 'queued' } } });
    return presented(tx, deps, id);
  });
  await enqueueImportJob(deps, 'run', ctx.tenantId, id);
  return result;
}

/** Undoes a finished import as a durable job (audited). */
export async function rollbackImport({ deps, ctx, id }: ImportActionOptions): Promise<TImport> {
  const result = await inTenant(deps.db.kysely, ctx.tenantId, async (tx) => {
    const row = await visibleImport(tx, { ctx, id, lock: true });
    requireAccess(ctx.access, row.object, 'delete');
    if (row.status !== 'done' && row.status !== 'failed' && row.status !== 'cancelled') throw importsErrors.notFinished();
    await repo.updateImport(tx, id, { status: 'rolling_back' });
    await writeAudit(tx, ctx, {
      action: 'import_rolled_back',
      objectType: 'import',
      objectId: id,
      changes: { status: { from: row.status, to: 'rolling_back' } },
    });
    return presented(tx, deps, id);
  });
  await enqueueImportJob(deps, 'rollback', ctx.tenantId, id);
  return result;
}

/**
 * Stops a queued or running import: the job notices before its next batch. Rows already
 * committed stay (the import can then be rolled back as a whole); audited.
 */
export async function cancelImport({ deps, ctx, id }: ImportActionOptions): Promise<TImport> {
  return inTenant(deps.db.kysely, ctx.tenantId, async (tx) => {
    const row = await visibleImport(tx, { ctx, id, lock: true });
    if (row.status !== 'queued' && row.status !== 'running') throw importsErrors.notRunning();
    await repo.updateImport(tx, id, { status: 'cancelled', finished_at: new Date() });
    await writeAudit(tx, ctx, { action: 'import_cancelled', objectType: 'import', objectId: id, changes: { status: { from: row.status, to: 'cancelled' } } });
    return presented(tx, deps, id);
  });
}

/** Removes an import that never started (a dry run's upload), with its stored file. */
export async function discardImport({ deps, ctx, id }: ImportActionOptions): Promise<void> {
  await inTenant(deps.db.kysely, ctx.tenantId, async (tx) => {
    const row = await visibleImport(tx, { ctx, id, lock: true });
    if (row.status !== 'uploaded') throw importsErrors.alreadyStarted();
    await repo.deleteImport(tx, id);
  });
}
