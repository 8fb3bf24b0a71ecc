/** Full-width ASCII (Ａ１＠) to half-width, trimmed, inner runs of spaces collapsed. */
export function cleanText(value: string): string {
  return value
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const pad = (n: string) => n.padStart(2, '0');
const validDate = (y: string, m: string, d: string) => {
  const iso = `${y}-${pad(m)}-${pad(d)}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(iso) ? iso : null;
};

/** 2024-01-05, 2024/1/5, 2024年1月5日, 2024.1.5, 05.01.2024 (day first), 20240105, Excel serials. */
export function parseDate(value: string): string | null {
  let m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(value);
  if (m) return validDate(m[1] as string, m[2] as string, m[3] as string);
  m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(value);
  if (m) return validDate(m[3] as string, m[2] as string, m[1] as string);
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(value);
  if (m) return validDate(m[1] as string, m[2] as string, m[3] as string);
  if (/^\d{4,5}(\.\d+)?$/.test(value)) {
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
