import { addBusinessMinutes } from '#platform/calendars/business-time.ts';
import { findCalendar, loadCalendar } from '#platform/calendars/calendars.repo.ts';
import type { Tx } from '#db/tx.ts';
import type { TStep } from './approvals.schema.ts';
import type { Flow } from './flow.types.ts';

export type DueAfterOptions = { f: Flow; step: Pick<TStep, 'timeoutHours'> & { calendarId?: string | null | undefined } };
/**
 * When a task opened now goes unanswered: `timeoutHours` business hours on the step's calendar (or the
 * tenant's default), so a Friday-evening request's 2 hours end on Monday morning, not on Saturday.
 */
export async function dueAfter({ f, step }: DueAfterOptions): Promise<Date | null> {
  if (!step.timeoutHours) return null;
  const calendar = await loadCalendar(f.tx, { tenantId: f.ctx.tenantId, id: step.calendarId ?? null });
  return addBusinessMinutes({ calendar, from: f.now, minutes: step.timeoutHours * 60 });
}

/** The steps' calendars that do not exist, as `steps.<i>.calendarId` field errors. */
export async function unknownCalendars(tx: Tx, steps: readonly { calendarId?: string | null | undefined }[]) {
  const errors: { field: string; message: string }[] = [];
  for (const [i, s] of steps.entries())
    if (s.calendarId && !(await findCalendar(tx, s.calendarId))) errors.push({ field: `steps.${i}.calendarId`, message: 'approvals.unknown_calendar' });
  return errors;
}
