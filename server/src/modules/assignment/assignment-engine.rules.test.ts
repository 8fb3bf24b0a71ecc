import { describe, expect, it } from 'vitest';
import { type AssignmentRule, type Candidate, decideAssignment } from './assignment-engine.rules.ts';
import { isWorkingDay } from './working-days.rules.ts';

const rule = (over: Partial<AssignmentRule>): AssignmentRule => ({
  id: 'r',
  name: 'r',
  active: true,
  match: 'all',
  conditions: [],
  method: 'round_robin',
  userIds: ['a', 'b', 'c'],
  capacity: null,
  workingDaysOnly: false,
  lastUserId: null,
  ...over,
});
const people = (...list: Partial<Candidate>[]) =>
  new Map(list.map((c, i) => [c.id ?? String(i), { id: String(i), available: true, openLeads: 0, assignedLast30Days: 0, ...c } as Candidate]));

describe('decideAssignment', () => {
  const everyone = people({ id: 'a' }, { id: 'b' }, { id: 'c' });

  it('takes the first matching active rule', () => {
    const rules = [
      rule({ id: 'off', active: false }),
      rule({ id: 'east', conditions: [{ field: 'region', operator: 'eq', value: '华东' }], method: 'fixed_user', userIds: ['c'] }),
      rule({ id: 'rest', method: 'fixed_user', userIds: ['a'] }),
    ];
    expect(decideAssignment({ rules, lead: { region: '华东' }, candidates: everyone, workingDay: true })).toMatchObject({ ruleId: 'east', userId: 'c' });
    expect(decideAssignment({ rules, lead: { region: '华北' }, candidates: everyone, workingDay: true })).toMatchObject({ ruleId: 'rest', userId: 'a' });
  });

  it('round-robins after the last user and skips people away or at capacity', () => {
    expect(decideAssignment({ rules: [rule({ lastUserId: 'a' })], lead: {}, candidates: everyone, workingDay: true })).toMatchObject({ userId: 'b' });
    expect(decideAssignment({ rules: [rule({ lastUserId: 'c' })], lead: {}, candidates: everyone, workingDay: true })).toMatchObject({ userId: 'a' });
    const someAway = people({ id: 'a' }, { id: 'b', available: false }, { id: 'c', assignedLast30Days: 5 });
    expect(decideAssignment({ rules: [rule({ lastUserId: 'a', capacity: 5 })], lead: {}, candidates: someAway, workingDay: true })).toMatchObject({
      userId: 'a',
    });
  });

  it('load-balances to the fewest open leads under capacity', () => {
    const c = people({ id: 'a', openLeads: 3 }, { id: 'b', openLeads: 1, assignedLast30Days: 2 }, { id: 'c', openLeads: 2 });
    expect(decideAssignment({ rules: [rule({ method: 'load_balanced' })], lead: {}, candidates: c, workingDay: true })).toMatchObject({ userId: 'b' });
    expect(decideAssignment({ rules: [rule({ method: 'load_balanced', capacity: 2 })], lead: {}, candidates: c, workingDay: true })).toMatchObject({
      userId: 'c',
    });
  });

  it('queues with the reason when nothing can place the lead', () => {
    const east = rule({ conditions: [{ field: 'region', operator: 'eq', value: '华东' }] });
    expect(decideAssignment({ rules: [east], lead: {}, candidates: everyone, workingDay: true })).toEqual({
      outcome: 'queued',
      ruleId: null,
      reason: 'no_rule',
    });
    expect(decideAssignment({ rules: [rule({ workingDaysOnly: true })], lead: {}, candidates: everyone, workingDay: false })).toMatchObject({
      reason: 'not_working_day',
    });
    const full = people({ id: 'a', assignedLast30Days: 1 }, { id: 'b', assignedLast30Days: 1 }, { id: 'c', available: false });
    expect(decideAssignment({ rules: [rule({ capacity: 1 })], lead: {}, candidates: full, workingDay: true })).toMatchObject({
      reason: 'no_user_available',
    });
  });
});

describe('isWorkingDay', () => {
  const cal = { workingDays: [1, 2, 3, 4, 5], holidays: ['2026-10-01'], timeZone: 'Asia/Shanghai' };
  it('reads the weekday in the tenant zone and honours holidays', () => {
    // Sunday 20:00 UTC is Monday 04:00 in Shanghai.
    expect(isWorkingDay(new Date('2026-11-22T20:00:00Z'), cal)).toBe(true);
    expect(isWorkingDay(new Date('2026-11-22T10:00:00Z'), cal)).toBe(false);
    expect(isWorkingDay(new Date('2026-10-01T04:00:00Z'), cal)).toBe(false);
  });
});
