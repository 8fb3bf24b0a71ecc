import { displayTimeZone } from './time-zone';

/**
 * Locale-aware formatting. Amounts arrive as decimal strings and are never turned into floats for
 * arithmetic. Instants are shown in the user's saved zone (see time-zone.ts) unless one is passed.
 */
const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

export type PersonName = { name?: string | null; familyName?: string | null; givenName?: string | null };

/** Chinese names read family-then-given with no space (张伟); Western names keep given-family. */
export function formatPersonName(p: PersonName): string {
  const family = p.familyName?.trim() ?? '';
  const given = p.givenName?.trim() ?? '';
  if (family || given) {
    if (CJK.test(family) || CJK.test(given)) return `${family}${given}`;
    return [given, family].filter(Boolean).join(' ');
  }
  return p.name?.trim() ?? '';
}

export function formatNumber(value: number | string | null | undefined, lang: string): string {
  if (value === null || value === undefined || value === '') return '';
  const n = typeof value === 'string' ? Number(value) : value;
  if (Number.isNaN(n)) return String(value);
  // Intl accepts decimal strings and formats them exactly; keep the string when we have one.
  return new Intl.NumberFormat(lang).format(value as unknown as number);
}

export function formatMoney(amount: number | string | null | undefined, currency: string | null | undefined, lang: string): string {
  if (amount === null || amount === undefined || amount === '') return '';
  const code = currency || 'CNY';
  try {
    return new Intl.NumberFormat(lang, { style: 'currency', currency: code }).format(amount as unknown as number);
  } catch {
    return `${formatNumber(amount, lang)} ${code}`;
  }
}

/** A plain date (YYYY-MM-DD) as written, or the calendar day of an instant in the display zone. */
export function formatDate(iso: string | null | undefined, lang: string, timeZone: string = displayTimeZone()): string {
  if (!iso) return '';
  const plain = /^\d{4}-\d{2}-\d{2}$/.test(iso);
  const d = new Date(plain ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(d.getTime())) return iso;
  // Plain dates carry no zone; show them as written.
  return new Intl.DateTimeFormat(lang, { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: plain ? 'UTC' : timeZone }).format(d);
}

export function formatDateTime(iso: string | null | undefined, lang: string, timeZone: string = displayTimeZone()): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(lang, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  }).format(d);
}

/** The time of day of an instant in the display zone (14:05). */
export function formatTime(iso: string | null | undefined, lang: string, timeZone: string = displayTimeZone()): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(lang, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(d);
}

/** The calendar day (YYYY-MM-DD) an instant falls on in a zone: "today" and "overdue" depend on it. */
export function dayInZone(at: Date | string, timeZone: string = displayTimeZone()): string {
  const d = typeof at === 'string' ? new Date(at) : at;
  return new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone }).format(d);
}

/** "3 minutes ago" style, via Intl.RelativeTimeFormat. */
export function formatRelative(iso: string, lang: string, now: Date = new Date()): string {
  const diff = (new Date(iso).getTime() - now.getTime()) / 1000;
  const rtf = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' });
  const abs = Math.abs(diff);
  if (abs < 60) return rtf.format(Math.round(diff), 'second');
  if (abs < 3600) return rtf.format(Math.round(diff / 60), 'minute');
  if (abs < 86400) return rtf.format(Math.round(diff / 3600), 'hour');
  if (abs < 86400 * 30) return rtf.format(Math.round(diff / 86400), 'day');
  if (abs < 86400 * 365) return rtf.format(Math.round(diff / (86400 * 30)), 'month');
  return rtf.format(Math.round(diff / (86400 * 365)), 'year');
}
