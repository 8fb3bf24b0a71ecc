import { wallTimeToUtc } from '#platform/time/zones.ts';

/**
 * Unicode NFKC (full-width Ａ１＠（ and the ideographic space to half-width, half-width ｶﾅ to
 * full-width カナ; characters outside the BMP such as 𠮷 kept), trimmed, inner runs of spaces collapsed.
 */
export function cleanText(value: string): string {
  return value.normalize('NFKC').replace(/\s+/g, ' ').trim();
}

const pad = (n: string) => n.padStart(2, '0');
const validDate = (y: string, m: string, d: string) => {
  const iso = `${y}-${pad(m)}-${pad(d)}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(iso) ? iso : null;
};

/**
 * 2024-01-05, 2024/1/5, 2024年1月5日, 2024.1.5, 05.01.2024 (day first), 20240105, and Excel serials
 * of five digits (10000-99999: 1927-05-18 to 2173-10-14). A four-digit number is refused (null), not
 * guessed: `2024` is a year far more often than the serial of 1905-07-16.
 */
export function parseDate(value: string): string | null {
  let m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(value);
  if (m) return validDate(m[1] as string, m[2] as string, m[3] as string);
  m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(value);
  if (m) return validDate(m[3] as string, m[2] as string, m[1] as string);
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(value);
  if (m) return validDate(m[1] as string, m[2] as string, m[3] as string);
  if (/^\d{5}(\.\d+)?$/.test(value)) {
    // Excel's day 1 is 1900-01-01, counting the phantom 1900-02-29.
    const date = new Date(Date.UTC(1899, 11, 30) + Math.floor(Number(value)) * 86_400_000);
    return date.toISOString().slice(0, 10);
  }
  return null;
}

/** 1,234.50 / 1 234 -> "1234.50"; null when not a number. */
export function parseNumber(value: string): string | null {
  const text = value.replace(/[,\s]/g, '');
  return /^-?\d+(\.\d+)?$/.test(text) ? text : null;
}

const TRUE = new Set(['true', 'yes', 'y', '1', '是', '对', 't']);
const FALSE = new Set(['false', 'no', 'n', '0', '否', '不', 'f']);
export const parseBoolean = (value: string): boolean | null => (TRUE.has(value.toLowerCase()) ? true : FALSE.has(value.toLowerCase()) ? false : null);

const GENDERS: Record<string, 'male' | 'female' | 'other'> = {
  男: 'male',
  女: 'female',
  m: 'male',
  f: 'female',
  male: 'male',
  female: 'female',
  其他: 'other',
  other: 'other',
};
export const parseGender = (value: string) => GENDERS[value.toLowerCase()] ?? null;

/** Tags and multi-selects: 甲,乙;丙、丁 */
export const splitList = (value: string) =>
  value
    .split(/[,;，；、|]/)
    .map((v) => v.trim())
    .filter(Boolean);

const CURRENCY_SIGNS: [RegExp, string][] = [
  [/^(人民币|rmb|元|¥|￥)|(元|人民币|rmb)$/i, 'CNY'],
  [/^(us\$|\$)|(美元|美金)$/i, 'USD'],
  [/^€|欧元$/, 'EUR'],
  [/^£|英镑$/, 'GBP'],
  [/^hk\$|港币$|港元$/i, 'HKD'],
];

/** "¥12,000" / "12000 CNY" / "USD 5,000.5" / "3万元" -> amount and the currency it names (null when it names none). */
export function parseMoney(value: string): { amount: string; currency: string | null } | null {
  let text = value.replace(/[,\s]/g, '');
  let currency: string | null = null;
  const code = /^([A-Za-z]{3})(?=[\d.])|(?<=\d)([A-Za-z]{3})$/.exec(text);
  if (code && !/^rmb$/i.test(code[0])) {
    currency = code[0].toUpperCase();
    text = text.replace(code[0], '');
  }
  for (const [sign, iso] of CURRENCY_SIGNS) {
    if (!sign.test(text)) continue;
    currency ??= iso;
    text = text.replace(sign, '');
  }
  // 万 (ten thousand) is how Chinese sheets often write deal sizes.
  const wan = /万$/.test(text);
  if (wan) text = text.slice(0, -1);
  const n = parseNumber(text);
  if (n === null) return null;
  if (!wan) return { amount: n, currency };
  const [whole = '0', frac = ''] = n.split('.');
  const scaled = `${whole}${frac.padEnd(4, '0')}`.replace(/^(-?)0+(?=\d)/, '$1');
  const cut = frac.length > 4 ? `.${frac.slice(4)}` : '';
  return { amount: `${scaled}${cut}`, currency };
}

/**
 * A date or date-time cell -> ISO timestamp. Wall times without an offset are read in the
 * tenant's zone (a sheet says "14:30" meaning the office's afternoon); a bare date is 09:00 there.
 */
export function parseDateTime(value: string, timeZone: string): string | null {
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(value)) {
    const d = new Date(value);
    return Number.isNaN(d.getTime()) ? null : d.toISOString();
  }
  const m = /^(.+?)(?:[ T]+(\d{1,2})[:：](\d{2})(?:[:：](\d{2}))?)?$/.exec(value);
  const date = m?.[1] ? parseDate(m[1]) : null;
  if (!m || !date) return null;
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  const h = m[2] === undefined ? 9 : Number(m[2]);
  if (h > 23 || Number(m[3] ?? 0) > 59) return null;
  const wall = Date.UTC(y, mo - 1, d, h, Number(m[3] ?? 0), Number(m[4] ?? 0));
  return new Date(wallTimeToUtc(wall, timeZone)).toISOString();
}
