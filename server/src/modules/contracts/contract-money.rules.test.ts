import fc from 'fast-check';
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { ageingBucket, instalmentStatus, invoiceTotals, openAmount, validTaxId } from './contract-money.rules.ts';

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
