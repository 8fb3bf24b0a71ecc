import type { Locale } from '#platform/i18n/i18n.ts';

const LANGUAGE_KEYS = ['language', 'locale', 'preferredLanguage'];
const HAN = /\p{Script=Han}/u;
const LATIN_ONLY = /^[\p{Script=Latin}\s.'’-]+$/u;

/** zh / zh-CN / 中文 / Chinese → zh-CN; en / English / 英文 → en; anything else → null. */
function asLocale(value: unknown): Locale | null {
  const v = typeof value === 'string' ? value.trim().toLowerCase() : '';
  if (!v) return null;
  if (v.startsWith('zh') || v.includes('中文') || v.includes('chinese') || v === '汉语') return 'zh-CN';
  if (v.startsWith('en') || v.includes('英')) return 'en';
  return null;
}

function declared(r: Record<string, unknown> | null | undefined): Locale | null {
  if (!r) return null;
  const custom = (r.custom ?? {}) as Record<string, unknown>;
  for (const key of LANGUAGE_KEYS) {
    const found = asLocale(r[key]) ?? asLocale(custom[key]);
    if (found) return found;
  }
  return null;
}

/**
 * The language an e-mail to a record's recipient is written in: a language field of the contact
 * (or the record) when there is one; else the script of the recipient's name (汉字 → zh-CN,
 * Latin letters only → en); else the company's language. The sender can always choose another.
 */
export function recipientLocaleOf(o: { contact: Record<string, unknown> | null; record: Record<string, unknown> | null; fallback: Locale }): Locale {
  const explicit = declared(o.contact) ?? declared(o.record);
  if (explicit) return explicit;
  const name = [o.contact?.name, o.record?.name].find((n): n is string => typeof n === 'string' && n.trim() !== '');
  if (name && HAN.test(name)) return 'zh-CN';
  if (name && LATIN_ONLY.test(name)) return 'en';
  return o.fallback;
}
