import { inTenant } from '#db/tx.ts';
import { loadAccess } from '#platform/auth/auth.service.ts';
import type { RequestContext } from '#platform/context.ts';
import type { Deps } from '#platform/deps.ts';
import type { FieldError } from '#platform/errors/app-error.ts';
import { translate } from '#platform/i18n/i18n.ts';
import { storedChunks } from './file-store.service.ts';
import { phoneRegionOf } from '#platform/tenancy/phone-region.ts';
import { readRows } from './file-rows.service.ts';
import { importRow, type RowContext } from './import-row.service.ts';
import { importTarget } from './importable-objects.service.ts';
import { importSettings } from './import-settings.rules.ts';
import { visibleImport } from './imports.service.ts';
import { importsErrors } from './imports.errors.ts';

export type PreviewRow = { rowNumber: number; outcome: 'created' | 'updated' | 'skipped' | 'failed'; errors: (FieldError & { text: string })[] };
export type Preview = { rows: PreviewRow[]; counts: Record<PreviewRow['outcome'], number> };

/** Thrown to roll the preview's transaction back after it has seen every outcome. */
class PreviewDone extends Error {}

export type PreviewImportOptions = { deps: Deps; ctx: RequestContext; id: string; limit: number };

/**
 * Dry run: the first `limit` rows go through exactly the path the job takes (cleaning,
 * validation, dedup, company links) inside one transaction that is then rolled back,
 * so the answer says what would be created, updated, skipped or refused and why; nothing is kept.
 */
export async function previewImport({ deps, ctx, id, limit }: PreviewImportOptions): Promise<Preview> {
  const imp = await inTenant(deps.db.kysely, ctx.tenantId, async (tx) => {
    const row = await visibleImport(tx, { ctx, id });
    if (row.status !== 'uploaded') throw importsErrors.alreadyStarted();
    if (!row.mapping.length) throw importsErrors.mappingEmpty();
    const target = await importTarget(tx, { deps, object: row.object });
    if (!target) throw importsErrors.unknownObject(row.object);
    return { ...row, target, phoneRegion: await phoneRegionOf(tx, ctx.tenantId) };
  });
  const settings = importSettings(imp, imp.target.spec);
  const access = ctx.userId ? await loadAccess({ deps, tenantId: ctx.tenantId, userId: ctx.userId }) : ctx.access;
  const rc: RowContext = {
    deps,
    ctx: { ...ctx, access },
    importId: id,
    object: imp.object,
    ...imp.target,
    mapping: imp.mapping,
    dedup: settings.dedup,
    options: settings.options,
    phoneRegion: imp.phoneRegion,
  };
  const sample: { rowNumber: number; values: string[] }[] = [];
  let rowNumber = 0;
  for await (const values of readRows({
    format: imp.format,
    encoding: imp.encoding,
    sheet: imp.sheet,
    chunks: () => storedChunks({ deps, tenantId: ctx.tenantId, importId: id }),
  })) {
    if (++rowNumber === 1) continue;
    sample.push({ rowNumber, values });
    if (sample.length >= limit) break;
  }
  const rows: PreviewRow[] = [];
  try {
    await inTenant(deps.db.kysely, ctx.tenantId, async (tx) => {
      for (const s of sample) {
        const outcome = await importRow(tx, { rc, row: s.values, rowNumber: s.rowNumber });
        rows.push(
          typeof outcome === 'string'
            ? { rowNumber: s.rowNumber, outcome, errors: [] }
            : { rowNumber: s.rowNumber, outcome: 'failed', errors: outcome.errors.map((e) => ({ ...e, text: translate(ctx.locale, e.message, e.params) })) },
        );
      }
      throw new PreviewDone();
    });
  } catch (error) {
    if (!(error instanceof PreviewDone)) throw error;
  }
  const counts = { created: 0, updated: 0, skipped: 0, failed: 0 };
  for (const r of rows) counts[r.outcome]++;
  return { rows, counts };
}
