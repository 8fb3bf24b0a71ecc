import { Decimal } from 'decimal.js';
import { rateOn } from '#modules/deals/index.ts';
import { findPriceBook, type PricedProduct, pricedProducts } from '#modules/products/index.ts';
import { mayTouch, scopeOf } from '#platform/access/access.ts';
import type { RequestContext } from '#platform/context.ts';
import type { FieldError } from '#platform/errors/app-error.ts';
import { calendarDay } from '#platform/objects/fields.ts';
import type { PrepareOptions } from '#platform/records/object-definition.ts';
import type { Tx } from '#db/tx.ts';
import type { QuoteStatus, TQuoteLine, TQuoteLineInput } from './quote-fields.definition.ts';
import { fitsMoney, type PricedLine, quoteTotals, toBase } from './quote-money.rules.ts';
import { quotesErrors } from './quotes.errors.ts';
import { baseCurrencyOf, findLink, type LinkRow } from './quotes.repo.ts';

/**
 * What the quotes module's own actions write besides a request's fields (status changes, a
 * revision's numbering); never part of a request body (the zod schemas are strict).
 */
export type Transition = {
  status?: QuoteStatus;
  latest?: boolean;
  sentAt?: Date | null;
  decidedAt?: Date | null;
  number?: string;
  revision?: number;
  familyId?: string;
  previousId?: string | null;
};
export const TRANSITION = '_transition';

const today = () => new Date().toISOString().slice(0, 10);

const LINKS = [
  ['dealId', 'deal_id', 'deals', 'deal'],
  ['companyId', 'company_id', 'companies', 'company'],
  ['contactId', 'contact_id', 'contacts', 'contact'],
] as const;

async function visibleLink(tx: Tx, ctx: RequestContext, table: 'deals' | 'companies' | 'contacts', object: string, id: string) {
  const row = await findLink(tx, table, id);
  const scope = scopeOf(ctx.access, object, 'read');
  return row && scope !== 'none' && mayTouch(ctx.access, scope, row.owner_id) ? row : undefined;
}

/** Deal, company and contact: visible to the user; a deal brings its customer, currency and name to a new quote. */
async function applyLinks(o: PrepareOptions, errors: FieldError[]): Promise<LinkRow | undefined> {
  const { tx, ctx, input, columns, existing } = o;
  let deal: LinkRow | undefined;
  for (const [field, column, table, object] of LINKS) {
    const id = columns[column];
    if (typeof id !== 'string' || id === existing?.[column]) continue;
    const link = await visibleLink(tx, ctx, table, object, id);
    if (!link) {
      errors.push({ field, message: 'fields.invalid_reference', params: { object } });
      continue;
    }
    if (table === 'deals') deal = link;
    if (table === 'contacts' && !('companyId' in input) && link.company_id) columns.company_id = link.company_id;
  }
  if (deal && !existing) {
    if (!('companyId' in input) && deal.company_id) columns.company_id = deal.company_id;
    if (!('contactId' in input) && deal.contact_id) columns.contact_id = deal.contact_id;
    if (!('currency' in input) && deal.currency) columns.currency = deal.currency;
    if (!columns.name) columns.name = deal.name.slice(0, 200);
  }
  const merged = { ...existing, ...columns };
  if (!merged.deal_id && !merged.company_id && !merged.contact_id) errors.push({ field: 'companyId', message: 'quotes.customer_required' });
  if (!merged.name) errors.push({ field: 'name', message: 'quotes.name_required' });
  return deal;
}

/** Stored lines as the inputs they came from, for a recomputation (a new price book, a new header discount). */
const asInputs = (lines: TQuoteLine[]): TQuoteLineInput[] =>
  lines.map((l) => ({
    productId: l.productId,
    description: l.description,
    quantity: l.quantity,
    unitPrice: l.productId ? null : l.unitPrice,
    discountPercent: l.discountPercent,
    taxRate: l.taxRate,
  }));

type Book = { id: string; currency: string } | null;

/** Each line's price (the book's, else the product's list price in the quote's currency), name and tax rate. */
function priceLine(o: { line: TQuoteLineInput; i: number; product: PricedProduct | undefined; book: Book; currency: string; errors: FieldError[] }) {
  const { line, i, product, book, currency, errors } = o;
  const at = (field: string) => `lines.${i}.${field}`;
  const base = { quantity: line.quantity, discountPercent: line.discountPercent ?? '0' };
  if (line.productId) {
    if (!product) {
      errors.push({ field: at('productId'), message: 'fields.invalid_reference', params: { object: 'product' } });
      return null;
    }
    if (!product.active) errors.push({ field: at('productId'), message: 'quotes.product_inactive', params: { sku: product.sku } });
    let unitPrice: string | null = null;
    if (book) {
      unitPrice = product.book_price;
      if (unitPrice === null) errors.push({ field: at('productId'), message: 'quotes.not_in_price_book', params: { sku: product.sku } });
    } else if (product.currency === currency) unitPrice = product.list_price;
    else errors.push({ field: at('productId'), message: 'quotes.product_other_currency', params: { sku: product.sku, currency: product.currency } });
    if (unitPrice === null) return null;
    return {
      ...base,
      productId: product.id,
      sku: product.sku,
      name: product.name,
      nameEn: product.name_en,
      description: line.description || null,
      unit: product.unit,
      unitPrice,
      taxRate: line.taxRate ?? product.tax_rate,
    };
  }
  if (!line.description) errors.push({ field: at('description'), message: 'quotes.line_needs_description' });
  if (line.unitPrice == null) errors.push({ field: at('unitPrice'), message: 'quotes.line_needs_price' });
  if (!line.description || line.unitPrice == null) return null;
  return {
    ...base,
    productId: null,
    sku: null,
    name: line.description,
    nameEn: null,
    description: null,
    unit: null,
    unitPrice: line.unitPrice,
    taxRate: line.taxRate ?? '0',
  };
}

/** The price book: live, active, valid today and in the quote's currency. */
async function checkBook(tx: Tx, id: string | null, currency: string, errors: FieldError[]): Promise<Book> {
  if (!id) return null;
  const book = await findPriceBook(tx, id);
  if (!book) {
    errors.push({ field: 'priceBookId', message: 'fields.invalid_reference', params: { object: 'price_book' } });
    return null;
  }
  const day = today();
  const from = calendarDay(book.valid_from);
  const to = calendarDay(book.valid_to);
  if (!book.active || (from && from > day) || (to && to < day))
    errors.push({ field: 'priceBookId', message: 'quotes.price_book_not_valid', params: { name: book.name } });
  if (book.currency !== currency)
    errors.push({ field: 'priceBookId', message: 'quotes.price_book_currency', params: { name: book.name, book: book.currency, quote: currency } });
  return { id: book.id, currency: book.currency };
}

export type PriceLinesOptions = {
  tx: Tx;
  inputs: readonly TQuoteLineInput[];
  priceBookId: string | null;
  currency: string;
  headerDiscount: string;
  errors: FieldError[];
};

/**
 * Lines priced (the price book's price, else the product's list price in this currency; free text
 * at its own price), every amount computed in decimal, the base-currency total at today's rate:
 * the columns a quote or an order stores, or null with `errors` filled.
 */
export async function priceLines(o: PriceLinesOptions): Promise<Record<string, unknown> | null> {
  const { tx, inputs, currency, errors } = o;
  const book = await checkBook(tx, o.priceBookId, currency, errors);
  const ids = [...new Set(inputs.flatMap((l) => (l.productId ? [l.productId] : [])))];
  const products = new Map((await pricedProducts(tx, { ids, priceBookId: book?.id ?? null })).map((p) => [p.id, p]));
  const priced = inputs.map((line, i) => priceLine({ line, i, product: line.productId ? products.get(line.productId) : undefined, book, currency, errors }));
  if (errors.length) return null;
  // Stored as the database would print them: 2 places for money and percentages, quantities without trailing zeros.
  const lines = (priced as NonNullable<(typeof priced)[number]>[]).map((l) => ({
    ...l,
    quantity: new Decimal(l.quantity).toString(),
    unitPrice: new Decimal(l.unitPrice).toFixed(2),
    discountPercent: new Decimal(l.discountPercent).toFixed(2),
    taxRate: new Decimal(l.taxRate).toFixed(2),
  }));
  const totals = quoteTotals(lines as PricedLine[], o.headerDiscount);
  if (!fitsMoney(totals.grossTotal)) {
    errors.push({ field: 'lines', message: 'quotes.amount_too_large' });
    return null;
  }
  const baseCurrency = await baseCurrencyOf(tx);
  const rate = currency === baseCurrency ? '1' : await rateOn(tx, { currency, baseCurrency, asOf: today() });
  if (rate === null) {
    errors.push({ field: 'currency', message: 'quotes.no_exchange_rate', params: { currency, base: baseCurrency } });
    return null;
  }
  const totalBase = toBase(totals.total, rate);
  if (!fitsMoney(totalBase)) {
    errors.push({ field: 'lines', message: 'quotes.amount_too_large' });
    return null;
  }
  return {
    lines: JSON.stringify(lines.map((l, i) => ({ ...l, ...totals.lines[i] }))),
    gross_total: totals.grossTotal,
    subtotal: totals.subtotal,
    discount_amount: totals.discountAmount,
    discount: totals.discount,
    tax_total: totals.taxTotal,
    total: totals.total,
    base_currency: baseCurrency,
    exchange_rate: rate,
    total_base: totalBase,
  };
}

/** Lines priced, totals computed in decimal, the base-currency total at today's rate. */
async function applyLines(o: PrepareOptions, errors: FieldError[]): Promise<void> {
  const { tx, input, columns, existing } = o;
  const merged = { ...existing, ...columns };
  const inputs = (input.lines as TQuoteLineInput[] | undefined) ?? asInputs((existing?.lines as TQuoteLine[] | undefined) ?? []);
  const priced = await priceLines({
    tx,
    inputs,
    priceBookId: (merged.price_book_id as string | null) ?? null,
    currency: merged.currency as string,
    headerDiscount: String(merged.header_discount ?? '0'),
    errors,
  });
  if (priced) Object.assign(columns, priced);
}

/**
 * The database half of quote validation for create, PATCH and the module's own transitions: a
 * quote out of draft is locked (423, revise instead); links are checked and a deal's customer
 * comes along; lines are priced from the price book and every amount is computed here. The record
 * service numbers a new quote once valid (the object declares `numbering`); a revision brings its
 * family's number in its transition, which the platform keeps.
 */
export async function prepareQuote(o: PrepareOptions): Promise<void> {
  const { tx, input, columns, existing, errors } = o;
  const fields = Object.keys(input).filter((k) => k !== TRANSITION);
  if (existing && fields.length === 0) return;
  if (existing && existing.status !== 'draft') throw quotesErrors.locked(existing.status as QuoteStatus);
  await applyLinks(o, errors);
  if (!existing && columns.currency == null) {
    const book = columns.price_book_id ? await findPriceBook(tx, columns.price_book_id as string) : undefined;
    columns.currency = book?.currency ?? (await baseCurrencyOf(tx));
  }
  const merged = { ...existing, ...columns };
  const relevant = ['lines', 'headerDiscount', 'priceBookId', 'currency'].some((k) => k in input) || merged.currency !== existing?.currency;
  if (!existing || relevant) await applyLines(o, errors);
}
