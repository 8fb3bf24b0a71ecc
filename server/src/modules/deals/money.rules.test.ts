import { describe, expect, it } from 'vitest';
import { fitsMoneyColumn, sum, toBase, weighted } from './money.rules.ts';

describe('deal money', () => {
  it('converts exactly, rounding half away from zero', () => {
    expect(toBase('0.10', '7.2')).toBe('0.72');
    expect(toBase('1000.05', '0.1385')).toBe('138.51');
    expect(toBase('99999999999999.99', '1')).toBe('99999999999999.99');
  });
  it('knows when a converted amount no longer fits numeric(20, 2)', () => {
    expect(fitsMoneyColumn('999999999999999999.99')).toBe(true);
    expect(fitsMoneyColumn(toBase('999999999999999999.99', '7.2'))).toBe(false);
    expect(fitsMoneyColumn('-999999999999999999.99')).toBe(true);
    expect(fitsMoneyColumn('1000000000000000000.00')).toBe(false);
  });
  it('sums without float drift', () => {
    expect(sum(['0.10', '0.20', null])).toBe('0.30');
    expect(sum([])).toBe('0.00');
  });
  it('weights by probability', () => {
    expect(weighted('333.33', 50)).toBe('166.67');
    expect(weighted('100', 0)).toBe('0.00');
  });
});
