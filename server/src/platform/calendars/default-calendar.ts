import type { CalendarDay, WorkInterval } from './business-time.ts';

const h = (start: string, end: string): WorkInterval => ({ start, end });
/** Mon–Fri 09:00–18:00. */
export const DEFAULT_WEEK: WorkInterval[][] = [
  [h('09:00', '18:00')],
  [h('09:00', '18:00')],
  [h('09:00', '18:00')],
  [h('09:00', '18:00')],
  [h('09:00', '18:00')],
  [],
  [],
];

const range = (name: string, from: string, days: number): CalendarDay[] =>
  Array.from({ length: days }, (_, i) => {
    const d = new Date(`${from}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + i);
    return { date: d.toISOString().slice(0, 10), name };
  });

/**
 * Mainland China's public holidays and make-up working days (调休) as the State Council published them
 * (国务院办公厅关于2026年部分节假日安排的通知). The 2027 notice is not in any source this build can reach:
 * admins add it in Settings > Business hours when it is published.
 */
export const CHINA_HOLIDAYS: CalendarDay[] = [
  ...range('元旦', '2026-01-01', 3),
  ...range('春节', '2026-02-15', 9),
  ...range('清明节', '2026-04-04', 3),
  ...range('劳动节', '2026-05-01', 5),
  ...range('端午节', '2026-06-19', 3),
  ...range('中秋节', '2026-09-25', 3),
  ...range('国庆节', '2026-10-01', 7),
];
export const CHINA_WORKDAYS: CalendarDay[] = [
  { date: '2026-01-04', name: '元旦调休' },
  { date: '2026-02-14', name: '春节调休' },
  { date: '2026-02-28', name: '春节调休' },
  { date: '2026-05-09', name: '劳动节调休' },
  { date: '2026-09-20', name: '国庆节调休' },
  { date: '2026-10-10', name: '国庆节调休' },
];

const CHINA_ZONES = new Set(['Asia/Shanghai', 'Asia/Chongqing', 'Asia/Harbin', 'Asia/Urumqi', 'PRC']);

/** A new tenant's default calendar: Mon–Fri 9–18 in its zone, with China's holidays when the zone is China's. */
export function defaultCalendarFor(timeZone: string) {
  const china = CHINA_ZONES.has(timeZone);
  return {
    name: china ? '标准工作时间' : 'Standard hours',
    timeZone,
    week: DEFAULT_WEEK,
    holidays: china ? CHINA_HOLIDAYS : [],
    workdays: china ? CHINA_WORKDAYS : [],
  };
}
