import { Cron } from 'croner';

const cronOf = (expression: string, timeZone: string) => new Cron(expression, { timezone: timeZone, paused: true, mode: '5-part' });

/** Whether a five-field cron expression parses (minutes are the finest step: one tick job a minute fires rules). */
export function cronValid(expression: string, timeZone: string): boolean {
  try {
    cronOf(expression, timeZone).stop();
    return true;
  } catch {
    return false;
  }
}

/** The next moment after `after` the expression names in the tenant's zone, or null when it never comes again. */
export function nextRunAt(expression: string, timeZone: string, after: Date): Date | null {
  const cron = cronOf(expression, timeZone);
  const next = cron.nextRun(after);
  cron.stop();
  return next;
}
