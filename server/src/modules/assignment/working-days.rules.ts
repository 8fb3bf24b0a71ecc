export type WorkingCalendar = {
  /** ISO weekdays that are working days: 1 = Monday ... 7 = Sunday. */
  workingDays: number[];
  /** Dates (YYYY-MM-DD, in the tenant's zone) that are not working days. */
  holidays: string[];
  timeZone: string;
};

/** The calendar date and ISO weekday of an instant in a zone. */
export function localDate(at: Date, timeZone: string): { date: string; weekday: number } {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', weekday: 'short' }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const weekday = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(get('weekday')) + 1;
  return { date: `${get('year')}-${get('month')}-${get('day')}`, weekday };
}

/** Whether `at` falls on a working day in the tenant's own zone (a Monday in Shanghai is still Sunday in UTC). */
export function isWorkingDay(at: Date, cal: WorkingCalendar): boolean {
  const { date, weekday } = localDate(at, cal.timeZone);
  return cal.workingDays.includes(weekday) && !cal.holidays.includes(date);
}
