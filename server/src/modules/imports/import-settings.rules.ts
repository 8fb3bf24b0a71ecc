import type { ImportSpec } from '#platform/objects/import-spec.ts';
import type { ImportRow } from './imports.repo.ts';
import { type TDedupRule, type TImportOptions, ZDedupRule, ZImportOptions } from './imports.schema.ts';

/** Objects without a default match (leads have their own duplicate rules; deals and activities rarely carry a key). */
const NO_MATCH: TDedupRule = { match: 'none', action: 'skip' };
export const DEFAULT_OPTIONS: TImportOptions = { batchSize: 500, defaultSource: 'import', createCompanies: true };

/** Stored settings over the defaults (rows written before an option existed still parse); the object's spec gives its default match. */
export function importSettings(
  row: Pick<ImportRow, 'dedup' | 'options'>,
  spec: Pick<ImportSpec, 'defaultMatch'> | undefined,
): { dedup: TDedupRule; options: TImportOptions } {
  const fallback: TDedupRule = spec?.defaultMatch ? { match: spec.defaultMatch, action: 'skip' } : NO_MATCH;
  return {
    dedup: ZDedupRule.safeParse({ ...fallback, ...row.dedup }).data ?? fallback,
    options: ZImportOptions.safeParse({ ...DEFAULT_OPTIONS, ...row.options }).data ?? DEFAULT_OPTIONS,
  };
}
