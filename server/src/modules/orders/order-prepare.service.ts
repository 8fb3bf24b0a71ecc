import { priceLines, quoteDefinition, type TQuoteLineInput } from '#modules/quotes/index.ts';
import { mayTouch, scopeOf } from '#platform/access/access.ts';
import type { RequestContext } from '#platform/context.ts';
import { AppError, type FieldError } from '#platform/errors/app-error.ts';
import type { PrepareOptions } from '#platform/records/object-definition.ts';
import { loadVisible } from '#platform/records/record-service.ts';
import { findRecord } from '#platform/records/records.repo.ts';
import type { Tx } from '#db/tx.ts';
import type { OrderStatus } from './order-fields.definition.ts';
import { ordersErrors } from './orders.errors.ts';
import { baseCurrencyOf, liveOrderOfQuote } from './orders.repo.ts';

/** What the module's own actions write besides a request's fields (status changes); never part of a request body. */
export type Transition = {
  status: OrderStatus;
  shippedAt?: Date;
  deliveredAt?: Date;
  completedAt?: Date;
  cancelledAt?: Date;
  cancelReason?: string;
};
export const TRANSITION = '_transition';

/** Fields fixed once an order exists: what was ordered, from whom, at what price. */
const FIXED = ['quoteId', 'lines', 'currency', 'headerDiscount', 'dealId', 'companyId', 'contactId'];

/** Columns an order copies from its quote. */
const FROM_QUOTE = [
  'deal_id',
  'company_id',
  'contact_id',
  'currency',
  'header_discount',
  'gross_total',
  'subtotal',
  'discount_amount',
  'tax_total',
  'total',
  'base_currency',
  'exchange_rate',
  'total_base',
] as const;

/** An accepted quote the user may read, with no live order yet: its customer, currency, lines and totals. */
async function copyQuote(o: PrepareOptions, quoteId: string, errors: FieldError[]): Promise<void> {
  let quote: Record<string, unknown>;
  try {
    quote = await loadVisible({ tx: o.tx, ctx: o.ctx, def: quoteDefinition, id: quoteId, action: 'read' });
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    errors.push({ field: 'quoteId', message: 'fields.invalid_reference', params: { object: 'quote' } });
    return;
  }
  if (quote.status !== 'accepted') throw ordersErrors.quoteNotAccepted();
  if (await liveOrderOfQuote(o.tx, quoteId)) throw ordersErrors.quoteOrdered();
  for (const column of FROM_QUOTE) o.columns[column] = quote[column];
  o.columns.lines = JSON.stringify(quote.lines);
  if (!o.columns.name) o.columns.name = quote.name;
}

const LINKS = [
  ['dealId', 'deal_id', 'deals', 'deal'],
  ['companyId', 'company_id', 'companies', 'company'],
  ['contactId', 'contact_id', 'contacts', 'contact'],
] as const;

async function visible(tx: Tx, ctx: RequestContext, table: 'deals' | 'companies' | 'contacts', object: string, id: string) {
  const row = await findRecord(tx, table, id);
  const scope = scopeOf(ctx.access, object, 'read');
  return row && !row.deleted_at && scope !== 'none' && mayTouch(ctx.access, scope, row.owner_id) ? row : undefined;
}

/** An order entered directly: a visible customer (a deal brings its company and contact), lines priced as a quote's. */
async function directOrder(o: PrepareOptions, errors: FieldError[]): Promise<void> {
  const { tx, ctx, input, columns } = o;
  for (const [field, column, table, object] of LINKS) {
    const id = columns[column];
    if (typeof id !== 'string') continue;
    const link = await visible(tx, ctx, table, object, id);
    if (!link) errors.push({ field, message: 'fields.invalid_reference', params: { object } });
    else if (table === 'deals') {
      if (!columns.company_id && link.company_id) columns.company_id = link.company_id;
      if (!columns.contact_id && link.contact_id) columns.contact_id = link.contact_id;
      if (!columns.currency && link.currency) columns.currency = link.currency;
      if (!columns.name) columns.name = String(link.name).slice(0, 200);
    } else if (table === 'contacts' && !columns.company_id && link.company_id) columns.company_id = link.company_id;
  }
  if (!columns.deal_id && !columns.company_id && !columns.contact_id) errors.push({ field: 'companyId', message: 'orders.customer_required' });
  if (!columns.name) errors.push({ field: 'name', message: 'orders.name_required' });
  const lines = input.lines as TQuoteLineInput[] | undefined;
  if (!lines?.length) errors.push({ field: 'lines', message: 'orders.no_lines' });
  if (errors.length) return;
  columns.currency ??= await baseCurrencyOf(tx);
  const priced = await priceLines({
    tx,
    inputs: lines as TQuoteLineInput[],
    priceBookId: null,
    currency: columns.currency as string,
    headerDiscount: String(columns.header_discount ?? '0'),
    errors,
  });
  if (!priced) return;
  delete priced.discount;
  Object.assign(columns, priced);
}

/**
 * The database half of order validation: a new order copies an accepted quote or prices its own
 * lines (the record service numbers it once valid: the object declares `numbering`); afterwards
 * what was ordered is fixed (409).
 */
export async function prepareOrder(o: PrepareOptions): Promise<void> {
  const { input, columns, existing, errors } = o;
  if (existing) {
    if (FIXED.some((k) => k in input && input[k] !== undefined)) throw ordersErrors.linesLocked();
    return;
  }
  if (typeof columns.quote_id === 'string') await copyQuote(o, columns.quote_id, errors);
  else await directOrder(o, errors);
}
