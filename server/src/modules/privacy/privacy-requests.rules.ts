import { digitsOf, toE164 } from '#platform/phones.ts';
import type { REQUEST_LAWS } from './requests.schema.ts';

/** Statutory answer periods: PIPL (实施细则 practice) 15 days, GDPR art. 12(3) one month. */
export const DEADLINE_DAYS: Record<(typeof REQUEST_LAWS)[number], number> = { pipl: 15, gdpr: 30 };

const DAY = 86_400_000;

/** The deadline: `days` (the tenant's setting for the law) after the day it arrived. */
export const dueDateOf = (law: (typeof REQUEST_LAWS)[number], receivedAt: Date, days: number = DEADLINE_DAYS[law]): Date =>
  new Date(receivedAt.getTime() + days * DAY);

/** What an erased person's required name becomes: the record stays (deals keep amounts), the person does not. */
export const TOMBSTONE = '已擦除 Erased';

/** z***@example.com: enough for the handler to recognise the request, not to find the person. */
export function maskEmail(email: string): string {
  const at = email.indexOf('@');
  if (at < 1) return '***';
  return `${email[0]}***${email.slice(at)}`;
}

/** +86138****8000 */
export function maskPhone(phone: string): string {
  if (phone.length <= 7) return '***';
  return `${phone.slice(0, 6)}****${phone.slice(-4)}`;
}

export type Subject = { email: string | null; phone: string | null; phoneDigits: string[] };

/** The subject as matched: a lower-case e-mail, a phone in E.164 (or as typed, when it is not a valid number) and its digit forms. */
export function subjectOf(o: { email?: string | null; phone?: string | null }): Subject {
  const email = o.email?.trim().toLowerCase() || null;
  const raw = o.phone?.trim() || null;
  const phone = raw ? (toE164(raw) ?? raw) : null;
  const digits = phone ? digitsOf(phone) : '';
  // +8613800138000 is stored beside 13800138000 as typed: both digit forms find it.
  const national = phone?.startsWith('+86') ? digits.slice(2) : null;
  return { email, phone, phoneDigits: [digits, ...(national ? [national] : [])].filter((d) => d.length >= 5) };
}

const EMAIL = /[^\s"'<>@,;:()]+@[^\s"'<>@,;:()]+\.[^\s"'<>@,;:()]+/g;
const CJK = /[\u3400-\u9fff]/;
const DATE = /^\d{4}-\d{2}-\d{2}/;

export type Identifiers = {
  /** E-mail addresses and phone numbers: unique to the person, replaced wherever they appear in the tenant. */
  unique: string[];
  /** Names: replaced only in rows that point at the person's records (another 张伟 keeps his name). */
  names: string[];
};

/** Everything that identifies the person, gathered from the personal values of their records. */
export function identifiersOf(o: { subject: Subject; values: unknown[]; names: unknown[] }): Identifiers {
  const unique = new Set<string>();
  if (o.subject.email) unique.add(o.subject.email);
  // A phone in every form it is written in: as typed, E.164, and its digits (with and without +86).
  const phone = (value: string) => {
    const digits = digitsOf(value);
    unique.add(value.trim());
    unique.add(digits);
    if (value.trim().startsWith('+86') && digits.length > 9) unique.add(digits.slice(2));
  };
  if (o.subject.phone) phone(o.subject.phone);
  const visit = (value: unknown): void => {
    if (value == null) return;
    if (typeof value === 'string') {
      for (const m of value.matchAll(EMAIL)) unique.add(m[0].toLowerCase());
      // A phone as typed (138 0013 8000) or in E.164: long enough to be the person's, not a year or an amount.
      if (/^\+?[\d\s().-]{7,}$/.test(value) && !DATE.test(value) && digitsOf(value).length >= 7) phone(value);
      return;
    }
    if (Array.isArray(value)) value.forEach(visit);
    else if (typeof value === 'object') Object.values(value).forEach(visit);
  };
  o.values.forEach(visit);
  const names = new Set<string>();
  for (const n of o.names) {
    if (typeof n !== 'string') continue;
    const name = n.trim();
    if (name && name !== TOMBSTONE && (CJK.test(name) ? name.length >= 2 : name.length >= 3)) names.add(name);
  }
  return { unique: [...unique], names: [...names] };
}

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A PostgreSQL regular expression (case-insensitive use) matching any of the strings; names in
 * Latin script only as whole words (`\m...\M`), Chinese names anywhere. Null for no strings.
 */
export function patternOf(strings: string[], words = false): string | null {
  if (!strings.length) return null;
  const parts = [...strings]
    .sort((a, b) => b.length - a.length)
    .map((s) => {
      // Digits are never cut out of a longer number (an amount, another phone).
      if (/^\+?[\d\s().-]+$/.test(s)) return `(?<![0-9])${escapeRegex(s)}(?![0-9])`;
      return words && !CJK.test(s) ? `\\m${escapeRegex(s)}\\M` : escapeRegex(s);
    });
  return parts.join('|');
}
