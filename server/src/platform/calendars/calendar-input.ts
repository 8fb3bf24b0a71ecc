import { z } from 'zod';
import type { FieldError } from '../errors/app-error.ts';
import { minutesOfDay } from './business-time.ts';

const TIME_ZONES = new Set(Intl.supportedValuesOf('timeZone'));
export const MAX_INTERVALS_PER_DAY = 6;
export const MAX_DATED_DAYS = 1_000;

const TIME = /^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/;
const ZTime = z.string().refine((t) => TIME.test(t), 'calendars.bad_time');
const ZInterval = z.object({ start: ZTime, end: ZTime }).strict();
const ZDay = z
  .object({
    date: z.string().max(10),
    name: z.string().trim().max(100).default(''),
  })
  .strict();

/** A calendar as requests send it (POST creates, PUT replaces all of it). */
export const ZBusinessCalendarInput = z
  .object({
    name: z.string().trim().min(1).max(100),
    timeZone: z.string().max(64),
    /** Seven days, Monday first: each day's working intervals (`HH:MM`, end may be `24:00`). */
    week: z.array(z.array(ZInterval).max(MAX_INTERVALS_PER_DAY)).length(7),
    holidays: z.array(ZDay).max(MAX_DATED_DAYS).default([]),
    /** Make-up working days (调休): dates that work whatever their weekday. */
    workdays: z.array(ZDay).max(MAX_DATED_DAYS).default([]),
    /** The tenant's default calendar (SLAs and approvals use it unless they name another). */
    isDefault: z.boolean().default(false),
  })
  .strict();
export type TBusinessCalendarInput = z.infer<typeof ZBusinessCalendarInput>;

const realDate = (iso: string) => {
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso;
};

/** What zod cannot say: a known zone, intervals that end after they start and do not overlap, real dates, no date twice. */
export function calendarProblems(input: TBusinessCalendarInput): FieldError[] {
  const errors: FieldError[] = [];
  if (!TIME_ZONES.has(input.timeZone)) errors.push({ field: 'timeZone', message: 'calendars.unknown_zone' });
  input.week.forEach((day, i) => {
    const sorted = day.map((iv) => [minutesOfDay(iv.start), minutesOfDay(iv.end)] as const).sort((a, b) => a[0] - b[0]);
    day.forEach((iv, j) => {
      if (minutesOfDay(iv.end) <= minutesOfDay(iv.start)) errors.push({ field: `week.${i}.${j}`, message: 'calendars.end_before_start' });
    });
    for (let j = 1; j < sorted.length; j++) {
      const prev = sorted[j - 1];
      const cur = sorted[j];
      if (prev && cur && cur[0] < prev[1]) {
        errors.push({ field: `week.${i}`, message: 'calendars.overlap' });
        break;
      }
    }
  });
  if (input.week.every((day) => day.length === 0)) errors.push({ field: 'week', message: 'calendars.no_working_time' });
  const seen = new Set<string>();
  for (const list of ['holidays', 'workdays'] as const) {
    input[list].forEach((d, i) => {
      if (!realDate(d.date)) errors.push({ field: `${list}.${i}.date`, message: 'calendars.bad_date', params: { date: d.date } });
      else if (seen.has(d.date)) errors.push({ field: `${list}.${i}.date`, message: 'calendars.date_twice', params: { date: d.date } });
      seen.add(d.date);
    });
  }
  return errors;
}

/** Intervals as stored: each day sorted by start. */
export const sortedWeek = (week: TBusinessCalendarInput['week']) => week.map((day) => [...day].sort((a, b) => minutesOfDay(a.start) - minutesOfDay(b.start)));
