import { describe, expect, it } from 'vitest';
import { matchesAll, matchesCondition } from './conditions.rules.ts';

describe('conditions', () => {
  it('compares text case-insensitively and lists by membership', () => {
    expect(matchesCondition(' Beijing ', { operator: 'eq', value: 'beijing' })).toBe(true);
    expect(matchesCondition('华东', { operator: 'in', value: ['华北', '华东'] })).toBe(true);
    expect(matchesCondition(null, { operator: 'in', value: ['a'] })).toBe(false);
    expect(matchesCondition(null, { operator: 'ne', value: 'a' })).toBe(true);
    expect(matchesCondition('', { operator: 'isEmpty' })).toBe(true);
  });

  it('compares numbers only when both sides are numbers', () => {
    expect(matchesCondition('250', { operator: 'gt', value: 200 })).toBe(true);
    expect(matchesCondition('n/a', { operator: 'gt', value: 200 })).toBe(false);
    expect(matchesCondition(null, { operator: 'lt', value: 1 })).toBe(false);
  });

  it('matches a tag list when any tag does', () => {
    expect(matchesCondition(['vip', 'expo'], { operator: 'eq', value: 'VIP' })).toBe(true);
    expect(matchesCondition(['vip'], { operator: 'ne', value: 'vip' })).toBe(false);
  });

  it('combines with all / any and reads custom fields', () => {
    const lead = { region: '华东', source: 'web_form', custom: { size: 'L' } };
    const conds = [
      { field: 'region', operator: 'eq' as const, value: '华东' },
      { field: 'custom.size', operator: 'eq' as const, value: 'S' },
    ];
    expect(matchesAll(lead, conds, 'all')).toBe(false);
    expect(matchesAll(lead, conds, 'any')).toBe(true);
    expect(matchesAll(lead, [], 'all')).toBe(true);
  });
});
