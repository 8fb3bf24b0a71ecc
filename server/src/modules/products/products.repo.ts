import { sql } from 'kysely';
import type { Tx } from '#db/tx.ts';

/** The tenant's base currency (what a product or price book defaults to). */
export async function baseCurrencyOf(tx: Tx): Promise<string> {
  const { rows } = await sql<{ c: string }>`select base_currency as c from tenants`.execute(tx);
  return rows[0]?.c ?? 'CNY';
}

/** Whether a live product other than `excludeId` has this SKU (case-insensitive). */
export async function skuTaken(tx: Tx, o: { sku: string; excludeId: string | null }): Promise<boolean> {
  const { rows } = await sql<{ id: string }>`
    select id from products where lower(sku) = lower(${o.sku}) and deleted_at is null
      ${o.excludeId ? sql`and id <> ${o.excludeId}` : sql``}
    limit 1`.execute(tx);
  return rows.length > 0;
}

export type EntryRow = {
  product_id: string;
  sku: string;
  name: string;
  name_en: string | null;
  unit: string | null;
  list_price: string;
  unit_price: string;
  tax_rate: string;
  active: boolean;
};

/** A price book's prices with their (live) products, by SKU. */
export async function listEntries(tx: Tx, priceBookId: string): Promise<EntryRow[]> {
  const { rows } = await sql<EntryRow>`
    select e.product_id, p.sku, p.name, p.name_en, p.unit, p.list_price::text as list_price, e.unit_price::text as unit_price,
      p.tax_rate::text as tax_rate, p.active
    from price_book_entries e join products p on p.id = e.product_id
    where e.price_book_id = ${priceBookId} and p.deleted_at is null
    order by p.sku`.execute(tx);
  return rows;
}

/** Of these ids, the live products. */
export async function liveProductIds(tx: Tx, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const { rows } = await sql<{ id: string }>`
    select id from products where id = any(${sql`cast(${ids} as uuid[])`}) and deleted_at is null`.execute(tx);
  return new Set(rows.map((r) => r.id));
}

/** Replaces a price book's prices with `entries`. */
export async function replaceEntries(
  tx: Tx,
  o: { tenantId: string; priceBookId: string; userId: string | null; entries: { productId: string; unitPrice: string }[] },
): Promise<void> {
  await sql`delete from price_book_entries where price_book_id = ${o.priceBookId}`.execute(tx);
  if (o.entries.length === 0) return;
  const ids = o.entries.map((e) => e.productId);
  const prices = o.entries.map((e) => e.unitPrice);
  await sql`
    insert into price_book_entries (tenant_id, price_book_id, product_id, unit_price, updated_by)
    select ${o.tenantId}, ${o.priceBookId}, e.product_id, e.unit_price, ${o.userId}
    from unnest(${sql`cast(${ids} as uuid[])`}, ${sql`cast(${prices} as numeric[])`}) as e(product_id, unit_price)`.execute(tx);
}

export type PricedProduct = {
  id: string;
  sku: string;
  name: string;
  name_en: string | null;
  unit: string | null;
  list_price: string;
  currency: string;
  tax_rate: string;
  active: boolean;
  /** The price book's price, or null when the book has none for it (or no book was asked). */
  book_price: string | null;
};

/** Live products by id with their price in a price book (when given). */
export async function pricedProducts(tx: Tx, o: { ids: readonly string[]; priceBookId: string | null }): Promise<PricedProduct[]> {
  if (o.ids.length === 0) return [];
  const { rows } = await sql<PricedProduct>`
    select p.id, p.sku, p.name, p.name_en, p.unit, p.list_price::text as list_price, p.currency, p.tax_rate::text as tax_rate, p.active,
      e.unit_price::text as book_price
    from products p
    left join price_book_entries e on e.product_id = p.id and e.price_book_id = ${o.priceBookId}
    where p.id = any(${sql`cast(${o.ids} as uuid[])`}) and p.deleted_at is null`.execute(tx);
  return rows;
}

export type PriceBookRow = { id: string; name: string; currency: string; valid_from: unknown; valid_to: unknown; active: boolean };

export async function findPriceBook(tx: Tx, id: string): Promise<PriceBookRow | undefined> {
  const { rows } = await sql<PriceBookRow>`
    select id, name, currency, valid_from, valid_to, active from price_books where id = ${id} and deleted_at is null`.execute(tx);
  return rows[0];
}

/** Of these products, the ones in the recycle bin, with their SKUs (a restore brings the SKU back). */
export async function deletedSkus(tx: Tx, ids: readonly string[]): Promise<{ id: string; sku: string }[]> {
  const { rows } = await sql<{ id: string; sku: string }>`
    select id, sku from products where id = any(${sql`cast(${ids} as uuid[])`}) and deleted_at is not null`.execute(tx);
  return rows;
}

export type StockMove = { productId: string; quantity: string };
export type StockLevel = { id: string; sku: string; name: string; owner_id: string | null; on_hand: string; reserved: string; threshold: string | null };

/** The moves as one quantity per tracked product, their rows locked in id order (two orders never deadlock). */
async function lockTracked(tx: Tx, moves: readonly StockMove[]): Promise<(StockLevel & { qty: string })[]> {
  if (moves.length === 0) return [];
  const { rows } = await sql<StockLevel & { qty: string }>`
    with wanted as (
      select w.id, sum(w.qty) as qty
      from unnest(${sql`cast(${moves.map((m) => m.productId)} as uuid[])`}, ${sql`cast(${moves.map((m) => m.quantity)} as numeric[])`}) as w(id, qty)
      group by w.id
    )
    select p.id, p.sku, p.name, p.owner_id, p.stock_on_hand::text as on_hand, p.stock_reserved::text as reserved,
      p.low_stock_threshold::text as threshold, w.qty::text as qty
    from products p join wanted w on w.id = p.id
    where p.stock_on_hand is not null
    order by p.id
    for update of p`.execute(tx);
  return rows;
}

/** Ten-thousandths of a unit: decimal strings (4 places at most) compared exactly. */
const units = (v: string): bigint => {
  const negative = v.startsWith('-');
  const [i = '0', f = ''] = (negative ? v.slice(1) : v).split('.');
  const n = BigInt(i) * 10000n + BigInt(`${f}0000`.slice(0, 4));
  return negative ? -n : n;
};

const returning = sql`returning p.id, p.sku, p.name, p.owner_id, p.stock_on_hand::text as on_hand, p.stock_reserved::text as reserved, p.low_stock_threshold::text as threshold`;

/**
 * Reserves stock for a confirmed order, all or nothing: the tracked products among `moves`
 * (untracked ones, stock on hand empty, are skipped) whose available stock (on hand - reserved)
 * is short come back in `short` and nothing is reserved; else `levels` are the new levels.
 * The rows stay locked until the caller's transaction ends: concurrent orders queue, and the
 * second sees what the first reserved.
 */
export async function reserveStock(tx: Tx, moves: readonly StockMove[]): Promise<{ short: StockLevel[]; levels: StockLevel[] }> {
  const locked = await lockTracked(tx, moves);
  const short = locked.filter((p) => units(p.on_hand) - units(p.reserved) < units(p.qty));
  if (short.length || locked.length === 0) return { short, levels: [] };
  const { rows } = await sql<StockLevel>`
    update products p set stock_reserved = p.stock_reserved + w.qty
    from unnest(${sql`cast(${locked.map((l) => l.id)} as uuid[])`}, ${sql`cast(${locked.map((l) => l.qty)} as numeric[])`}) as w(id, qty)
    where p.id = w.id
    ${returning}`.execute(tx);
  return { short: [], levels: rows };
}

/**
 * Moves an order's reserved stock: `release` (cancelled) lowers the reservation; `deduct`
 * (shipped) lowers the reservation and the stock on hand. Untracked products are skipped.
 */
export async function moveReservedStock(tx: Tx, o: { moves: readonly StockMove[]; kind: 'release' | 'deduct' }): Promise<StockLevel[]> {
  const locked = await lockTracked(tx, o.moves);
  if (locked.length === 0) return [];
  const { rows } = await sql<StockLevel>`
    update products p set
      stock_reserved = greatest(p.stock_reserved - w.qty, 0)
      ${o.kind === 'deduct' ? sql`, stock_on_hand = p.stock_on_hand - w.qty` : sql``}
    from unnest(${sql`cast(${locked.map((l) => l.id)} as uuid[])`}, ${sql`cast(${locked.map((l) => l.qty)} as numeric[])`}) as w(id, qty)
    where p.id = w.id
    ${returning}`.execute(tx);
  return rows;
}

/** Available stock at or below the threshold. */
export const isLowStock = (l: StockLevel): boolean => l.threshold !== null && units(l.on_hand) - units(l.reserved) <= units(l.threshold);
