import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayParts, parsePattern, periodOf, renderNumber } from './number-pattern.ts';

const parsed = (text: string) => {
  const r = parsePattern(text);
  if (!('pattern' in r)) throw new Error(`refused ${text}: ${r.problem}`);
  return r.pattern;
};

describe('number patterns', () => {
  it('prints date tokens and a zero-padded counter that grows past its width', () => {
    const day = { yyyy: '2026', mm: '03', dd: '07' };
    expect(renderNumber(parsed('SO-{yyyy}-{0000}'), 7, day)).toBe('SO-2026-0007');
    expect(renderNumber(parsed('合同{yy}{mm}{dd}-{000}'), 12, day)).toBe('合同260307-012');
    expect(renderNumber(parsed('T{00}'), 123, day)).toBe('T123');
  });

  it('counts per the date the pattern shows', () => {
    const day = { yyyy: '2026', mm: '03', dd: '07' };
    expect(periodOf(parsed('SO-{yyyy}-{0000}'), day)).toBe('2026');
    expect(periodOf(parsed('{yyyy}{mm}-{0000}'), day)).toBe('2026-03');
    expect(periodOf(parsed('TK-{000000}'), day)).toBe('');
  });

  it('refuses patterns without one counter, with unknown tokens, odd characters or too long', () => {
    expect(parsePattern('SO-{yyyy}')).toEqual({ problem: 'counter_missing' });
    expect(parsePattern('{000}-{000}')).toEqual({ problem: 'counter_twice' });
    expect(parsePattern('SO-{year}-{000}')).toEqual({ problem: 'unknown_token' });
    expect(parsePattern('SO-{0000000000000}')).toEqual({ problem: 'unknown_token' });
    expect(parsePattern('SO<{0000}>')).toEqual({ problem: 'bad_character' });
    expect(parsePattern('SO-{0000')).toEqual({ problem: 'counter_missing' });
    expect(parsePattern('SO}-{0000}')).toEqual({ problem: 'bad_character' });
    expect(parsePattern(' SO-{0000}')).toEqual({ problem: 'bad_character' });
    expect(parsePattern(`${'X'.repeat(40)}{0}`)).toEqual({ problem: 'too_long' });
  });

  it("reads the day in the tenant's time zone", () => {
    const newYear = new Date('2026-12-31T17:30:00Z'); // 01:30 on 1 January in Shanghai
    expect(dayParts(newYear, 'Asia/Shanghai')).toEqual({ yyyy: '2027', mm: '01', dd: '01' });
    expect(dayParts(newYear, 'Europe/Berlin')).toEqual({ yyyy: '2026', mm: '12', dd: '31' });
  });

  it('gives distinct numbers to distinct counter values in one period (any width, any value)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 1e9 }), fc.integer({ min: 1, max: 1e9 }), (width, a, b) => {
        const p = parsed(`X-{yyyy}-{${'0'.repeat(width)}}`);
        const day = { yyyy: '2026', mm: '01', dd: '01' };
        expect(renderNumber(p, a, day) === renderNumber(p, b, day)).toBe(a === b);
      }),
    );
  });
});
