import { describe, expect, it } from 'vitest';
import { changeOperators, resolveChanges, sameValue, triggerConditions, withoutChangeOperators } from './conditions.rules.ts';

describe('rule conditions', () => {
  const changes = { status: { from: 'new', to: 'qualified' }, amount: { from: '100.00', to: '250.00' } };

  it('decides change operators on the event and leaves the filter grammar for the record', () => {
    expect(resolveChanges({ status: { changedFrom: 'new', changedTo: 'qualified' } }, changes)).toBe(true);
    expect(resolveChanges({ status: { changedTo: 'lost' } }, changes)).toBe(false);
    expect(resolveChanges({ city: { changed: true } }, changes)).toBe(false);
    expect(resolveChanges({ city: { changed: false } }, changes)).toBe(true);
    expect(resolveChanges({ amount: { changedFrom: 100, gt: 200 } }, changes)).toEqual({ amount: { gt: 200 } });
    expect(resolveChanges({ or: [{ status: { changedTo: 'lost' } }, { city: { eq: '北京' } }] }, changes)).toEqual({ city: { eq: '北京' } });
    expect(resolveChanges({ or: [{ status: { changed: true } }, { city: { eq: '北京' } }] }, changes)).toBe(true);
    expect(resolveChanges({ and: [{ status: { changed: true } }, { city: 'x' }, { tier: { eq: 'A' } }] }, changes)).toEqual({
      and: [{ city: 'x' }, { tier: { eq: 'A' } }],
    });
    expect(resolveChanges(null, null)).toBe(true);
    expect(resolveChanges({ status: { changed: true } }, null)).toBe(false);
  });

  it('compares changed values loosely where numbers are written differently', () => {
    expect(sameValue('100.00', 100)).toBe(true);
    expect(sameValue('北京', '北京')).toBe(true);
    expect(sameValue(['a'], ['a'])).toBe(true);
    expect(sameValue(null, undefined)).toBe(true);
    expect(sameValue('1', 'one')).toBe(false);
  });

  it('lists change operators and strips them for validation', () => {
    const tree = { or: [{ status: { changedTo: 'won', eq: 'won' } }, { city: { changed: true } }], tier: 'A' };
    expect(changeOperators(tree)).toEqual([
      { field: 'status', op: 'changedTo', value: 'won' },
      { field: 'city', op: 'changed', value: true },
    ]);
    expect(withoutChangeOperators(tree)).toEqual({ or: [{ status: { eq: 'won' } }], tier: 'A' });
    expect(withoutChangeOperators({ city: { changed: true } })).toBeNull();
  });

  it('turns an updated trigger on a field into change conditions', () => {
    expect(triggerConditions({ field: 'stage', from: 'a', to: 'b' })).toEqual({ stage: { changed: true, changedFrom: 'a', changedTo: 'b' } });
    expect(triggerConditions({})).toBeNull();
  });
});
