import { formatDate, formatDateTime, formatTime, dayInZone } from './format';
import { displayTimeZone, fromWallClock, offsetMs, resolveTimeZone, setDisplayTimeZone, toWallClock, zoneOffset } from './time-zone';

const AT = '2026-03-05T16:30:00Z';

describe('the display time zone', () => {
  afterEach(() => setDisplayTimeZone(null));

  it('prefers the user, then the tenant, then the browser, and ignores unknown zones', () => {
    expect(resolveTimeZone('Europe/Berlin', 'Asia/Shanghai', 'UTC')).toBe('Europe/Berlin');
    expect(resolveTimeZone(null, 'Asia/Shanghai', 'UTC')).toBe('Asia/Shanghai');
    expect(resolveTimeZone('Mars/Olympus', undefined, 'America/New_York')).toBe('America/New_York');
  });

  it('formats the same instant on each user’s own clock', () => {
    setDisplayTimeZone('Asia/Shanghai');
    expect(displayTimeZone()).toBe('Asia/Shanghai');
    expect(formatDateTime(AT, 'zh-CN')).toBe('2026/03/06 00:30');
    expect(formatDate(AT, 'zh-CN')).toBe('2026/03/06');
    setDisplayTimeZone('America/Los_Angeles');
    expect(formatDateTime(AT, 'en')).toBe('03/05/2026, 08:30');
    expect(formatTime(AT, 'en')).toBe('08:30');
    setDisplayTimeZone('Asia/Kolkata');
    expect(formatDateTime(AT, 'en')).toBe('03/05/2026, 22:00');
  });

  it('an explicit zone wins over the display zone; plain dates never shift', () => {
    setDisplayTimeZone('Pacific/Auckland');
    expect(formatDateTime(AT, 'en', 'UTC')).toBe('03/05/2026, 16:30');
    expect(formatDate('2026-03-05', 'en')).toBe('03/05/2026');
    expect(formatDate('2026-03-05', 'zh-CN', 'Pacific/Kiritimati')).toBe('2026/03/05');
  });

  it('says which calendar day an instant falls on in a zone', () => {
    expect(dayInZone(AT, 'Asia/Shanghai')).toBe('2026-03-06');
    expect(dayInZone(AT, 'America/New_York')).toBe('2026-03-05');
  });

  it('shows midnight as 00, not 24', () => {
    expect(formatDateTime('2026-01-01T16:00:00Z', 'en', 'Asia/Shanghai')).toBe('01/02/2026, 00:00');
  });
});

describe('picker wall clock', () => {
  it('knows offsets, including summer time', () => {
    expect(offsetMs('Asia/Shanghai', Date.parse(AT))).toBe(8 * 3600_000);
    expect(offsetMs('America/New_York', Date.parse('2026-01-15T12:00:00Z'))).toBe(-5 * 3600_000);
    expect(offsetMs('America/New_York', Date.parse('2026-07-15T12:00:00Z'))).toBe(-4 * 3600_000);
    expect(zoneOffset('Asia/Shanghai')).toBe('GMT+08:00');
    expect(zoneOffset('UTC')).toBe('GMT+00:00');
  });

  it('round-trips an instant through the user’s wall clock in any zone', () => {
    for (const zone of ['Asia/Shanghai', 'America/New_York', 'Europe/London', 'Asia/Kathmandu', 'UTC']) {
      for (const iso of ['2026-03-05T16:30:00.000Z', '2026-07-01T00:00:00.000Z', '2026-11-01T05:30:00.000Z']) {
        expect(fromWallClock(toWallClock(iso, zone), zone)).toBe(iso);
      }
    }
  });

  it('reads a picked time on the user’s clock, whatever the browser’s zone', () => {
    const picked = new Date(2026, 2, 6, 9, 0); // 09:00 on the picker
    expect(fromWallClock(picked, 'Asia/Shanghai')).toBe('2026-03-06T01:00:00.000Z');
    expect(fromWallClock(picked, 'America/Los_Angeles')).toBe('2026-03-06T17:00:00.000Z');
    const w = toWallClock('2026-03-06T01:00:00Z', 'Asia/Shanghai');
    expect([w.getHours(), w.getMinutes(), w.getDate()]).toEqual([9, 0, 6]);
  });
});
