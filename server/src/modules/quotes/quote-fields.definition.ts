import { z } from 'zod';
import { ZCurrency } from '#modules/products/index.ts';
import { boolean, date, datetime, decimal, decimalInput, enumOf, id, integer, json, recordFields, ref, refName, text } from '#platform/objects/fields.ts';
import { defineFields } from '#platform/objects/object-fields.ts';

/** draft -> in_approval -> approved -> sent -> accepted | rejected | expired; a draft without an applicable approval process goes straight to approved. */
export const QUOTE_STATUSES = ['draft', 'in_approval', 'approved', 'sent', 'accepted', 'rejected', 'expired'] as const;
export type QuoteStatus = (typeof QUOTE_STATUSES)[number];

/** A percentage 0-100, at most 2 decimals. */
export const ZPercent = decimalInput({ precision: 5, scale: 2 }).refine(
  (v) => !/^-?\d+(\.\d+)?$/.test(v) || (Number(v) >= 0 && Number(v) <= 100),
  'quotes.percent_range',
);
/** A quantity above 0, at most 4 decimals. */
export const ZQuantity = decimalInput({ precision: 18, scale: 4 }).refine((v) => !/^-?\d+(\.\d+)?$/.test(v) || Number(v) > 0, 'quotes.quantity_positive');

/**
 * A line as a request sends it: a product (its price comes from the quote's price book, else its
 * list price) or free text with a price. Amounts a client adds (`total`, `netAmount`...) are dropped:
 * the server computes them.
 */
export const ZQuoteLineInput = z.object({
  productId: z.uuid().nullable().optional(),
  description: z.string().trim().max(500).nullable().optional(),
  quantity: ZQuantity,
  /** Free text lines only; a product line takes the price book's price. */
  unitPrice: decimalInput({ min: 0 }).nullable().optional(),
  discountPercent: ZPercent.nullable().optional(),
  /** Defaults to the product's tax rate (0 for free text). */
  taxRate: ZPercent.nullable().optional(),
});
export type TQuoteLineInput = z.infer<typeof ZQuoteLineInput>;

/** A line as stored and served, with its amounts computed by the server in decimal. */
export const ZQuoteLine = z.object({
  productId: z.string().nullable(),
  sku: z.string().nullable(),
  name: z.string(),
  /** The product's English name (the web and the PDF show it in English); absent on free text lines. */
  nameEn: z.string().nullable().optional(),
  description: z.string().nullable(),
  unit: z.string().nullable(),
  quantity: z.string(),
  unitPrice: z.string(),
  discountPercent: z.string(),
  taxRate: z.string(),
  /** quantity x unit price, 2 places. */
  gross: z.string(),
  lineDiscount: z.string(),
  /** gross - line discount. */
  net: z.string(),
  /** This line's part of the header discount. */
  headerDiscount: z.string(),
  taxable: z.string(),
  tax: z.string(),
  total: z.string(),
});
export type TQuoteLine = z.infer<typeof ZQuoteLine>;

const money = () => decimal({ required: true, readOnly: true });

/** A quote's fields, declared once: catalog, mapping, request and response schemas derive from them. */
export const QUOTE_FIELDS = defineFields({
  id: id(),
  number: text({ max: 60, required: true, readOnly: true }),
  revision: integer({ required: true, readOnly: true }),
  /** Shared by every version of one quote. */
  familyId: ref({ required: true, readOnly: true }),
  previousId: ref({ readOnly: true }),
  latest: boolean({ readOnly: true }),
  name: text({ max: 200, required: true }),
  dealId: ref({ to: 'deals', named: true, verify: false }),
  deal: refName('deal_id'),
  companyId: ref({ to: 'companies', named: true, verify: false }),
  company: refName('company_id'),
  contactId: ref({ to: 'contacts', named: true, verify: false }),
  contact: refName('contact_id'),
  priceBookId: ref({ to: 'price_books', named: true, verify: false }),
  priceBook: refName('price_book_id'),
  status: enumOf(QUOTE_STATUSES, { required: true, readOnly: true }),
  currency: text({ max: 3, required: true, input: ZCurrency }),
  baseCurrency: text({ max: 3, required: true, readOnly: true }),
  exchangeRate: decimal({ readOnly: true, filter: false }),
  validUntil: date(),
  headerDiscount: decimal({ required: true, precision: 5, scale: 2, min: 0, input: ZPercent }),
  lines: json({ input: z.array(ZQuoteLineInput).max(200), output: z.array(ZQuoteLine) }),
  grossTotal: money(),
  subtotal: money(),
  /** Line discounts and the header discount together. */
  discountAmount: money(),
  /** discountAmount as a percentage of grossTotal: what approval processes test (`{"discount":{"gt":20}}`). */
  discount: money(),
  taxTotal: money(),
  total: money(),
  totalBase: decimal({ readOnly: true }),
  terms: text({ max: 5000, filter: false }),
  sentAt: datetime(),
  decidedAt: datetime(),
  ...recordFields(),
});
