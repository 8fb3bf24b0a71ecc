import { andFilters, countComplete, filterToGroup, groupToFilter, isComplete } from './filter-model';
import { type Condition, type ConditionGroup, type Filter, type FilterNode, isGroup } from './filter-types';

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
    expect(back.conjunction).toBe('or');
    expect(back.conditions.map(shape)).toEqual(group.conditions.map(shape));
  });
  it('reads a bare field filter with several operators', () => {
    const g = filterToGroup({ employees: { gte: 10, lte: 100 } });
    expect(g.conditions.map((x) => (isGroup(x) ? 'group' : x.op))).toEqual(['gte', 'lte']);
  });
  it('ignores unknown operators', () => {
    expect(filterToGroup({ city: { like: 'x' } as never }).conditions).toEqual([]);
  });
});

describe('andFilters', () => {
  it('combines only the filters present', () => {
    expect(andFilters(null, undefined)).toBeNull();
    expect(andFilters({ a: { eq: 1 } }, null)).toEqual({ a: { eq: 1 } });
    expect(andFilters({ a: { eq: 1 } }, { b: { eq: 2 } })).toEqual({ and: [{ a: { eq: 1 } }, { b: { eq: 2 } }] });
  });
});

/** The tree without ids, to compare shapes. */
const shape = (n: FilterNode): unknown => (isGroup(n) ? { [n.conjunction]: n.conditions.map(shape) } : { field: n.field, op: n.op, value: n.value });
const g = (conjunction: 'and' | 'or', ...conditions: FilterNode[]): ConditionGroup => ({ conjunction, conditions });

describe('nested groups', () => {
  const tree = g('and', c('city', 'eq', '北京'), g('or', c('tier', 'eq', 'A'), g('and', c('custom.level', 'in', ['vip']), c('employees', 'gte', 100))));
  const grammar: Filter = {
    and: [{ city: { eq: '北京' } }, { or: [{ tier: { eq: 'A' } }, { and: [{ 'custom.level': { in: ['vip'] } }, { employees: { gte: 100 } }] }] }],
  };

  it('produce the API grammar, group within group', () => {
    expect(groupToFilter(tree)).toEqual(grammar);
    expect(countComplete(tree)).toBe(4);
  });

  it('round-trip builder -> grammar -> builder -> grammar unchanged', () => {
    const back = filterToGroup(groupToFilter(tree));
    expect(shape(back)).toEqual(shape(tree));
    expect(groupToFilter(back)).toEqual(grammar);
  });

  it('round-trip grammar -> builder -> grammar for an OR at the top', () => {
    const f: Filter = { or: [{ and: [{ city: { eq: '上海' } }, { tier: { in: ['A', 'B'] } }] }, { 'custom.vip': { eq: true } }] };
    expect(groupToFilter(filterToGroup(f))).toEqual(f);
    expect(filterToGroup(f).conjunction).toBe('or');
  });

  it('keeps "all of" when one OR part holds several conditions', () => {
    const f: Filter = { or: [{ employees: { gte: 10, lte: 50 } }, { city: { eq: '深圳' } }] };
    const group = filterToGroup(f);
    expect(shape(group)).toEqual({
      or: [
        {
          and: [
            { field: 'employees', op: 'gte', value: 10 },
            { field: 'employees', op: 'lte', value: 50 },
          ],
        },
        { field: 'city', op: 'eq', value: '深圳' },
      ],
    });
    expect(groupToFilter(group)).toEqual({ or: [{ and: [{ employees: { gte: 10 } }, { employees: { lte: 50 } }] }, { city: { eq: '深圳' } }] });
  });

  it('drops empty groups and unwraps a group left with one part', () => {
    expect(groupToFilter(g('and', c('city', 'eq', '北京'), g('or')))).toEqual({ city: { eq: '北京' } });
    expect(groupToFilter(g('and', g('or', c('city', 'eq', '北京'), c('name', 'contains', ''))))).toEqual({ city: { eq: '北京' } });
    expect(groupToFilter(g('or', g('and'), g('and')))).toBeNull();
  });

  it('reads an object mixing fields and a nested group as "all of"', () => {
    const f = { city: { eq: '北京' }, or: [{ tier: { eq: 'A' } }, { tier: { eq: 'B' } }] } as unknown as Filter;
    expect(shape(filterToGroup(f))).toEqual({
      and: [
        { field: 'city', op: 'eq', value: '北京' },
        {
          or: [
            { field: 'tier', op: 'eq', value: 'A' },
            { field: 'tier', op: 'eq', value: 'B' },
          ],
        },
      ],
    });
  });
});
