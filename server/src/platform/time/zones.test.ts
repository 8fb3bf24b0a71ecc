import { describe, expect, it } from 'vitest';
import { dateTimeFormat, isTimeZone, localDay, wallTimeToUtc, zonedParts, zoneOffset } from './zones.ts';

const HOUR = 3_600_000;

describe('time zones', () => {
  const newYear = new Date('2026-12-31T17:30:00Z'); // 01:30 on 1 January in Shanghai

  it('gives the calendar day and weekday in the zone, not in UTC', () => {
    expect(localDay(newYear, 'Asia/Shanghai')).toBe('2027-01-01');
    expect(localDay(newYear, 'America/New_York')).toBe('2026-12-31');
    expect(zonedParts(newYear, 'Asia/Shanghai')).toMatchObject({ year: 2027, month: 1, day: 1, hour: 1, minute: 30, weekday: 5 });
    expect(zonedParts(new Date('2026-12-07T00:00:00Z'), 'UTC')).toMatchObject({ hour: 0, weekday: 1 }); // midnight is 00, Monday is 1
    expect(localDay(new Date('0905-03-01T12:00:00Z'), 'UTC')).toBe('0905-03-01');
  });

  it('knows offsets across daylight saving', () => {
    expect(zoneOffset(newYear, 'Asia/Shanghai')).toBe(8 * HOUR);
    expect(zoneOffset(Date.parse('2026-07-01T12:00:00.250Z'), 'America/New_York')).toBe(-4 * HOUR);
    expect(zoneOffset(Date.parse('2026-01-01T12:00:00Z'), 'America/New_York')).toBe(-5 * HOUR);
    expect(zoneOffset(Date.parse('2026-01-01T12:00:00Z'), 'Asia/Kolkata')).toBe(5.5 * HOUR);
  });

  it('reads a wall time in a zone, a skipped hour landing an hour early', () => {
    expect(new Date(wallTimeToUtc(Date.UTC(2026, 5, 1, 14, 30), 'Asia/Shanghai')).toISOString()).toBe('2026-06-01T06:30:00.000Z');
    expect(new Date(wallTimeToUtc(Date.UTC(2026, 6, 1, 9, 0), 'America/New_York')).toISOString()).toBe('2026-07-01T13:00:00.000Z');
    // 02:30 on 8 March 2026 does not exist in New York (clocks go 02:00 -> 03:00).
    expect(new Date(wallTimeToUtc(Date.UTC(2026, 2, 8, 2, 30), 'America/New_York')).toISOString()).toBe('2026-03-08T06:30:00.000Z');
  });

  it('builds one formatter per zone and refuses unknown zones as Intl does', () => {
    expect(dateTimeFormat('en-US', { timeZone: 'Asia/Tokyo' })).toBe(dateTimeFormat('en-US', { timeZone: 'Asia/Tokyo' }));
    expect(isTimeZone('Asia/Shanghai')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(() => localDay(newYear, 'Mars/Olympus')).toThrow(RangeError);
  });

  it('is faster than a formatter per call (the reason it exists)', () => {
    const at = Date.parse('2026-06-01T00:00:00Z');
    const time = (f: (i: number) => unknown) => {
      const start = performance.now();
      for (let i = 0; i < 2_000; i++) f(i);
      return performance.now() - start;
    };
    time((i) => localDay(at + i * HOUR, 'Europe/Berlin')); // warm
    const cached = time((i) => localDay(at + i * HOUR, 'Europe/Berlin'));
    const fresh = time((i) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(at + i * HOUR));
    expect(cached).toBeLessThan(fresh);
  });
});
