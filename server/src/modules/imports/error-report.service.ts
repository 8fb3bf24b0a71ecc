import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import { inTenant } from '#db/tx.ts';
import { SAFE_CSV_CAST } from '#platform/csv/formula-cells.ts';
import type { RequestContext } from '#platform/context.ts';
import type { Deps } from '#platform/deps.ts';
import { translate } from '#platform/i18n/i18n.ts';
import * as repo from './imports.repo.ts';
import { visibleImport } from './imports.service.ts';

const PAGE = 1000;

/**
 * The refused rows as CSV (UTF-8 with BOM, for Excel): row number, field, reason in the reader's
 * language, then the original cells, so the file can be fixed and imported again.
 */
export type ErrorReportOptions = { deps: Deps; ctx: RequestContext; id: string };

export async function errorReport({ deps, ctx, id }: ErrorReportOptions): Promise<Readable> {
  const imp = await inTenant(deps.db.kysely, ctx.tenantId, (tx) => visibleImport(tx, { ctx, id }));
  const t = (key: string) => translate(ctx.locale, key);
  async function* rows() {
    yield [t('imports.report_row'), t('imports.report_field'), t('imports.report_message'), ...imp.columns];
    let after = { row: 0, seq: -1 };
    for (;;) {
      const page = await inTenant(deps.db.kysely, ctx.tenantId, (tx) => repo.listErrors(tx, id, after, PAGE));
      for (const e of page) yield [String(e.row_number), e.field ?? '', translate(ctx.locale, e.message, e.params), ...e.raw];
      const last = page.at(-1);
      if (!last || page.length < PAGE) return;
      after = { row: last.row_number, seq: last.seq };
    }
  }
  // Cells a spreadsheet would run as a formula are prefixed with a quote (the platform's one rule).
  return Readable.from(rows()).pipe(stringify({ bom: true, cast: SAFE_CSV_CAST }));
}
