import { dayText, zonedParts } from '#platform/time/zones.ts';

export type WorkingCalendar = {
  /** ISO weekdays that are working days: 1 = Monday ... 7 = Sunday. */
  workingDays: number[];
  /** Dates (YYYY-MM-DD, in the tenant's zone) that are not working days. */
  holidays: string[];
  timeZone: string;
};

/** The calendar date and ISO weekday of an instant in a zone. */
export function localDate(at: Date, timeZone: string): { date: string; weekday: number } {
  const parts = zonedParts(at, timeZone);
  return { date: dayText(parts), weekday: parts.weekday };
}

/** Whether `at` falls on a working day in the tenant's own zone (a Monday in Shanghai is still Sunday in UTC). */
export function isWorkingDay(at: Date, cal: WorkingCalendar): boolean {
  const { date, weekday } = localDate(at, cal.timeZone);
  return cal.workingDays.includes(weekday) && !cal.holidays.includes(date);
}
