import { Decimal as BaseDecimal } from 'decimal.js';

// 60 significant digits: quantity (18.4) x price (18.2) and every sum stay exact (the default 20 would round).
const Decimal = BaseDecimal.clone({ precision: 60 });
type Decimal = InstanceType<typeof Decimal>;

/** What the arithmetic needs of a line: decimal strings. */
export type PricedLine = { quantity: string; unitPrice: string; discountPercent: string; taxRate: string };

export type LineAmounts = {
  gross: string;
  lineDiscount: string;
  net: string;
  headerDiscount: string;
  taxable: string;
  tax: string;
  total: string;
};

export type QuoteTotals = {
  lines: LineAmounts[];
  grossTotal: string;
  subtotal: string;
  discountAmount: string;
  /** discountAmount / grossTotal as a percentage, 2 places (0 when there is nothing to discount). */
  discount: string;
  taxTotal: string;
  total: string;
};

const cents = (d: Decimal) => d.toDecimalPlaces(2, BaseDecimal.ROUND_HALF_UP);
const s = (d: Decimal) => d.toFixed(2);

/**
 * Splits `amount` (2 places) over lines in proportion to `weights`, cent by cent (largest
 * remainder), so the shares add up to it exactly; no share is above its weight when amount <= sum.
 */
export function allocate(amount: Decimal, weights: Decimal[]): Decimal[] {
  const sum = weights.reduce((a, w) => a.plus(w), new Decimal(0));
  if (sum.isZero() || amount.isZero()) return weights.map(() => new Decimal(0));
  const totalCents = amount.times(100);
  const exact = weights.map((w) => totalCents.times(w).dividedBy(sum));
  const floors = exact.map((e) => e.floor());
  let left = totalCents.minus(floors.reduce((a, f) => a.plus(f), new Decimal(0))).toNumber();
  const order = exact.map((e, i) => ({ i, rest: e.minus(floors[i] as Decimal) })).sort((a, b) => b.rest.comparedTo(a.rest) || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    floors[i] = (floors[i] as Decimal).plus(1);
    left--;
  }
  return floors.map((f) => f.dividedBy(100));
}

/**
 * A quote's amounts, in decimal (never floats): each line's gross is quantity x unit price
 * rounded to cents (half up), less its discount %; the header discount % of the subtotal is
 * shared over the lines by their net amounts, cent-exact; tax is per line on what remains.
 * Prices are before tax. The total is the sum of the lines' totals, exactly.
 */
export function quoteTotals(lines: readonly PricedLine[], headerDiscountPercent: string): QuoteTotals {
  const gross = lines.map((l) => cents(new Decimal(l.quantity).times(l.unitPrice)));
  const lineDiscount = lines.map((l, i) => cents((gross[i] as Decimal).times(l.discountPercent).dividedBy(100)));
  const net = gross.map((g, i) => g.minus(lineDiscount[i] as Decimal));
  const subtotal = net.reduce((a, n) => a.plus(n), new Decimal(0));
  const headerAmount = cents(subtotal.times(headerDiscountPercent).dividedBy(100));
  const shares = allocate(headerAmount, net);
  const taxable = net.map((n, i) => n.minus(shares[i] as Decimal));
  const tax = lines.map((l, i) => cents((taxable[i] as Decimal).times(l.taxRate).dividedBy(100)));
  const totals = taxable.map((t, i) => t.plus(tax[i] as Decimal));
  const sum = (list: Decimal[]) => list.reduce((a, v) => a.plus(v), new Decimal(0));
  const grossTotal = sum(gross);
  const discountAmount = sum(lineDiscount).plus(headerAmount);
  return {
    lines: lines.map((_, i) => ({
      gross: s(gross[i] as Decimal),
      lineDiscount: s(lineDiscount[i] as Decimal),
      net: s(net[i] as Decimal),
      headerDiscount: s(shares[i] as Decimal),
      taxable: s(taxable[i] as Decimal),
      tax: s(tax[i] as Decimal),
      total: s(totals[i] as Decimal),
    })),
    grossTotal: s(grossTotal),
    subtotal: s(subtotal),
    discountAmount: s(discountAmount),
    discount: grossTotal.isZero() ? '0.00' : s(cents(discountAmount.dividedBy(grossTotal).times(100))),
    taxTotal: s(sum(tax)),
    total: s(sum(totals)),
  };
}

/** amount x rate in the base currency, 2 places, half up. */
export const toBase = (amount: string, rate: string): string => s(cents(new Decimal(amount).times(rate)));

/** Whether an amount fits numeric(20, 2). */
export const fitsMoney = (amount: string): boolean => new Decimal(amount).abs().lt('1e18');
