import { isLowStock, moveReservedStock, reserveStock, type StockLevel, type StockMove } from '#modules/products/index.ts';
import { notify } from '#modules/notifications/index.ts';
import type { TQuoteLine } from '#modules/quotes/index.ts';
import { translate } from '#platform/i18n/i18n.ts';
import type { AfterWriteOptions } from '#platform/records/object-definition.ts';
import type { Row } from '#platform/records/records.repo.ts';
import type { Tx } from '#db/tx.ts';
import { ordersErrors } from './orders.errors.ts';
import { adminIds } from './orders.repo.ts';

const movesOf = (row: Row): StockMove[] =>
  ((row.lines as TQuoteLine[] | null) ?? []).flatMap((l) => (l.productId ? [{ productId: l.productId, quantity: l.quantity }] : []));

/** Holds stock: a live confirmed order (not in the recycle bin). */
const holds = (row: Row | null) => !!row && row.status === 'confirmed' && !row.deleted_at;

/** Tells the product's owner and the admins when available stock falls to its threshold (once a day per product). */
async function warnLowStock(tx: Tx, tenantId: string, levels: StockLevel[]): Promise<void> {
  const low = levels.filter(isLowStock);
  if (low.length === 0) return;
  const admins = await adminIds(tx);
  const day = new Date().toISOString().slice(0, 10);
  for (const p of low) {
    const params = { sku: p.sku, name: p.name, available: String(Number(p.on_hand) - Number(p.reserved)), threshold: p.threshold };
    await notify({
      tx,
      tenantId,
      userIds: [p.owner_id, ...admins],
      kind: 'system',
      title: { zh: translate('zh-CN', 'orders.low_stock_title', params), en: translate('en', 'orders.low_stock_title', params) },
      body: { zh: translate('zh-CN', 'orders.low_stock_body', params), en: translate('en', 'orders.low_stock_body', params) },
      link: { object: 'product', id: p.id },
      dedupeKey: `low-stock:${p.id}:${day}`,
    });
  }
}

/**
 * Stock follows an order's status, in the write's transaction: a confirmed order reserves (refused
 * with 409 when a tracked product is short), cancelling or binning it releases, shipping deducts.
 */
export async function syncStock(o: AfterWriteOptions): Promise<void> {
  const { tx, ctx, before, after } = o;
  const wasHolding = holds(before);
  const isHolding = holds(after);
  if (!wasHolding && isHolding) {
    const { short, levels } = await reserveStock(tx, movesOf(after));
    const first = short[0];
    if (first) {
      const available = String(Number(first.on_hand) - Number(first.reserved));
      throw ordersErrors.insufficientStock(first.sku, available);
    }
    await warnLowStock(tx, ctx.tenantId, levels);
  } else if (wasHolding && !isHolding) {
    const shipped = after.status === 'shipped' && !after.deleted_at;
    const levels = await moveReservedStock(tx, { moves: movesOf(after), kind: shipped ? 'deduct' : 'release' });
    if (shipped) await warnLowStock(tx, ctx.tenantId, levels);
  }
}
