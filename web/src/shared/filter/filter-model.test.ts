import { andFilters, filterToGroup, groupToFilter, isComplete } from './filter-model';
import type { Condition } from './filter-types';

const c = (field: string, op: Condition['op'], value: Condition['value']): Condition => ({ id: field + op, field, op, value });

describe('groupToFilter', () => {
  it('sends a single condition unwrapped, in the API grammar', () => {
    expect(groupToFilter({ conjunction: 'and', conditions: [c('city', 'eq', '北京')] })).toEqual({ city: { eq: '北京' } });
  });
  it('joins several conditions with and/or', () => {
    const conditions = [c('city', 'eq', '北京'), c('custom.level', 'in', ['A', 'B'])];
    expect(groupToFilter({ conjunction: 'or', conditions })).toEqual({ or: [{ city: { eq: '北京' } }, { 'custom.level': { in: ['A', 'B'] } }] });
    expect(groupToFilter({ conjunction: 'and', conditions })).toEqual({ and: [{ city: { eq: '北京' } }, { 'custom.level': { in: ['A', 'B'] } }] });
  });
  it('drops rows the user has not finished', () => {
    const g = { conjunction: 'and' as const, conditions: [c('name', 'contains', ''), c('employees', 'between', [10, null]), c('tier', 'in', [])] };
    expect(groupToFilter(g)).toBeNull();
  });
  it('keeps isEmpty with a boolean and a complete between', () => {
    expect(isComplete(c('phone', 'isEmpty', true))).toBe(true);
    expect(isComplete(c('phone', 'isEmpty', null))).toBe(false);
    expect(isComplete(c('employees', 'between', [10, 50]))).toBe(true);
  });
});

describe('filterToGroup', () => {
  it('round-trips what groupToFilter produced', () => {
    const group = { conjunction: 'or' as const, conditions: [c('city', 'eq', '上海'), c('createdAt', 'between', ['2026-01-01', '2026-02-01'])] };
    const back = filterToGroup(groupToFilter(group));
    expect(back?.conjunction).toBe('or');
    expect(back?.conditions.map(({ field, op, value }) => ({ field, op, value }))).toEqual(
      group.conditions.map(({ field, op, value }) => ({ field, op, value })),
    );
  });
  it('reads a bare field filter with several operators', () => {
    const g = filterToGroup({ employees: { gte: 10, lte: 100 } });
    expect(g?.conditions.map((x) => x.op)).toEqual(['gte', 'lte']);
  });
  it('refuses nested groups it cannot show rather than losing them', () => {
    expect(filterToGroup({ and: [{ or: [{ city: { eq: 'a' } }] }] })).toBeNull();
  });
  it('ignores unknown operators', () => {
    expect(filterToGroup({ city: { like: 'x' } as never })?.conditions).toEqual([]);
  });
});

describe('andFilters', () => {
  it('combines only the filters present', () => {
    expect(andFilters(null, undefined)).toBeNull();
    expect(andFilters({ a: { eq: 1 } }, null)).toEqual({ a: { eq: 1 } });
    expect(andFilters({ a: { eq: 1 } }, { b: { eq: 2 } })).toEqual({ and: [{ a: { eq: 1 } }, { b: { eq: 2 } }] });
  });
});
