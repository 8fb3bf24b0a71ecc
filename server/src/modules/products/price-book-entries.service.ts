import type { RequestContext } from '#platform/context.ts';
import type { Deps } from '#platform/deps.ts';
import { writeAudit } from '#platform/audit/audit.ts';
import { loadVisible } from '#platform/records/record-service.ts';
import { inTenant } from '#db/tx.ts';
import { priceBookDefinition } from './products.definition.ts';
import { productsErrors } from './products.errors.ts';
import { type EntryRow, listEntries, liveProductIds, replaceEntries } from './products.repo.ts';
import type { TPriceBookEntry, TPutPriceBookEntriesRequest } from './products.schema.ts';

type Options = { deps: Deps; ctx: RequestContext; id: string };

const toApi = (r: EntryRow): TPriceBookEntry => ({
  productId: r.product_id,
  sku: r.sku,
  name: r.name,
  nameEn: r.name_en,
  unit: r.unit,
  listPrice: r.list_price,
  unitPrice: r.unit_price,
  taxRate: r.tax_rate,
  active: r.active,
});

/** A price book's prices, for anyone who may read the book. */
export function getEntries(o: Options): Promise<TPriceBookEntry[]> {
  return inTenant(o.deps.db.kysely, o.ctx.tenantId, async (tx) => {
    const book = await loadVisible({ tx, ctx: o.ctx, def: priceBookDefinition, id: o.id, action: 'read' });
    return (await listEntries(tx, book.id)).map(toApi);
  });
}

/** Replaces a price book's prices (update permission on the book); every product must exist. Audited on the book. */
export function putEntries(o: Options & { input: TPutPriceBookEntriesRequest }): Promise<TPriceBookEntry[]> {
  return inTenant(o.deps.db.kysely, o.ctx.tenantId, async (tx) => {
    const book = await loadVisible({ tx, ctx: o.ctx, def: priceBookDefinition, id: o.id, action: 'update' });
    const ids = o.input.entries.map((e) => e.productId);
    const live = await liveProductIds(tx, ids);
    const missing = ids.filter((id) => !live.has(id));
    if (missing.length) throw productsErrors.unknownProducts(missing);
    const before = await listEntries(tx, book.id);
    await replaceEntries(tx, { tenantId: o.ctx.tenantId, priceBookId: book.id, userId: o.ctx.userId, entries: o.input.entries });
    const after = await listEntries(tx, book.id);
    const prices = (rows: EntryRow[]) => Object.fromEntries(rows.map((r) => [r.sku, r.unit_price]));
    await writeAudit(tx, o.ctx, {
      action: 'updated',
      objectType: 'price_book',
      objectId: book.id,
      changes: { entries: { from: prices(before), to: prices(after) } },
    });
    return after.map(toApi);
  });
}
