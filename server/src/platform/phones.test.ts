import { describe, expect, it } from 'vitest';
import { cleanPhoneInput, digitsOf, toE164 } from './phones.ts';

describe('toE164', () => {
  it('normalizes Chinese mobiles and landlines and international numbers', () => {
    expect(toE164('138 1234 5678')).toBe('+8613812345678');
    expect(toE164('010-6552 9988')).toBe('+861065529988');
    expect(toE164('+1 415-555-0132')).toBe('+14155550132');
  });
  it('refuses what is not a phone number', () => {
    expect(toE164('12345')).toBeNull();
    expect(toE164('call me')).toBeNull();
  });
  it('keeps only digits for search', () => expect(digitsOf('+86 138-1234-5678')).toBe('8613812345678'));
});

describe('cleanPhoneInput', () => {
  it('turns full-width digits, plus and spaces half-width and collapses runs', () => {
    expect(cleanPhoneInput('＋８６　１３８－００１３　８０００ ')).toBe('+86 138-0013 8000');
    expect(cleanPhoneInput('138  0013\t8000')).toBe('138 0013 8000');
  });
});
