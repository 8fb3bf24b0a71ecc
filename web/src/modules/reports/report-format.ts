import { formatMoney } from '#shared/format/format';

/** A decimal string as the currency, in the UI language (¥1,234.50 / CN¥1,234.50). */
export const money = (amount: string | null | undefined, currency: string, lang: string) => formatMoney(amount ?? '0', currency, lang);

export const percentText = (value: number | null | undefined, lang: string) =>
  value === null || value === undefined ? '—' : new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(value) + '%';

export const daysText = (value: number | null | undefined, lang: string, unit: string) =>
  value === null || value === undefined ? '—' : `${new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(value)} ${unit}`;

/** Axis labels: 1.2万 / 12K. Charts plot numbers; the figures in tables stay exact strings. */
export const compact = (value: number, lang: string) => new Intl.NumberFormat(lang, { notation: 'compact', maximumFractionDigits: 1 }).format(value);

/** A decimal string as a number for plotting only (never summed). */
export const plot = (amount: string) => Number(amount);

/** "2026-11" as "2026年11月" / "Nov 2026". */
export const monthLabel = (month: string, lang: string) =>
  new Intl.DateTimeFormat(lang, { year: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`));
