import { localToday, presetOf, presetRange } from './period-presets';

describe('period presets', () => {
  it('cover whole months and quarters, across year ends', () => {
    expect(presetRange('thisMonth', '2026-02-10')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(presetRange('lastMonth', '2026-01-15')).toEqual({ from: '2025-12-01', to: '2025-12-31' });
    expect(presetRange('thisQuarter', '2026-11-23')).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    expect(presetRange('lastQuarter', '2026-02-01')).toEqual({ from: '2025-10-01', to: '2025-12-31' });
    expect(presetRange('nextQuarter', '2026-11-23')).toEqual({ from: '2027-01-01', to: '2027-03-31' });
    expect(presetRange('thisYear', '2026-11-23')).toEqual({ from: '2026-01-01', to: '2026-12-31' });
    expect(presetRange('lastYear', '2026-11-23')).toEqual({ from: '2025-01-01', to: '2025-12-31' });
  });

  it('names a range that is a preset, and only then', () => {
    expect(presetOf({ from: '2026-10-01', to: '2026-12-31' }, '2026-11-23')).toBe('thisQuarter');
    expect(presetOf({ from: '2026-10-02', to: '2026-12-31' }, '2026-11-23')).toBeNull();
  });

  it('reads today in the user’s zone', () => {
    const now = new Date('2026-12-31T17:30:00Z');
    expect(localToday(now, 'Asia/Shanghai')).toBe('2027-01-01');
    expect(presetRange('thisQuarter', localToday(now, 'Asia/Shanghai'))).toEqual({ from: '2027-01-01', to: '2027-03-31' });
    expect(localToday(now, 'America/Los_Angeles')).toBe('2026-12-31');
  });
});
