import { z } from 'zod';
import { boolean, date, decimal, decimalInput, id, recordFields, text } from '#platform/objects/fields.ts';
import { defineFields } from '#platform/objects/object-fields.ts';

const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));
/** An ISO 4217 code the runtime knows (CNY, USD, EUR...). */
export const ZCurrency = z
  .string()
  .trim()
  .transform((c) => c.toUpperCase())
  .refine((c) => CURRENCIES.has(c), 'products.unknown_currency');

/** A percentage 0-100 with at most 2 decimals, as a decimal string. */
export const ZPercent = decimalInput({ precision: 5, scale: 2 }).refine(
  (v) => !/^-?\d+(\.\d+)?$/.test(v) || (Number(v) >= 0 && Number(v) <= 100),
  'products.percent_range',
);

/** SKUs: letters, digits and the usual separators, no spaces at the ends. */
const ZSku = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[\p{L}\p{N}][\p{L}\p{N}\-_./# ]*$/u, 'products.invalid_sku');

/** A product's fields, declared once: catalog, mapping, request and response schemas derive from them. */
export const PRODUCT_FIELDS = defineFields({
  id: id(),
  sku: text({ max: 64, required: true, input: ZSku }),
  name: text({ max: 200, required: true }),
  nameEn: text({ max: 200 }),
  category: text({ max: 100 }),
  unit: text({ max: 20 }),
  listPrice: decimal({ required: true, min: 0 }),
  currency: text({ max: 3, required: true, input: ZCurrency }),
  taxRate: decimal({ required: true, precision: 5, scale: 2, min: 0, input: ZPercent }),
  active: boolean(),
  description: text({ max: 10000, filter: false }),
  /** Units in stock; empty when the product's stock is not tracked (services). */
  stockOnHand: decimal({ precision: 18, scale: 4, min: 0 }),
  /** Units confirmed orders hold (reserved on confirmation, released on cancel, deducted on shipping). */
  stockReserved: decimal({ readOnly: true }),
  /** At or below this many available units, the product's owner and the admins are told. */
  lowStockThreshold: decimal({ precision: 18, scale: 4, min: 0 }),
  ...recordFields(),
});

/** A price book's fields: a named list of prices in one currency, valid between two days. */
export const PRICE_BOOK_FIELDS = defineFields({
  id: id(),
  name: text({ max: 200, required: true }),
  currency: text({ max: 3, required: true, input: ZCurrency }),
  validFrom: date(),
  validTo: date(),
  active: boolean(),
  description: text({ max: 2000, filter: false }),
  ...recordFields(),
});
