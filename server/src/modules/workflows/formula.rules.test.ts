import { describe, expect, it } from 'vitest';
import { addDays, evaluateValue, FormulaError, mergeFields, renderTemplate, todayIn } from './formula.rules.ts';

const record = {
  name: '王芳',
  amount: '1234.50',
  closeDate: '2027-01-31',
  dueAt: '2027-01-31T16:30:00.000Z',
  tags: ['VIP', '华东'],
  owner: { id: 'u1', name: 'Li Lei' },
  custom: { budget: 0.1, renewal: null },
};
const env = { now: new Date('2026-12-31T17:00:00Z'), timeZone: 'Asia/Shanghai', object: 'contact' };

describe('formulas', () => {
  it('fills merge fields, with the object prefix, owner and custom fields; empty stays empty', () => {
    expect(renderTemplate('{{contact.name}} / {{owner.name}} / {{tags}} / {{custom.renewal}}!', record, 'contact')).toBe('王芳 / Li Lei / VIP, 华东 / !');
    expect(mergeFields('Hi {{ name }}, {{owner.name}}')).toEqual(['name', 'owner.name']);
  });

  it('moves dates by days: a date stays a date, a date-time an instant, today is the tenant’s', () => {
    expect(addDays('2027-01-31', 30)).toBe('2027-03-02');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('2027-01-31T16:30:00.000Z', 1)).toBe('2027-02-01T16:30:00.000Z');
    expect(todayIn(env.now, 'Asia/Shanghai')).toBe('2027-01-01');
    expect(todayIn(env.now, 'America/New_York')).toBe('2026-12-31');
    expect(evaluateValue({ kind: 'addDays', from: 'today', days: 7 }, record, env)).toBe('2027-01-08');
    expect(evaluateValue({ kind: 'addDays', from: 'custom.renewal', days: 7 }, record, env)).toBeNull();
  });

  it('does decimal arithmetic without float error and refuses division by zero', () => {
    expect(evaluateValue({ kind: 'math', op: 'add', left: { field: 'custom.budget' }, right: { number: '0.2' } }, record, env)).toBe('0.3');
    expect(evaluateValue({ kind: 'math', op: 'mul', left: { field: 'amount' }, right: { number: '1.13' } }, record, env)).toBe('1394.985');
    expect(evaluateValue({ kind: 'math', op: 'sub', left: { field: 'custom.renewal' }, right: { number: '1' } }, record, env)).toBeNull();
    expect(() => evaluateValue({ kind: 'math', op: 'div', left: { field: 'amount' }, right: { number: '0' } }, record, env)).toThrow(FormulaError);
  });
});
