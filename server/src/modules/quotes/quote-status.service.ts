import { submitApproval } from '#modules/approvals/index.ts';
import type { RequestContext } from '#platform/context.ts';
import type { Deps } from '#platform/deps.ts';
import { AppError } from '#platform/errors/app-error.ts';
import { loadVisible, present, updateInTx } from '#platform/records/record-service.ts';
import type { Row } from '#platform/records/records.repo.ts';
import { inTenant, type Tx } from '#db/tx.ts';
import type { QuoteStatus } from './quote-fields.definition.ts';
import { TRANSITION, type Transition } from './quote-prepare.service.ts';
import { quoteDefinition } from './quotes.definition.ts';
import { quotesErrors } from './quotes.errors.ts';
import type { TQuote } from './quotes.schema.ts';

type Options = { deps: Deps; ctx: RequestContext; id: string };

/** The module's own write: past the approval lock (the module moves its status), with the record's audit and event. */
export async function transition(tx: Tx, o: { deps: Deps; ctx: RequestContext; row: Row; to: Transition }): Promise<Row> {
  const ctx: RequestContext = { ...o.ctx, access: { ...o.ctx.access, isAdmin: true } };
  const row = await updateInTx(tx, { deps: o.deps, ctx, def: quoteDefinition, row: o.row, input: { [TRANSITION]: o.to } });
  if (!row) throw quotesErrors.staleVersion(o.row.version);
  return row;
}

const view = async (tx: Tx, o: Options, row: Row) => (await present({ tx, deps: o.deps, ctx: o.ctx, def: quoteDefinition, rows: [row] }))[0] as TQuote;

/** True for the approvals module's "no process applies to this record" refusal. */
const noProcessApplies = (e: unknown) => e instanceof AppError && e.errors.some((f) => f.message === 'approvals.no_process');

/**
 * Submits a draft for approval: when one of the tenant's approval processes for quotes applies
 * (e.g. entry criteria `{"discount":{"gt":20}}`) the quote waits in approval, locked; when none
 * does, it is approved at once.
 */
export function submitQuote(o: Options & { comment?: string | undefined }): Promise<{ quote: TQuote; approvalId: string | null }> {
  return inTenant(o.deps.db.kysely, o.ctx.tenantId, async (tx) => {
    const row = await loadVisible({ tx, ctx: o.ctx, def: quoteDefinition, id: o.id, action: 'update' });
    if (row.status !== 'draft') throw quotesErrors.wrongStatus('submit');
    if (!(row.lines as unknown[]).length) throw quotesErrors.noLines();
    let approval: { id: string; status: string } | null = null;
    try {
      approval = await submitApproval({ tx, deps: o.deps, ctx: o.ctx, object: 'quote', recordId: row.id, comment: o.comment });
    } catch (error) {
      if (!noProcessApplies(error)) throw error;
    }
    // The request may have changed the quote (an immediate outcome): read it again.
    const current = await loadVisible({ tx, ctx: { ...o.ctx, access: { ...o.ctx.access, isAdmin: true } }, def: quoteDefinition, id: row.id, action: 'read' });
    const status: QuoteStatus = approval && approval.status === 'pending' ? 'in_approval' : approval?.status === 'rejected' ? 'draft' : 'approved';
    const after = current.status === status ? current : await transition(tx, { deps: o.deps, ctx: o.ctx, row: current, to: { status } });
    return { quote: await view(tx, o, after), approvalId: approval?.id ?? null };
  });
}

/** Marks an approved quote as sent to the customer. */
export function sendQuote(o: Options): Promise<TQuote> {
  return inTenant(o.deps.db.kysely, o.ctx.tenantId, async (tx) => {
    const row = await loadVisible({ tx, ctx: o.ctx, def: quoteDefinition, id: o.id, action: 'update' });
    if (row.status !== 'approved') throw quotesErrors.wrongStatus('send');
    return view(tx, o, await transition(tx, { deps: o.deps, ctx: o.ctx, row, to: { status: 'sent', sentAt: new Date() } }));
  });
}

/** Records the customer's answer to a sent quote. */
export function decideQuote(o: Options & { outcome: 'accepted' | 'rejected' }): Promise<TQuote> {
  return inTenant(o.deps.db.kysely, o.ctx.tenantId, async (tx) => {
    const row = await loadVisible({ tx, ctx: o.ctx, def: quoteDefinition, id: o.id, action: 'update' });
    if (row.status !== 'sent') throw quotesErrors.wrongStatus('decide');
    return view(tx, o, await transition(tx, { deps: o.deps, ctx: o.ctx, row, to: { status: o.outcome, decidedAt: new Date() } }));
  });
}
