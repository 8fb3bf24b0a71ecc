import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addBusinessMinutes, type BusinessCalendarRules, businessMinutesBetween, isBusinessTime } from './business-time.ts';
import { CHINA_HOLIDAYS, CHINA_WORKDAYS, DEFAULT_WEEK } from './default-calendar.ts';

const iv = (start: string, end: string) => ({ start, end });
const split = [iv('09:00', '12:00'), iv('13:00', '18:00')];
const shanghai: BusinessCalendarRules = {
  timeZone: 'Asia/Shanghai',
  week: [split, split, split, split, split, [], []],
  holidays: CHINA_HOLIDAYS,
  workdays: CHINA_WORKDAYS,
};
const newYork: BusinessCalendarRules = { timeZone: 'America/New_York', week: DEFAULT_WEEK, holidays: [], workdays: [] };
// Working through the night of a DST change: Sundays 00:00-06:00.
const nightShift: BusinessCalendarRules = { timeZone: 'America/New_York', week: [[], [], [], [], [], [], [iv('00:00', '06:00')]], holidays: [], workdays: [] };
const kolkata: BusinessCalendarRules = {
  timeZone: 'Asia/Kolkata',
  week: [[iv('09:30', '17:30')], [iv('09:30', '17:30')], [iv('09:30', '17:30')], [iv('09:30', '17:30')], [iv('09:30', '17:30')], [iv('10:00', '14:00')], []],
  holidays: [{ date: '2026-10-02', name: 'Gandhi Jayanti' }],
  workdays: [],
};
const CALENDARS = [shanghai, newYork, nightShift, kolkata];

const at = (iso: string) => new Date(iso);
const add = (calendar: BusinessCalendarRules, from: string, minutes: number) => addBusinessMinutes({ calendar, from: at(from), minutes }).toISOString();

describe('business time: examples', () => {
  it('counts only working intervals in the calendar’s zone, skipping the lunch break and the night', () => {
    // Monday 2026-12-07 11:30 Shanghai (03:30Z): 30 minutes to lunch, then from 13:00.
    expect(add(shanghai, '2026-12-07T03:30:00Z', 60)).toBe('2026-12-07T05:30:00.000Z'); // 13:30 local
    // Friday 17:00 local + 2 h = Monday 10:00 local.
    expect(add(shanghai, '2026-12-11T09:00:00Z', 120)).toBe('2026-12-14T02:00:00.000Z');
    // Starting on a Saturday night counts from Monday 09:00.
    expect(add(shanghai, '2026-12-12T14:00:00Z', 0)).toBe('2026-12-14T01:00:00.000Z');
    expect(businessMinutesBetween({ calendar: shanghai, from: at('2026-12-07T00:00:00Z'), to: at('2026-12-14T00:00:00Z') })).toBe(5 * 8 * 60);
  });

  it('skips holidays and works the make-up Saturdays (调休)', () => {
    // National Day 2026: 1-7 October off, Saturday 10 October works. Wednesday 30 Sept 17:00 local + 2 h -> Thursday 8 Oct 10:00.
    expect(add(shanghai, '2026-09-30T09:00:00Z', 120)).toBe('2026-10-08T02:00:00.000Z');
    // Friday 9 Oct 17:00 + 2 h lands on the make-up Saturday 10 Oct, 10:00 local.
    expect(add(shanghai, '2026-10-09T09:00:00Z', 120)).toBe('2026-10-10T02:00:00.000Z');
    expect(isBusinessTime({ calendar: shanghai, at: at('2026-10-10T02:00:00Z') })).toBe(true);
    expect(isBusinessTime({ calendar: shanghai, at: at('2026-10-05T02:00:00Z') })).toBe(false); // a Monday in the holiday
    // A whole 9-day Spring Festival (15-23 Feb) and the make-up Saturday before it.
    expect(businessMinutesBetween({ calendar: shanghai, from: at('2026-02-13T16:00:00Z'), to: at('2026-02-23T16:00:00Z') })).toBe(8 * 60);
  });

  it('reads the calendar in its own zone (a half-hour zone, a Saturday morning)', () => {
    // Friday 2 Oct is a holiday in the Kolkata calendar; Thursday 17:00 IST + 90 min -> Saturday 10:00 + 60 min = 11:00 IST.
    expect(add(kolkata, '2026-10-01T11:30:00Z', 90)).toBe('2026-10-03T05:30:00.000Z');
  });

  it('measures real minutes across a DST change in New York', () => {
    // Spring forward Sunday 14 March 2027 02:00 -> 03:00: the night shift 00:00-06:00 lasts 5 real hours.
    expect(businessMinutesBetween({ calendar: nightShift, from: at('2027-03-13T12:00:00Z'), to: at('2027-03-15T12:00:00Z') })).toBe(300);
    // Fall back Sunday 7 November 2027 02:00 -> 01:00: that night lasts 7 hours.
    expect(businessMinutesBetween({ calendar: nightShift, from: at('2027-11-06T12:00:00Z'), to: at('2027-11-08T12:00:00Z') })).toBe(420);
    // 00:00 EST (05:00Z) + 4 h of work = 05:00 EDT (09:00Z), not 04:00.
    expect(add(nightShift, '2027-03-14T05:00:00Z', 240)).toBe('2027-03-14T09:00:00.000Z');
    // A 09:00-18:00 day keeps its wall clock on each side of the change: Friday 17:00 EST + 2 h = Monday 10:00 EDT.
    expect(add(newYork, '2027-03-12T22:00:00Z', 120)).toBe('2027-03-15T14:00:00.000Z');
  });

  it('refuses a calendar without working time and negative minutes', () => {
    const none: BusinessCalendarRules = { timeZone: 'UTC', week: [[], [], [], [], [], [], []], holidays: [], workdays: [] };
    expect(() => addBusinessMinutes({ calendar: none, from: at('2026-01-01T00:00:00Z'), minutes: 1 })).toThrow(RangeError);
    expect(() => addBusinessMinutes({ calendar: newYork, from: at('2026-01-01T00:00:00Z'), minutes: -1 })).toThrow(RangeError);
  });
});

const instant = fc.date({ min: at('2025-12-01T00:00:00Z'), max: at('2027-12-31T00:00:00Z'), noInvalidDate: true });
const minutes = fc.integer({ min: 0, max: 60 * 24 * 20 });
const calendar = fc.constantFrom(...CALENDARS);

describe('business time: properties', () => {
  it('adding then measuring gives back the minutes', () => {
    fc.assert(
      fc.property(calendar, instant, minutes, (cal, from, m) => {
        const to = addBusinessMinutes({ calendar: cal, from, minutes: m });
        expect(businessMinutesBetween({ calendar: cal, from, to })).toBe(m);
      }),
      { numRuns: 300 },
    );
  });

  it('is monotonic in the minutes and in the start', () => {
    fc.assert(
      fc.property(calendar, instant, instant, minutes, minutes, (cal, a, b, m1, m2) => {
        const [lo, hi] = m1 <= m2 ? [m1, m2] : [m2, m1];
        expect(addBusinessMinutes({ calendar: cal, from: a, minutes: lo }).getTime()).toBeLessThanOrEqual(
          addBusinessMinutes({ calendar: cal, from: a, minutes: hi }).getTime(),
        );
        const [early, late] = a <= b ? [a, b] : [b, a];
        expect(addBusinessMinutes({ calendar: cal, from: early, minutes: lo }).getTime()).toBeLessThanOrEqual(
          addBusinessMinutes({ calendar: cal, from: late, minutes: lo }).getTime(),
        );
        expect(businessMinutesBetween({ calendar: cal, from: early, to: late })).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 200 },
    );
  });

  it('never lands outside working time: the moment just before the result is working time', () => {
    fc.assert(
      fc.property(calendar, instant, fc.integer({ min: 1, max: 60 * 24 * 20 }), (cal, from, m) => {
        const to = addBusinessMinutes({ calendar: cal, from, minutes: m });
        expect(to.getTime()).toBeGreaterThan(from.getTime());
        expect(isBusinessTime({ calendar: cal, at: new Date(to.getTime() - 1) })).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('adds up over consecutive spans', () => {
    fc.assert(
      fc.property(calendar, instant, instant, instant, (cal, x, y, z) => {
        const [a, b, c] = [x, y, z].sort((p, q) => p.getTime() - q.getTime()) as [Date, Date, Date];
        const between = (from: Date, to: Date) => businessMinutesBetween({ calendar: cal, from, to });
        expect(between(a, b) + between(b, c)).toBeCloseTo(between(a, c), 6);
      }),
      { numRuns: 100 },
    );
  });
});
