import type { ImportRow } from './imports.repo.ts';
import { type TDedupRule, type TImportOptions, ZDedupRule, ZImportOptions } from './imports.schema.ts';

export const DEFAULT_DEDUP: TDedupRule = { match: 'email', action: 'skip' };
/** Leads have their own duplicate rules; deals and activities rarely carry a key to match on. */
const NO_MATCH: TDedupRule = { match: 'none', action: 'skip' };
export const DEFAULT_OPTIONS: TImportOptions = { batchSize: 500, defaultSource: 'import', createCompanies: true };

/** Stored settings over the defaults (rows written before an option existed still parse). */
export function importSettings(row: Pick<ImportRow, 'object' | 'dedup' | 'options'>): { dedup: TDedupRule; options: TImportOptions } {
  const fallback = row.object === 'contact' || row.object === 'company' ? DEFAULT_DEDUP : NO_MATCH;
  return {
    dedup: ZDedupRule.safeParse({ ...fallback, ...row.dedup }).data ?? fallback,
    options: ZImportOptions.safeParse({ ...DEFAULT_OPTIONS, ...row.options }).data ?? DEFAULT_OPTIONS,
  };
}
