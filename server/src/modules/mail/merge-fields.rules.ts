import type { Locale } from '#platform/i18n/i18n.ts';
import { dateTimeFormat } from '#platform/time/zones.ts';

/** A bilingual text: what templates, notifications and their titles carry. */
export type Bilingual = { zh: string; en: string };

export type MergeRoot = 'contact' | 'owner' | 'record';
export const MERGE_ROOTS: readonly MergeRoot[] = ['contact', 'owner', 'record'];

/** The fields a template may name, per root (`custom.<key>` included as such). */
export type MergeCatalog = Record<MergeRoot, readonly string[]>;

/** Values to merge: API objects as the reading user sees them (masked already). */
export type MergeValues = Partial<Record<MergeRoot, Record<string, unknown> | null>>;

const FIELD = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** Every `{{path}}` named in the texts, once each, in order of first use. */
export function mergeFieldsOf(texts: readonly string[]): string[] {
  const seen = new Set<string>();
  for (const text of texts) for (const m of text.matchAll(FIELD)) seen.add(m[1] ?? '');
  return [...seen];
}

/** The paths a catalog accepts: `contact.name`, `owner.email`, `record.custom.budget`. */
export const catalogPaths = (catalog: MergeCatalog): string[] => MERGE_ROOTS.flatMap((root) => catalog[root].map((f) => `${root}.${f}`));

/** Merge fields in the texts that the catalog does not know (what a save refuses). */
export function unknownMergeFields(texts: readonly string[], catalog: MergeCatalog): string[] {
  const known = new Set(catalogPaths(catalog));
  return mergeFieldsOf(texts).filter((path) => !known.has(path));
}

const pick = (text: Bilingual | string, locale: Locale): string =>
  typeof text === 'string' ? text : locale === 'en' ? text.en || text.zh : text.zh || text.en;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const DECIMAL = /^-?\d+(\.\d+)?$/;

export type FormatOptions = { locale: Locale; timeZone: string };

/**
 * One value as the recipient reads it: dates and times in their locale (and time zone), money
 * (`amount`-like fields beside a `currency`) with the currency, lists joined, names of links.
 */
export function formatValue(value: unknown, o: FormatOptions & { key?: string; currency?: unknown }): string {
  if (value === null || value === undefined) return '';
  const lang = o.locale === 'en' ? 'en-US' : 'zh-CN';
  if (typeof value === 'boolean') return o.locale === 'en' ? (value ? 'Yes' : 'No') : value ? '是' : '否';
  if (typeof value === 'number') return new Intl.NumberFormat(lang).format(value);
  if (typeof value === 'string') {
    if (DATE.test(value)) return dateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${value}T00:00:00Z`));
    if (DATETIME.test(value) && !Number.isNaN(Date.parse(value)))
      return dateTimeFormat(lang, { dateStyle: 'long', timeStyle: 'short', timeZone: o.timeZone }).format(new Date(value));
    if (DECIMAL.test(value) && o.key && /amount/i.test(o.key) && typeof o.currency === 'string' && o.currency)
      // A decimal string keeps its digits: Intl formats strings exactly, never through a float.
      return new Intl.NumberFormat(lang, { style: 'currency', currency: o.currency }).format(value as unknown as number);
    return value;
  }
  if (Array.isArray(value))
    return value
      .map((v) => formatValue(v, { ...o, key: undefined }))
      .filter(Boolean)
      .join(o.locale === 'en' ? ', ' : '、');
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    for (const k of ['name', 'number', 'email', 'address', 'value']) if (typeof v[k] === 'string') return v[k] as string;
    // A postal address and the like: its parts in order.
    return Object.values(v)
      .filter((part) => typeof part === 'string' && part)
      .join(o.locale === 'en' ? ', ' : '');
  }
  return String(value);
}

function lookup(values: MergeValues, path: string, o: FormatOptions): string {
  const [root, ...rest] = path.split('.');
  const source = values[root as MergeRoot];
  if (!source) return '';
  let holder: Record<string, unknown> = source;
  for (const part of rest.slice(0, -1)) holder = (holder[part] as Record<string, unknown> | null | undefined) ?? {};
  const key = rest.at(-1) ?? '';
  return formatValue(holder[key], { ...o, key, currency: source.currency });
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export type RenderTemplateOptions = {
  template: { subject: Bilingual | string; body: Bilingual | string };
  locale: Locale;
  /** The recipient's time zone for date-times; UTC if unknown. */
  timeZone?: string;
  values: MergeValues;
};

export type RenderedMail = { subject: string; text: string; html: string };

/**
 * Fills a template in the recipient's language. Values are inserted as given (masked already);
 * in the HTML part they are escaped, so a record's text cannot inject markup.
 */
export function renderTemplate(o: RenderTemplateOptions): RenderedMail {
  const f: FormatOptions = { locale: o.locale, timeZone: o.timeZone ?? 'UTC' };
  const fill = (text: string, encode: (s: string) => string) => text.replace(FIELD, (_, path: string) => encode(lookup(o.values, path, f)));
  const subject = fill(pick(o.template.subject, o.locale), (s) => s.replace(/[\r\n]+/g, ' '));
  const body = pick(o.template.body, o.locale);
  const text = fill(body, (s) => s);
  const html = fill(escapeHtml(body), escapeHtml)
    .split(/\n{2,}/)
    .map((p) => `<p>${p.replace(/\n/g, '<br>')}</p>`)
    .join('\n');
  return { subject, text, html };
}
