import type { ObjectDefinition, PrepareOptions } from '#platform/records/object-definition.ts';
import { searchTextOf } from '#platform/records/search.ts';
import { PRICE_BOOK_FIELDS, PRODUCT_FIELDS } from './product-fields.definition.ts';
import type { TPriceBook, TProduct } from './products.schema.ts';
import { baseCurrencyOf, skuTaken } from './products.repo.ts';

const dayOf = (d: unknown): string | null => (d == null ? null : d instanceof Date ? d.toISOString().slice(0, 10) : String(d).slice(0, 10));

/** A SKU is unique among the tenant's live products (case-insensitive); currency defaults to the base currency. */
async function prepareProduct(o: PrepareOptions): Promise<void> {
  const { tx, columns, existing, errors } = o;
  if (!existing && columns.currency == null) columns.currency = await baseCurrencyOf(tx);
  const sku = columns.sku as string | undefined;
  if (sku !== undefined && sku !== existing?.sku && (await skuTaken(tx, { sku, excludeId: existing?.id ?? null })))
    errors.push({ field: 'sku', message: 'products.sku_taken', params: { sku } });
}

export const productDefinition: ObjectDefinition<TProduct> = {
  object: 'product',
  table: 'products',
  defaultSort: 'sku',
  catalog: PRODUCT_FIELDS.catalog,
  sensitive: PRODUCT_FIELDS.sensitive,
  fields: PRODUCT_FIELDS.meta,
  references: PRODUCT_FIELDS.references,
  related: PRODUCT_FIELDS.related,
  toApi: (row, ctx) => PRODUCT_FIELDS.toApi(row, ctx) as Omit<TProduct, 'owner'>,
  toColumns: (input, errors, cipher, write) => PRODUCT_FIELDS.toColumns(input, { errors, cipher, write }),
  prepare: prepareProduct,
  derived: (merged) => ({
    search_text: searchTextOf([merged.sku as string, merged.name as string, merged.name_en as string, merged.category as string]),
  }),
};

/** Currency defaults to the base currency; the validity ends on or after it starts. */
async function preparePriceBook(o: PrepareOptions): Promise<void> {
  const { tx, columns, existing, errors } = o;
  if (!existing && columns.currency == null) columns.currency = await baseCurrencyOf(tx);
  const merged = { ...existing, ...columns };
  const from = dayOf(merged.valid_from);
  const to = dayOf(merged.valid_to);
  if (from && to && to < from) errors.push({ field: 'validTo', message: 'products.valid_to_before_from' });
}

export const priceBookDefinition: ObjectDefinition<TPriceBook> = {
  object: 'price_book',
  table: 'price_books',
  defaultSort: 'name',
  catalog: PRICE_BOOK_FIELDS.catalog,
  sensitive: PRICE_BOOK_FIELDS.sensitive,
  fields: PRICE_BOOK_FIELDS.meta,
  references: PRICE_BOOK_FIELDS.references,
  related: PRICE_BOOK_FIELDS.related,
  toApi: (row, ctx) => PRICE_BOOK_FIELDS.toApi(row, ctx) as Omit<TPriceBook, 'owner'>,
  toColumns: (input, errors, cipher, write) => PRICE_BOOK_FIELDS.toColumns(input, { errors, cipher, write }),
  prepare: preparePriceBook,
  derived: (merged) => ({ search_text: searchTextOf([merged.name as string, merged.currency as string]) }),
};
