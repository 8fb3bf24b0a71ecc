import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate, quoteTotals } from './quote-money.rules.ts';
import { Decimal } from 'decimal.js';

/** Decimal strings as integers of their smallest unit: an oracle that shares no code with the rules. */
const units = (v: string, places: number): bigint => {
  const [whole = '0', frac = ''] = v.split('.');
  return BigInt(whole + frac.padEnd(places, '0').slice(0, places));
};
/** Half-up division of non-negative bigints. */
const divRound = (n: bigint, d: bigint): bigint => (n * 2n + d) / (2n * d);

const decimalString = (maxWhole: number, places: number, min = 0n) =>
  fc.bigInt({ min, max: 10n ** BigInt(maxWhole + places) - 1n }).map((n) => {
    const text = n.toString().padStart(places + 1, '0');
    return places ? `${text.slice(0, -places)}.${text.slice(-places)}` : text;
  });
const percent = fc.integer({ min: 0, max: 10000 }).map((n) => (n / 100).toFixed(2));
const line = fc.record({
  quantity: decimalString(6, 4, 1n),
  unitPrice: decimalString(12, 2),
  discountPercent: percent,
  taxRate: percent,
});

describe('quote totals (decimal)', () => {
  it('are exact for any lines: per-line amounts match a bigint oracle and every total is the sum of its parts', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 12 }), percent, (lines, header) => {
        const t = quoteTotals(lines, header);
        let gross = 0n;
        let net = 0n;
        let tax = 0n;
        let total = 0n;
        let lineDiscounts = 0n;
        let shares = 0n;
        lines.forEach((l, i) => {
          const a = t.lines[i];
          if (!a) throw new Error('missing line');
          // quantity (4 places) x price (2 places) = 6 places, rounded half up to cents.
          const g = divRound(units(l.quantity, 4) * units(l.unitPrice, 2), 10_000n);
          expect(units(a.gross, 2)).toBe(g);
          const d = divRound(g * units(l.discountPercent, 2), 10_000n);
          expect(units(a.lineDiscount, 2)).toBe(d);
          expect(units(a.net, 2)).toBe(g - d);
          const share = units(a.headerDiscount, 2);
          expect(share >= 0n && share <= g - d).toBe(true);
          expect(units(a.taxable, 2)).toBe(g - d - share);
          expect(units(a.tax, 2)).toBe(divRound((g - d - share) * units(l.taxRate, 2), 10_000n));
          expect(units(a.total, 2)).toBe(units(a.taxable, 2) + units(a.tax, 2));
          gross += g;
          net += g - d;
          lineDiscounts += d;
          shares += share;
          tax += units(a.tax, 2);
          total += units(a.total, 2);
        });
        const headerAmount = divRound(net * units(header, 2), 10_000n);
        expect(shares).toBe(headerAmount);
        expect(units(t.grossTotal, 2)).toBe(gross);
        expect(units(t.subtotal, 2)).toBe(net);
        expect(units(t.discountAmount, 2)).toBe(lineDiscounts + headerAmount);
        expect(units(t.taxTotal, 2)).toBe(tax);
        expect(units(t.total, 2)).toBe(total);
        expect(units(t.total, 2)).toBe(net - headerAmount + tax);
        const pct = Number(t.discount);
        expect(pct >= 0 && pct <= 100).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('allocates an amount cent-exact in proportion, never more than a weight', () => {
    fc.assert(
      fc.property(fc.array(decimalString(8, 2), { minLength: 1, maxLength: 20 }), percent, (weights, pct) => {
        const w = weights.map((x) => new Decimal(x));
        const sum = w.reduce((a, x) => a.plus(x), new Decimal(0));
        const amount = sum.times(pct).dividedBy(100).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
        const shares = allocate(amount, w);
        expect(shares.reduce((a, x) => a.plus(x), new Decimal(0)).toFixed(2)).toBe(sum.isZero() ? '0.00' : amount.toFixed(2));
        for (const [i, s] of shares.entries()) expect(s.lte(w[i] as Decimal) && s.gte(0)).toBe(true);
      }),
    );
  });

  it('works a known quote by hand', () => {
    const t = quoteTotals(
      [
        { quantity: '3', unitPrice: '19.99', discountPercent: '10', taxRate: '13' },
        { quantity: '1.5', unitPrice: '200', discountPercent: '0', taxRate: '6' },
      ],
      '5',
    );
    // 59.97 - 6.00 = 53.97; 300.00; subtotal 353.97; header 5 % = 17.70 shared 2.70 / 15.00;
    // tax 13 % of 51.27 = 6.67 and 6 % of 285.00 = 17.10.
    expect(t).toMatchObject({ grossTotal: '359.97', subtotal: '353.97', discountAmount: '23.70', taxTotal: '23.77', total: '360.04', discount: '6.58' });
    expect(t.lines.map((l) => l.headerDiscount)).toEqual(['2.70', '15.00']);
  });
});
