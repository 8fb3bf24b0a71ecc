import { TZDate } from '@date-fns/tz';

/** A working stretch of one day, local wall-clock time `HH:MM`; `end` may be `24:00`. */
export type WorkInterval = { start: string; end: string };
/** A dated exception: a holiday (no work) or a make-up working day (调休). */
export type CalendarDay = { date: string; name: string };

/** What business-time arithmetic needs of a calendar (the stored calendar carries more). */
export type BusinessCalendarRules = {
  timeZone: string;
  /** Seven entries, Monday first: each day's working intervals, sorted and not overlapping. */
  week: readonly (readonly WorkInterval[])[];
  /** Dates (YYYY-MM-DD in the calendar's zone) without work, whatever their weekday. */
  holidays: readonly CalendarDay[];
  /** Dates that are working days whatever their weekday; they work the first weekday's hours that has any. */
  workdays: readonly CalendarDay[];
};

export type AddBusinessMinutesOptions = { calendar: BusinessCalendarRules; from: Date; minutes: number };
export type BusinessMinutesBetweenOptions = { calendar: BusinessCalendarRules; from: Date; to: Date };

const MINUTE = 60_000;
/** How far ahead a search for working time goes before deciding the calendar has none. */
const MAX_DAYS = 3_700;

type Compiled = {
  tz: string;
  week: [number, number][][];
  makeUp: [number, number][];
  holidays: Set<string>;
  workdays: Set<string>;
  /** Each local day's intervals as instants, once computed (an SLA pass asks for the same days again and again). */
  days: Map<string, [number, number][]>;
};
const MAX_CACHED_DAYS = 5_000;
const compiledCache = new WeakMap<BusinessCalendarRules, Compiled>();

export const minutesOfDay = (hhmm: string): number => {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};

function compile(cal: BusinessCalendarRules): Compiled {
  const cached = compiledCache.get(cal);
  if (cached) return cached;
  const week = cal.week.map((day) => day.map((i) => [minutesOfDay(i.start), minutesOfDay(i.end)] as [number, number]));
  const compiled: Compiled = {
    tz: cal.timeZone,
    week,
    makeUp: week.find((d) => d.length > 0) ?? [],
    holidays: new Set(cal.holidays.map((d) => d.date)),
    workdays: new Set(cal.workdays.map((d) => d.date)),
    days: new Map(),
  };
  compiledCache.set(cal, compiled);
  return compiled;
}

type Day = { y: number; m: number; d: number };
const dayOf = (at: number, tz: string): Day => {
  const local = new TZDate(at, tz);
  return { y: local.getFullYear(), m: local.getMonth(), d: local.getDate() };
};
const nextDay = ({ y, m, d }: Day): Day => {
  const u = new Date(Date.UTC(y, m, d + 1));
  return { y: u.getUTCFullYear(), m: u.getUTCMonth(), d: u.getUTCDate() };
};
const isoDate = ({ y, m, d }: Day) => `${String(y).padStart(4, '0')}-${String(m + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** A local day's working intervals as instants (ms), measured in real time across a DST change. */
function workingInstants(c: Compiled, day: Day): [number, number][] {
  const date = isoDate(day);
  const cached = c.days.get(date);
  if (cached) return cached;
  let minutes: [number, number][];
  if (c.holidays.has(date)) minutes = [];
  else if (c.workdays.has(date)) minutes = c.makeUp;
  else minutes = c.week[(new Date(Date.UTC(day.y, day.m, day.d)).getUTCDay() + 6) % 7] ?? [];
  const out: [number, number][] = [];
  for (const [s, e] of minutes) {
    const start = new TZDate(day.y, day.m, day.d, 0, s, c.tz).getTime();
    const end = new TZDate(day.y, day.m, day.d, 0, e, c.tz).getTime();
    // A DST gap can swallow an interval: skip what has no real length.
    if (end > start) out.push([start, end]);
  }
  if (c.days.size >= MAX_CACHED_DAYS) c.days.clear();
  c.days.set(date, out);
  return out;
}

/**
 * The moment `minutes` of working time after `from` on the calendar: counting starts at `from` when it is
 * working time, else at the next opening. With `minutes` 0 it is that next working moment (or `from` itself).
 * A result lands inside working time or at the end of an interval, never in a break, night, weekend or holiday.
 */
export function addBusinessMinutes({ calendar, from, minutes }: AddBusinessMinutesOptions): Date {
  if (!(minutes >= 0) || !Number.isFinite(minutes)) throw new RangeError(`minutes must be a finite number >= 0, got ${minutes}`);
  const c = compile(calendar);
  const t0 = from.getTime();
  let left = Math.round(minutes * MINUTE);
  let day = dayOf(t0, c.tz);
  for (let i = 0; i < MAX_DAYS; i++, day = nextDay(day)) {
    for (const [s, e] of workingInstants(c, day)) {
      if (e <= t0) continue;
      const start = Math.max(s, t0);
      if (left <= e - start) return new Date(start + left);
      left -= e - start;
    }
  }
  throw new RangeError(`business calendar has no working time within ${MAX_DAYS} days of ${from.toISOString()}`);
}

/** Working minutes between two moments (negative when `to` is before `from`); real minutes across a DST change. */
export function businessMinutesBetween({ calendar, from, to }: BusinessMinutesBetweenOptions): number {
  const a = from.getTime();
  const b = to.getTime();
  if (b < a) return -businessMinutesBetween({ calendar, from: to, to: from });
  const c = compile(calendar);
  let total = 0;
  const last = isoDate(dayOf(b, c.tz));
  for (let day = dayOf(a, c.tz); ; day = nextDay(day)) {
    for (const [s, e] of workingInstants(c, day)) {
      const lo = Math.max(s, a);
      const hi = Math.min(e, b);
      if (hi > lo) total += hi - lo;
    }
    if (isoDate(day) >= last) break;
  }
  return total / MINUTE;
}

/** Whether `at` is working time (inside an interval; an interval's end is already closed). */
export function isBusinessTime({ calendar, at }: { calendar: BusinessCalendarRules; at: Date }): boolean {
  const c = compile(calendar);
  const t = at.getTime();
  return workingInstants(c, dayOf(t, c.tz)).some(([s, e]) => s <= t && t < e);
}
