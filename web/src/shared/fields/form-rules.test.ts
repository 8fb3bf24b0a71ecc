import type { Rule, RuleObject } from 'antd/es/form';
import type { TFunction } from 'i18next';
import type { FieldDef } from './field-types';
import { isValidPhone, isValidUrl, rulesFor } from './form-rules';

const t = ((k: string) => k) as unknown as TFunction;

/** Runs antd-style validator rules the way the form would, returning the first message. */
async function validate(rules: Rule[], value: unknown): Promise<string | null> {
  for (const rule of rules as RuleObject[]) {
    if (rule.required && (value === undefined || value === null || String(value).trim() === '')) return String(rule.message);
    if (rule.max !== undefined && typeof value === 'string' && value.length > rule.max) return String(rule.message);
    if (rule.validator) {
      try {
        await rule.validator(rule, value, () => {});
      } catch (e) {
        return (e as Error).message;
      }
    }
  }
  return null;
}

const def = (over: Partial<FieldDef>): FieldDef => ({ key: 'x', type: 'text', label: 'x', ...over });

describe('rulesFor', () => {
  it('requires required fields', async () => {
    expect(await validate(rulesFor(def({ required: true }), t), '  ')).toBe('validation.required');
    expect(await validate(rulesFor(def({ required: true }), t), '张伟')).toBeNull();
  });
  it('checks URLs like the server (http/https only)', async () => {
    expect(await validate(rulesFor(def({ type: 'url' }), t), 'ftp://x.cn')).toBe('validation.url');
    expect(await validate(rulesFor(def({ type: 'url' }), t), 'https://kehu.dev')).toBeNull();
    expect(isValidUrl('example.com')).toBe(false);
  });
  it('checks phone numbers loosely, leaving strict parsing to the server', () => {
    expect(isValidPhone('+86 138-0013-8000')).toBe(true);
    expect(isValidPhone('abc')).toBe(false);
  });
  it('checks Chinese ID numbers but accepts the masked value it was given', async () => {
    const rules = rulesFor(def({ key: 'idNumber' }), t);
    expect(await validate(rules, '11010519491231002X')).toBeNull();
    expect(await validate(rules, '1101**********1234')).toBeNull();
    expect(await validate(rules, '12345')).toBe('validation.idNumber');
  });
  it('checks every address in an email list', async () => {
    const rules = rulesFor(def({ type: 'emails' }), t);
    expect(await validate(rules, [{ address: 'a@b.cn' }, { address: 'nope' }])).toBe('validation.email');
    expect(await validate(rules, [{ address: '' }])).toBeNull();
  });
  it('limits length', async () => {
    expect(await validate(rulesFor(def({ maxLength: 3 }), t), 'abcd')).toBe('validation.maxLength');
  });
});
