import dayjs, { type Dayjs } from 'dayjs';
import { fromWallClock, toWallClock } from './time-zone';

/** An instant as a picker value showing the user's wall clock (pickers live in the browser's zone). */
export function toPickerValue(iso: unknown): Dayjs | undefined {
  return typeof iso === 'string' && iso ? dayjs(toWallClock(iso)) : undefined;
}

/** A picked wall-clock time, read in the user's zone, as a UTC ISO instant for the API. */
export function fromPickerValue(d: Dayjs): string {
  return fromWallClock(d.toDate());
}

/** "Now" as the user's wall clock, for defaults such as "tomorrow 18:00". */
export const pickerNow = (): Dayjs => dayjs(toWallClock(new Date().toISOString()));
