import fc from 'fast-check';
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { ageingBucket, allocateInOrder, instalmentStatus, invoiceTotals, openAmount, planAmounts, validTaxId } from './contract-money.rules.ts';

describe('contract money rules', () => {
  it('ageing buckets on a fixed day', () => {
    const asOf = '2026-12-07';
    expect(ageingBucket('2026-12-07', asOf)).toBe('notDue');
    expect(ageingBucket('2026-12-31', asOf)).toBe('notDue');
    expect(ageingBucket('2026-12-06', asOf)).toBe('days1to30');
    expect(ageingBucket('2026-11-07', asOf)).toBe('days1to30');
    expect(ageingBucket('2026-11-06', asOf)).toBe('days31to60');
    expect(ageingBucket('2026-10-08', asOf)).toBe('days31to60');
    expect(ageingBucket('2026-10-07', asOf)).toBe('days61to90');
    expect(ageingBucket('2026-09-08', asOf)).toBe('days61to90');
    expect(ageingBucket('2026-09-07', asOf)).toBe('days90plus');
  });
  it('instalment status from payments and the due day', () => {
    expect(instalmentStatus({ amount: '100.00', paid: '100', dueOn: '2026-01-01', today: '2026-12-07' })).toBe('paid');
    expect(instalmentStatus({ amount: '100.00', paid: '99.99', dueOn: '2026-01-01', today: '2026-12-07' })).toBe('overdue');
    expect(instalmentStatus({ amount: '100.00', paid: '0.01', dueOn: '2026-12-07', today: '2026-12-07' })).toBe('partly_paid');
    expect(instalmentStatus({ amount: '100.00', paid: '0', dueOn: '2026-12-08', today: '2026-12-07' })).toBe('pending');
  });
  it('open amounts are exact in decimal for any payments (never floats)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 10_000_000 }), { minLength: 1, maxLength: 20 }), (cents) => {
        const amount = new Decimal(cents.reduce((s, c) => s + c, 0)).dividedBy(100);
        let paid = new Decimal(0);
        for (const c of cents) paid = paid.plus(new Decimal(c).dividedBy(100));
        expect(openAmount({ amount, paid })).toBe('0.00');
        expect(openAmount({ amount, paid: paid.minus('0.01') })).toBe('0.01');
      }),
    );
    expect(openAmount({ amount: '0.3', paid: new Decimal('0.1').plus('0.2') })).toBe('0.00');
  });
  it('a plan by percentage: amounts in decimal, the last percentage takes the rounding remainder', () => {
    const plan = planAmounts({
      total: '10000.10',
      lines: [
        { dueOn: '2027-01-01', percent: '30' },
        { dueOn: '2027-02-01', percent: '40' },
        { dueOn: '2027-03-01', percent: '30' },
      ],
    });
    expect(plan).toEqual({
      ok: true,
      lines: [
        { dueOn: '2027-01-01', amount: '3000.03', percent: '30' },
        { dueOn: '2027-02-01', amount: '4000.04', percent: '40' },
        { dueOn: '2027-03-01', amount: '3000.03', percent: '30' },
      ],
    });
    const thirds = planAmounts({ total: '100', lines: ['33.3333', '33.3333', '33.3334'].map((percent) => ({ dueOn: '2027-01-01', percent })) });
    expect(thirds.ok && thirds.lines.map((l) => l.amount)).toEqual(['33.33', '33.33', '33.34']);
    const mixed = planAmounts({
      total: '1000',
      lines: [
        { dueOn: '2027-01-01', amount: '100.01' },
        { dueOn: '2027-02-01', percent: '89.999' },
      ],
    });
    expect(mixed.ok && mixed.lines.map((l) => l.amount)).toEqual(['100.01', '899.99']);
    expect(
      planAmounts({
        total: '1000',
        lines: [
          { dueOn: '2027-01-01', percent: '30' },
          { dueOn: '2027-02-01', percent: '60' },
        ],
      }),
    ).toEqual({ ok: false, planned: '900.00' });
    expect(
      planAmounts({
        total: '1000',
        lines: [
          { dueOn: '2027-01-01', amount: '600' },
          { dueOn: '2027-02-01', amount: '500' },
        ],
      }),
    ).toEqual({ ok: false, planned: '1100.00' });
  });
  it('percentages that add up to 100 always plan exactly the total', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000_000 }), fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 1, maxLength: 12 }), (cents, weights) => {
        const total = new Decimal(cents).dividedBy(100);
        const sum = weights.reduce((s, w) => s + w, 0);
        const percents = weights.map((w) => new Decimal(w).times(100).dividedBy(sum).toDecimalPlaces(4, Decimal.ROUND_DOWN));
        const last = new Decimal(100).minus(percents.slice(0, -1).reduce((s, p) => s.plus(p), new Decimal(0)));
        percents[percents.length - 1] = last;
        const plan = planAmounts({ total, lines: percents.map((p) => ({ dueOn: '2027-01-01', percent: p.toFixed() })) });
        if (!plan.ok) return; // a line rounding to 0.00 of a tiny total is refused, not mis-planned
        expect(plan.lines.reduce((s, l) => s.plus(l.amount), new Decimal(0)).toFixed(2)).toBe(total.toFixed(2));
      }),
    );
  });
  it('a payment is matched oldest due first; what is left over is the rest', () => {
    const open = [
      { id: 'a', open: '100.00' },
      { id: 'b', open: '0' },
      { id: 'c', open: '50.50' },
    ];
    expect(allocateInOrder({ amount: '120', open })).toEqual({
      allocations: [
        { instalmentId: 'a', amount: '100.00' },
        { instalmentId: 'c', amount: '20.00' },
      ],
      rest: '0.00',
    });
    expect(allocateInOrder({ amount: '200.01', open }).rest).toBe('49.51');
  });
  it('invoice tax rounds half up to the fen', () => {
    expect(invoiceTotals({ amount: '100.05', taxRate: '13' })).toEqual({ taxAmount: '13.01', total: '113.06' });
    expect(invoiceTotals({ amount: '1000', taxRate: '6' })).toEqual({ taxAmount: '60.00', total: '1060.00' });
  });
  it('tax ids: the unified social credit code checksum', () => {
    expect(validTaxId('91350100M000100Y43')).toBe(true);
    expect(validTaxId('91350100M000100Y44')).toBe(false);
    expect(validTaxId('9135010')).toBe(false);
    expect(validTaxId('110108123456789')).toBe(true);
  });
});
