import { localDay } from '#platform/time/zones.ts';
import { reportsErrors } from './reports.errors.ts';

/** A report period: whole days, both ends included, read in the tenant's time zone. */
export type Period = { from: string; to: string };

const MAX_DAYS = 366 * 5;
const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

/** Today's date (YYYY-MM-DD) in a time zone. */
export function todayIn(timeZone: string, now = new Date()): string {
  return localDay(now, timeZone);
}

/** The calendar quarter containing `today`, the default period of every report. */
export function quarterOf(today: string): Period {
  const [y, m] = today.split('-').map(Number) as [number, number];
  const first = Math.floor((m - 1) / 3) * 3 + 1;
  const last = new Date(Date.UTC(y, first + 2, 0)).toISOString().slice(0, 10);
  return { from: `${y}-${String(first).padStart(2, '0')}-01`, to: last };
}

/** The requested period, or this quarter; a reversed or over-long period is a 400 naming the field. */
export function resolvePeriod(q: { from?: string | undefined; to?: string | undefined }, today: string): Period {
  const fallback = quarterOf(today);
  const period = { from: q.from ?? fallback.from, to: q.to ?? fallback.to };
  if (day(period.to) < day(period.from)) throw reportsErrors.periodReversed();
  if (day(period.to) - day(period.from) > MAX_DAYS) throw reportsErrors.periodTooLong(5);
  return period;
}

/** Every month (YYYY-MM) the period touches, in order. */
export function monthsOf(p: Period): string[] {
  const months: string[] = [];
  let [y, m] = p.from.split('-').map(Number) as [number, number];
  const end = p.to.slice(0, 7);
  for (;;) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    months.push(key);
    if (key >= end) return months;
    m += 1;
    if (m > 12) [y, m] = [y + 1, 1];
  }
}
