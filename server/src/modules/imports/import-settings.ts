import type { ImportRow } from './imports.repo.ts';
import { type TDedupRule, type TImportOptions, ZDedupRule, ZImportOptions } from './imports.schema.ts';

export const DEFAULT_DEDUP: TDedupRule = { match: 'email', action: 'skip' };
export const DEFAULT_OPTIONS: TImportOptions = { batchSize: 500, defaultSource: 'import', createCompanies: true };

/** Stored settings over the defaults (rows written before an option existed still parse). */
export function importSettings(row: Pick<ImportRow, 'dedup' | 'options'>): { dedup: TDedupRule; options: TImportOptions } {
  return {
    dedup: ZDedupRule.safeParse({ ...DEFAULT_DEDUP, ...row.dedup }).data ?? DEFAULT_DEDUP,
    options: ZImportOptions.safeParse({ ...DEFAULT_OPTIONS, ...row.options }).data ?? DEFAULT_OPTIONS,
  };
}
