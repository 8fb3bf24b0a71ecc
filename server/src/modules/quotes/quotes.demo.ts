import type { RequestContext } from '#platform/context.ts';
import type { Deps } from '#platform/deps.ts';
import { createRecord } from '#platform/records/record-service.ts';
import { inTenant } from '#db/tx.ts';
import { sendQuote, submitQuote } from './quote-status.service.ts';
import { quoteDefinition } from './quotes.definition.ts';
import { demoDeal, demoProducts } from './quotes.demo.repo.ts';

const dayFromNow = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/**
 * Two quotes on demo deals: a draft with a 25 % quote discount (over the usual approval
 * threshold) and a quote already approved and sent to the customer.
 */
export async function seedDemoQuotes(o: { deps: Deps; ctx: RequestContext; priceBookId: string }): Promise<number> {
  const { deal1, deal2, products } = await inTenant(o.deps.db.kysely, o.ctx.tenantId, async (tx) => ({
    deal1: await demoDeal(tx, '星辰科技 年度 CRM 订阅'),
    deal2: await demoDeal(tx, '云帆智能制造 MES 集成'),
    products: await demoProducts(tx, ['CRM-PRO', 'IMPL-DAY', 'TRAIN-SESS', 'HW-SCAN']),
  }));
  const sku = (s: string) => products.get(s) ?? null;
  let created = 0;
  if (deal1) {
    await createRecord({
      deps: o.deps,
      ctx: o.ctx,
      def: quoteDefinition,
      input: {
        dealId: deal1.id,
        ownerId: deal1.owner_id,
        priceBookId: o.priceBookId,
        validUntil: dayFromNow(30),
        headerDiscount: '25',
        terms: '付款方式：合同签订后 30 日内支付 100%。Payment: 100 % within 30 days of signing.',
        lines: [
          { productId: sku('CRM-PRO'), quantity: '60', discountPercent: '5' },
          { productId: sku('IMPL-DAY'), quantity: '20' },
          { productId: sku('TRAIN-SESS'), quantity: '2' },
        ],
      },
    });
    created++;
  }
  if (deal2) {
    const quote = await createRecord({
      deps: o.deps,
      ctx: o.ctx,
      def: quoteDefinition,
      input: {
        dealId: deal2.id,
        ownerId: deal2.owner_id,
        priceBookId: o.priceBookId,
        validUntil: dayFromNow(14),
        headerDiscount: '5',
        lines: [
          { productId: sku('HW-SCAN'), quantity: '120', discountPercent: '8' },
          { productId: sku('IMPL-DAY'), quantity: '45' },
          { description: '驻场差旅（包干） Travel, flat fee', quantity: '1', unitPrice: '18000', taxRate: '6' },
        ],
      },
    });
    const submitted = await submitQuote({ deps: o.deps, ctx: o.ctx, id: quote.id });
    // Sent unless an approval process the tenant has holds it back.
    if (submitted.quote.status === 'approved') await sendQuote({ deps: o.deps, ctx: o.ctx, id: quote.id });
    created++;
  }
  return created;
}
