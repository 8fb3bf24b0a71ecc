import type { RequestContext } from '#platform/context.ts';
import type { Deps } from '#platform/deps.ts';
import { createRecord } from '#platform/records/record-service.ts';
import { inTenant } from '#db/tx.ts';
import { moveOrder } from './order-status.service.ts';
import { orderDefinition } from './orders.definition.ts';
import { demoDeal, demoProducts } from './orders.demo.repo.ts';

/**
 * Two orders on demo deals: one confirmed (holding barcode terminals from stock) and one
 * already shipped (its terminals deducted from stock).
 */
export async function seedDemoOrders(o: { deps: Deps; ctx: RequestContext }): Promise<number> {
  const { deal1, deal2, products } = await inTenant(o.deps.db.kysely, o.ctx.tenantId, async (tx) => ({
    deal1: await demoDeal(tx, '云帆智能制造 MES 集成'),
    deal2: await demoDeal(tx, '星辰科技 年度 CRM 订阅'),
    products: await demoProducts(tx, ['HW-SCAN', 'IMPL-DAY', 'CRM-PRO']),
  }));
  const sku = (s: string) => products.get(s) ?? null;
  let created = 0;
  if (deal1) {
    await createRecord({
      deps: o.deps,
      ctx: o.ctx,
      def: orderDefinition,
      input: {
        dealId: deal1.id,
        ownerId: deal1.owner_id,
        name: '云帆智能制造 扫码终端首批 Barcode terminals, first batch',
        shippingAddress: '江苏省苏州市工业园区星湖街 328 号',
        lines: [
          { productId: sku('HW-SCAN'), quantity: '60', discountPercent: '5' },
          { productId: sku('IMPL-DAY'), quantity: '10' },
        ],
      },
    });
    created++;
  }
  if (deal2) {
    const order = await createRecord({
      deps: o.deps,
      ctx: o.ctx,
      def: orderDefinition,
      input: {
        dealId: deal2.id,
        ownerId: deal2.owner_id,
        lines: [
          { productId: sku('CRM-PRO'), quantity: '20' },
          { productId: sku('HW-SCAN'), quantity: '12' },
        ],
      },
    });
    await moveOrder({ deps: o.deps, ctx: o.ctx, id: order.id, action: 'ship' });
    created++;
  }
  return created;
}
