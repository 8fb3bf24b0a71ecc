import { requireAccess } from '#platform/access/access.ts';
import type { RequestContext } from '#platform/context.ts';
import type { Deps } from '#platform/deps.ts';
import { createInTx, loadVisible, present } from '#platform/records/record-service.ts';
import { inTenant } from '#db/tx.ts';
import type { TQuoteLine } from './quote-fields.definition.ts';
import { TRANSITION, type Transition } from './quote-prepare.service.ts';
import { transition } from './quote-status.service.ts';
import { quoteDefinition } from './quotes.definition.ts';
import { quotesErrors } from './quotes.errors.ts';
import { lastRevision } from './quotes.repo.ts';
import type { TQuote } from './quotes.schema.ts';

const dayOf = (d: unknown) => (d instanceof Date ? d.toISOString().slice(0, 10) : d == null ? null : String(d).slice(0, 10));

/**
 * Revises a quote out of draft: a new draft version (same number, next revision) with the same
 * customer, price book and lines, priced again; the old version stays as it was, no longer the latest.
 */
export function reviseQuote(o: { deps: Deps; ctx: RequestContext; id: string }): Promise<TQuote> {
  requireAccess(o.ctx.access, 'quote', 'create');
  return inTenant(o.deps.db.kysely, o.ctx.tenantId, async (tx) => {
    const row = await loadVisible({ tx, ctx: o.ctx, def: quoteDefinition, id: o.id, action: 'update' });
    if (row.status === 'draft' || row.status === 'in_approval') throw quotesErrors.wrongStatus('revise');
    if (!row.latest) throw quotesErrors.notLatest();
    const revision = (await lastRevision(tx, row.family_id as string)) + 1;
    const lines = (row.lines as TQuoteLine[]).map((l) => ({
      productId: l.productId,
      description: l.productId ? l.description : l.name,
      quantity: l.quantity,
      unitPrice: l.productId ? null : l.unitPrice,
      discountPercent: l.discountPercent,
      taxRate: l.taxRate,
    }));
    const to: Transition = { number: row.number as string, revision, familyId: row.family_id as string, previousId: row.id };
    const created = await createInTx(tx, {
      deps: o.deps,
      ctx: o.ctx,
      def: quoteDefinition,
      input: {
        name: row.name,
        dealId: row.deal_id,
        companyId: row.company_id,
        contactId: row.contact_id,
        priceBookId: row.price_book_id,
        currency: row.currency,
        validUntil: dayOf(row.valid_until),
        headerDiscount: row.header_discount,
        terms: row.terms,
        custom: row.custom,
        ownerId: row.owner_id,
        lines,
        [TRANSITION]: to,
      },
    });
    await transition(tx, { deps: o.deps, ctx: o.ctx, row, to: { latest: false } });
    return (await present({ tx, deps: o.deps, ctx: o.ctx, def: quoteDefinition, rows: [created] }))[0] as TQuote;
  });
}
