import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import type { RequestContext } from '#platform/context.ts';
import type { Deps } from '#platform/deps.ts';
import { type Preview, previewImport } from './import-preview.service.ts';
import { runImport } from './import-run.service.ts';
import type { TImport, TUpdateImportRequest } from './imports.schema.ts';
import * as service from './imports.service.ts';

export type ImportFileOptions = {
  deps: Deps;
  ctx: RequestContext;
  /** A registry object with the import capability (`contact`, or a custom object's name). */
  object: string;
  path: string;
  /** XLSX: the sheet to import, by name; absent: the first. */
  sheet?: string | undefined;
  /** Header name -> field, or column entries; absent: the suggested (or preset) mapping. */
  mapping?: Record<string, string> | { column: number; field: string }[] | undefined;
  settings?: Omit<TUpdateImportRequest, 'mapping' | 'templateId'>;
  dryRun?: boolean;
  previewRows?: number;
  onProgress?: (job: TImport) => void;
};

const toEntries = (columns: string[], mapping: NonNullable<ImportFileOptions['mapping']>) =>
  Array.isArray(mapping)
    ? mapping
    : Object.entries(mapping).map(([header, field]) => {
        const column = columns.indexOf(header);
        // An unknown header is refused by configureImport like any column the file lacks.
        return { column: column === -1 ? columns.length + 10_000 : column, field };
      });

/**
 * A file on this machine imported through the same steps as an upload in the browser:
 * stored, mapped, queued (audited), then run by the same job function; a dry run previews
 * the first rows and throws the upload away.
 */
export async function importFile(o: ImportFileOptions): Promise<{ job: TImport; preview?: Preview }> {
  const created = await service.createImport({ deps: o.deps, ctx: o.ctx, object: o.object, fileName: basename(o.path), body: createReadStream(o.path) });
  let job: TImport;
  try {
    // The sheet first: a mapping by header names means that sheet's headers.
    const columns =
      o.sheet === undefined
        ? created.columns
        : (await service.configureImport({ deps: o.deps, ctx: o.ctx, id: created.id, input: { sheet: o.sheet } })).columns;
    const mapping = o.mapping ? toEntries(columns, o.mapping) : undefined;
    job = await service.configureImport({ deps: o.deps, ctx: o.ctx, id: created.id, input: { ...(o.settings ?? {}), ...(mapping ? { mapping } : {}) } });
  } catch (error) {
    // A refused mapping leaves no half-configured upload behind.
    await service.discardImport({ deps: o.deps, ctx: o.ctx, id: created.id });
    throw error;
  }
  if (o.dryRun) {
    const preview = await previewImport({ deps: o.deps, ctx: o.ctx, id: job.id, limit: o.previewRows ?? 20 });
    await service.discardImport({ deps: o.deps, ctx: o.ctx, id: job.id });
    return { job, preview };
  }
  job = await service.startImport({ deps: o.deps, ctx: o.ctx, id: job.id });
  const run = runImport({ deps: o.deps, tenantId: o.ctx.tenantId, importId: job.id });
  let finished = false;
  const poll = (async () => {
    while (!finished) {
      o.onProgress?.(await service.getImport({ deps: o.deps, ctx: o.ctx, id: job.id }));
      await new Promise((r) => setTimeout(r, 500));
    }
  })();
  try {
    await run;
  } finally {
    finished = true;
    await poll;
  }
  job = await service.getImport({ deps: o.deps, ctx: o.ctx, id: job.id });
  o.onProgress?.(job);
  return { job };
}
