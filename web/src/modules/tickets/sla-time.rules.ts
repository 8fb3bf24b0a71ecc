/** Targets are stored in business minutes and edited in business hours (0.5 = 30 minutes). */
export const minutesToHours = (m: number | null | undefined): number | null => (m ? Math.round((m / 60) * 100) / 100 : null);
export const hoursToMinutes = (h: number | null | undefined): number | null => (h ? Math.max(1, Math.round(h * 60)) : null);

const zh = (lang: string) => lang.startsWith('zh');

/** A span as people say it: "2 h 15 min" / "2小时15分钟", days past 24 hours ("3 d 4 h"). */
export function formatSpan(minutes: number, lang: string): string {
  const m = Math.max(0, Math.round(minutes));
  const d = Math.floor(m / 1440);
  const h = Math.floor((m % 1440) / 60);
  const min = m % 60;
  const unit = zh(lang) ? { d: '天', h: '小时', m: '分钟' } : { d: ' d', h: ' h', m: ' min' };
  const parts = d ? [`${d}${unit.d}`, h ? `${h}${unit.h}` : ''] : h ? [`${h}${unit.h}`, min ? `${min}${unit.m}` : ''] : [`${min}${unit.m}`];
  return parts.filter(Boolean).join(zh(lang) ? '' : ' ');
}

/** A policy's target in business hours: "8 business h" / "8 工作小时", under an hour in minutes. */
export function formatTarget(minutes: number, lang: string): string {
  if (minutes < 60) return zh(lang) ? `${minutes} 工作分钟` : `${minutes} business min`;
  const h = minutesToHours(minutes);
  return zh(lang) ? `${h} 工作小时` : `${h} business h`;
}

export type TargetState = 'met' | 'met_late' | 'ok' | 'due_soon' | 'overdue' | 'paused';

/**
 * One target on the ticket page: met (in time or late) once done, paused while the ticket waits on
 * the customer (the resolution clock), else on track, due soon (within the warning window) or overdue.
 */
export function targetState(o: { dueAt: Date; doneAt: Date | null; paused: boolean; now: Date; warnMinutes: number }): TargetState {
  if (o.doneAt) return o.doneAt > o.dueAt ? 'met_late' : 'met';
  if (o.now >= o.dueAt) return 'overdue';
  if (o.paused) return 'paused';
  return o.dueAt.getTime() - o.now.getTime() <= o.warnMinutes * 60_000 ? 'due_soon' : 'ok';
}
