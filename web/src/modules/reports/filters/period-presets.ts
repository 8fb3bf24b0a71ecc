import { displayTimeZone } from '#shared/format/time-zone';

export const PRESETS = ['thisMonth', 'lastMonth', 'thisQuarter', 'lastQuarter', 'nextQuarter', 'thisYear', 'lastYear'] as const;
export type Preset = (typeof PRESETS)[number];
export type Range = { from: string; to: string };

const iso = (y: number, m: number, d: number) => new Date(Date.UTC(y, m, d)).toISOString().slice(0, 10);
/** Months `m0`..`m0 + count - 1` (0-based, may overflow the year) as whole days. */
const months = (y: number, m0: number, count: number): Range => ({ from: iso(y, m0, 1), to: iso(y, m0 + count, 0) });

/** The days a preset covers around `today` (YYYY-MM-DD, the user's calendar). */
export function presetRange(preset: Preset, today: string): Range {
  const [y, m] = today.split('-').map(Number) as [number, number];
  const month = m - 1;
  const quarter = Math.floor(month / 3) * 3;
  switch (preset) {
    case 'thisMonth':
      return months(y, month, 1);
    case 'lastMonth':
      return months(y, month - 1, 1);
    case 'thisQuarter':
      return months(y, quarter, 3);
    case 'lastQuarter':
      return months(y, quarter - 3, 3);
    case 'nextQuarter':
      return months(y, quarter + 3, 3);
    case 'thisYear':
      return months(y, 0, 12);
    case 'lastYear':
      return months(y - 1, 0, 12);
  }
}

/** The preset a range is exactly, if any (so a shared link shows its name). */
export function presetOf(range: Range, today: string): Preset | null {
  return (
    PRESETS.find((p) => {
      const r = presetRange(p, today);
      return r.from === range.from && r.to === range.to;
    }) ?? null
  );
}

/** Today in the user's zone (their saved one, else the tenant's, else the browser's). */
export function localToday(now = new Date(), timeZone = displayTimeZone()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
