import { z } from 'zod';
import { ZCurrency } from '#modules/products/index.ts';
import { ZQuoteLine, ZQuoteLineInput } from '#modules/quotes/index.ts';
import { date, datetime, decimal, decimalInput, enumOf, id, json, recordFields, ref, refName, text } from '#platform/objects/fields.ts';
import { defineFields } from '#platform/objects/object-fields.ts';

/** confirmed -> shipped -> delivered -> completed; a confirmed order may be cancelled (with a reason). */
export const ORDER_STATUSES = ['confirmed', 'shipped', 'delivered', 'completed', 'cancelled'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** A percentage 0-100, at most 2 decimals. */
const ZPercent = decimalInput({ precision: 5, scale: 2 }).refine(
  (v) => !/^-?\d+(\.\d+)?$/.test(v) || (Number(v) >= 0 && Number(v) <= 100),
  'quotes.percent_range',
);

const money = () => decimal({ required: true, readOnly: true });

/** An order's fields, declared once: catalog, mapping, request and response schemas derive from them. */
export const ORDER_FIELDS = defineFields({
  id: id(),
  number: text({ max: 60, required: true, readOnly: true }),
  name: text({ max: 200, required: true }),
  /** The accepted quote it came from: its customer, currency and lines are copied (set on create only). */
  quoteId: ref({ to: 'quotes', named: true, verify: false }),
  quote: refName('quote_id'),
  dealId: ref({ to: 'deals', named: true, verify: false }),
  deal: refName('deal_id'),
  companyId: ref({ to: 'companies', named: true, verify: false }),
  company: refName('company_id'),
  contactId: ref({ to: 'contacts', named: true, verify: false }),
  contact: refName('contact_id'),
  status: enumOf(ORDER_STATUSES, { required: true, readOnly: true }),
  currency: text({ max: 3, required: true, input: ZCurrency }),
  baseCurrency: text({ max: 3, required: true, readOnly: true }),
  exchangeRate: decimal({ readOnly: true, filter: false }),
  orderedOn: date(),
  headerDiscount: decimal({ required: true, precision: 5, scale: 2, min: 0, input: ZPercent }),
  lines: json({ input: z.array(ZQuoteLineInput).min(1).max(200), output: z.array(ZQuoteLine) }),
  grossTotal: money(),
  subtotal: money(),
  discountAmount: money(),
  taxTotal: money(),
  total: money(),
  totalBase: decimal({ readOnly: true }),
  shippingAddress: text({ max: 500 }),
  notes: text({ max: 5000, filter: false }),
  shippedAt: datetime(),
  deliveredAt: datetime(),
  completedAt: datetime(),
  cancelledAt: datetime(),
  cancelReason: text({ max: 1000, readOnly: true }),
  ...recordFields(),
});
