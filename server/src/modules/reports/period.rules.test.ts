import { describe, expect, it } from 'vitest';
import type { AppError } from '#platform/errors/app-error.ts';
import { monthsOf, quarterOf, resolvePeriod, todayIn } from './period.rules.ts';

describe('report periods', () => {
  it('defaults to the calendar quarter of today', () => {
    expect(quarterOf('2026-11-23')).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    expect(quarterOf('2026-02-10')).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(resolvePeriod({ from: '2026-05-01' }, '2026-08-02')).toEqual({ from: '2026-05-01', to: '2026-09-30' });
  });

  it('reads today in the tenant’s zone', () => {
    const now = new Date('2026-12-31T17:30:00Z');
    expect(todayIn('Asia/Shanghai', now)).toBe('2027-01-01');
    expect(todayIn('America/New_York', now)).toBe('2026-12-31');
  });

  it('refuses a reversed or over-long period with the field named', () => {
    const fieldOf = (f: () => unknown) => {
      try {
        f();
      } catch (err) {
        return (err as AppError).errors.map((e) => e.message);
      }
      return [];
    };
    expect(fieldOf(() => resolvePeriod({ from: '2026-03-01', to: '2026-02-01' }, '2026-01-01'))).toEqual(['reports.period_reversed']);
    expect(fieldOf(() => resolvePeriod({ from: '2020-01-01', to: '2026-02-01' }, '2026-01-01'))).toEqual(['reports.period_too_long']);
  });

  it('lists the months a period touches, across a year end', () => {
    expect(monthsOf({ from: '2026-11-15', to: '2027-02-01' })).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
    expect(monthsOf({ from: '2026-11-01', to: '2026-11-30' })).toEqual(['2026-11']);
  });
});
