import type { RequestContext } from '#platform/context.ts';
import type { Deps } from '#platform/deps.ts';
import { loadVisible, present, updateInTx } from '#platform/records/record-service.ts';
import { inTenant } from '#db/tx.ts';
import type { OrderStatus } from './order-fields.definition.ts';
import { TRANSITION, type Transition } from './order-prepare.service.ts';
import { orderDefinition } from './orders.definition.ts';
import { type OrderAction, ordersErrors } from './orders.errors.ts';
import type { TOrder } from './orders.schema.ts';

/** Each action: the status it needs and the status (and time) it leaves. */
const FLOW: Record<OrderAction, { from: OrderStatus; to: (now: Date, reason?: string) => Transition }> = {
  ship: { from: 'confirmed', to: (now) => ({ status: 'shipped', shippedAt: now }) },
  deliver: { from: 'shipped', to: (now) => ({ status: 'delivered', deliveredAt: now }) },
  complete: { from: 'delivered', to: (now) => ({ status: 'completed', completedAt: now }) },
  cancel: { from: 'confirmed', to: (now, reason) => ({ status: 'cancelled', cancelledAt: now, ...(reason ? { cancelReason: reason } : {}) }) },
};

export type MoveOrderOptions = { deps: Deps; ctx: RequestContext; id: string; action: OrderAction; reason?: string | undefined };

/**
 * Moves an order along confirmed -> shipped -> delivered -> completed, or cancels a confirmed one
 * (with a reason): audited, `order.updated` with the status change, stock moved (order-stock.service.ts).
 * Any other move is refused with a translated 409.
 */
export function moveOrder(o: MoveOrderOptions): Promise<TOrder> {
  return inTenant(o.deps.db.kysely, o.ctx.tenantId, async (tx) => {
    const row = await loadVisible({ tx, ctx: o.ctx, def: orderDefinition, id: o.id, action: 'update' });
    const step = FLOW[o.action];
    if (row.status !== step.from) throw ordersErrors.wrongStatus(o.action, row.status as OrderStatus);
    const updated = await updateInTx(tx, { deps: o.deps, ctx: o.ctx, def: orderDefinition, row, input: { [TRANSITION]: step.to(new Date(), o.reason) } });
    if (!updated) throw ordersErrors.staleVersion(row.version);
    return (await present({ tx, deps: o.deps, ctx: o.ctx, def: orderDefinition, rows: [updated] }))[0] as TOrder;
  });
}
