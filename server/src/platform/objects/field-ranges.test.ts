import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { decimal, decimalInput, INT4, integer } from './fields.ts';

const parse = (schema: z.ZodType, value: unknown) => {
  const r = schema.safeParse(value);
  return r.success ? { ok: r.data } : { issue: r.error.issues[0] };
};

describe('numbers are refused by validation when their column could not hold them', () => {
  it('a decimal takes a number or a decimal string as written, within numeric(20, 2)', () => {
    const money = decimalInput({ min: 0 });
    expect(parse(money, 12.5)).toEqual({ ok: '12.5' });
    expect(parse(money, '0.10')).toEqual({ ok: '0.10' });
    expect(parse(money, ' 999999999999999999.99 ')).toEqual({ ok: '999999999999999999.99' });
    for (const bad of [1e30, '1e30', 1e21, '1000000000000000000', '1.234', 1.005, 'abc', '', '-1', -0.5, '1,000']) {
      expect(parse(money, bad), String(bad)).toMatchObject({
        issue: { code: 'custom', message: 'fields.invalid_decimal_nonnegative', params: { digits: 18, scale: 2 } },
      });
    }
    // Not JSON, but never through either.
    for (const bad of [Number.POSITIVE_INFINITY, Number.NaN, true]) expect(parse(money, bad)).toHaveProperty('issue');
  });

  it('signed and other scales follow the declared column', () => {
    const rate = decimalInput({ precision: 24, scale: 10 });
    expect(parse(rate, '-12.0000000001')).toEqual({ ok: '-12.0000000001' });
    expect(parse(rate, '1.00000000001')).toMatchObject({ issue: { message: 'fields.invalid_decimal', params: { digits: 14, scale: 10 } } });
    expect(parse(decimalInput({ precision: 5, scale: 0 }), '12345')).toEqual({ ok: '12345' });
    expect(parse(decimalInput({ precision: 5, scale: 0 }), '1.5')).toMatchObject({ issue: { message: 'fields.invalid_decimal' } });
  });

  it('decimal() validates with the column range unless the field brings its own input', () => {
    const field = decimal({ min: 0 });
    expect(parse(field.input as z.ZodType, 1e30)).toMatchObject({ issue: { message: 'fields.invalid_decimal_nonnegative' } });
    expect(parse(field.input as z.ZodType, null)).toEqual({ ok: null });
    const own = decimal({ input: z.string().regex(/^\d$/) });
    expect(parse(own.input as z.ZodType, '7')).toEqual({ ok: '7' });
  });

  it('an integer stays within PostgreSQL integer even when the field names no bounds', () => {
    const any = integer().input as z.ZodType;
    expect(parse(any, INT4.max)).toEqual({ ok: INT4.max });
    expect(parse(any, INT4.min)).toEqual({ ok: INT4.min });
    expect(parse(any, INT4.max + 1)).toMatchObject({ issue: { code: 'too_big' } });
    expect(parse(any, 1e30)).toMatchObject({ issue: {} });
    expect(parse(integer({ min: 0, max: 100 }).input as z.ZodType, 101)).toMatchObject({ issue: { code: 'too_big' } });
    expect(parse(integer({ max: 1e12 }).input as z.ZodType, 3e9)).toMatchObject({ issue: { code: 'too_big' } });
  });
});
