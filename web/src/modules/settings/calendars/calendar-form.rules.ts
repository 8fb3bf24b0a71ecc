export const DAY_KEYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Interval = { start: string; end: string };
export type DatedDay = { date: string; name: string };

/** "2027-01-01 元旦" per line -> dated days; the numbers (1-based) of lines that do not start with a date. */
export function parseDays(text: string): { days: DatedDay[]; bad: number[] } {
  const days: DatedDay[] = [];
  const bad: number[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    const m = /^(\d{4}-\d{2}-\d{2})(?:[\s,，\t]+(.*))?$/.exec(line);
    if (m?.[1]) days.push({ date: m[1], name: (m[2] ?? '').trim() });
    else bad.push(i + 1);
  });
  return { days, bad };
}

export const daysText = (days: readonly DatedDay[]) => days.map((d) => (d.name ? `${d.date} ${d.name}` : d.date)).join('\n');

/** "Mon–Fri 09:00–12:00, 13:00–18:00 · Sat 10:00–14:00": runs of days with the same hours. */
export function weekSummary(week: readonly (readonly Interval[])[], dayNames: readonly string[], closed: string): string {
  const key = (d: readonly Interval[]) => d.map((i) => `${i.start}–${i.end}`).join(', ');
  const parts: string[] = [];
  for (let i = 0; i < 7; ) {
    let j = i;
    while (j + 1 < 7 && key(week[j + 1] ?? []) === key(week[i] ?? [])) j++;
    const hours = key(week[i] ?? []);
    if (hours) parts.push(`${dayNames[i]}${j > i ? `–${dayNames[j]}` : ''} ${hours}`);
    i = j + 1;
  }
  return parts.join(' · ') || closed;
}
