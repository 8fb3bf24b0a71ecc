import type { Tx } from '#db/tx.ts';
import type { RequestContext } from '#platform/context.ts';
import type { Deps } from '#platform/deps.ts';
import { findRecord, type Row } from '#platform/records/records.repo.ts';
import { captureInTx, duplicatesOf, probeOf } from './capture.service.ts';
import { decide } from './dedup.rules.ts';
import type { TCreateLeadRequest, TLeadCreated } from './leads.schema.ts';

export type ImportCaptureOptions = {
  deps: Deps;
  ctx: RequestContext;
  input: Omit<TCreateLeadRequest, 'allowDuplicate'>;
  /** A warn rule lets the row through (as "create anyway"); a block rule still refuses it. */
  allowDuplicate: boolean;
};

/**
 * A lead from an import file, captured like any other (duplicate rules, `lead.captured` for
 * scoring and assignment) on the 'import' channel. Answers with the lead a merge rule wrote
 * into and its row before, so the import can be rolled back.
 */
export async function captureImportedLead(tx: Tx, o: ImportCaptureOptions): Promise<{ lead: TLeadCreated; mergedBefore: Row | null }> {
  const decisive = decide(await duplicatesOf({ tx, deps: o.deps, tenantId: o.ctx.tenantId, probe: probeOf(o.input) }));
  const mergedBefore = decisive?.action === 'merge' ? ((await findRecord(tx, 'leads', decisive.id)) ?? null) : null;
  const lead = await captureInTx(tx, { deps: o.deps, ctx: o.ctx, input: o.input, channel: 'import', allowDuplicate: o.allowDuplicate });
  return { lead, mergedBefore: lead.merged ? mergedBefore : null };
}
