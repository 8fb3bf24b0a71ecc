import { z } from 'zod';
import { PRICE_BOOK_FIELDS, PRODUCT_FIELDS } from './product-fields.definition.ts';

export { ZCurrency, ZPercent } from './product-fields.definition.ts';

export const ZProduct = z.object(PRODUCT_FIELDS.output);
export type TProduct = z.infer<typeof ZProduct>;
export const ZUpdateProductRequest = z.object(PRODUCT_FIELDS.input).partial().strict();
export type TUpdateProductRequest = z.infer<typeof ZUpdateProductRequest>;
/** Currency defaults to the tenant's base currency, list price to 0, tax rate to 0. */
export const ZCreateProductRequest = ZUpdateProductRequest.required({ sku: true, name: true });

export const ZPriceBook = z.object(PRICE_BOOK_FIELDS.output);
export type TPriceBook = z.infer<typeof ZPriceBook>;
export const ZUpdatePriceBookRequest = z.object(PRICE_BOOK_FIELDS.input).partial().strict();
export const ZCreatePriceBookRequest = ZUpdatePriceBookRequest.required({ name: true });

const ZPrice = PRODUCT_FIELDS.input.listPrice;

/** One price of a price book, with the product it prices. */
export const ZPriceBookEntry = z.object({
  productId: z.string(),
  sku: z.string(),
  name: z.string(),
  nameEn: z.string().nullable(),
  unit: z.string().nullable(),
  listPrice: z.string(),
  unitPrice: z.string(),
  taxRate: z.string(),
  active: z.boolean(),
});
export type TPriceBookEntry = z.infer<typeof ZPriceBookEntry>;

/** The whole set of a price book's prices (PUT replaces it); a product at most once. */
export const ZPutPriceBookEntriesRequest = z
  .object({
    entries: z
      .array(z.object({ productId: z.uuid(), unitPrice: ZPrice }).strict())
      .max(5000)
      .refine((list) => new Set(list.map((e) => e.productId)).size === list.length, 'products.entry_twice'),
  })
  .strict();
export type TPutPriceBookEntriesRequest = z.infer<typeof ZPutPriceBookEntriesRequest>;
