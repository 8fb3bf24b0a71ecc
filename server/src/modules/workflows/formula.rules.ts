import { Decimal } from 'decimal.js';
import { localDay } from '#platform/time/zones.ts';
import type { TValueSpec } from './workflows.schema.ts';

/** A record as the API shows it (custom fields under `custom`, `owner: {id, name}`). */
export type RecordView = Record<string, unknown>;

/** A formula that cannot give a value for this record (division by zero, not a number). */
export class FormulaError extends Error {}

const MERGE = /\{\{\s*([\w.]+)\s*\}\}/g;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** `name`, `custom.budget`, `owner.name`; `contact.name` on a contact rule reads `name`. */
export function readField(record: RecordView, path: string, object?: string): unknown {
  const parts = path.split('.');
  if (object && parts[0] === object && parts.length > 1) parts.shift();
  let value: unknown = record;
  for (const part of parts) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

/** The merge fields a template names, as written (`{{owner.name}}` -> `owner.name`). */
export const mergeFields = (template: string): string[] => [...template.matchAll(MERGE)].map((m) => m[1] as string);

const asText = (value: unknown): string => {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(asText).join(', ');
  if (typeof value === 'object') return 'name' in value ? asText((value as { name: unknown }).name) : JSON.stringify(value);
  return String(value);
};

/** Fills `{{field}}` merge fields from the record; an empty field gives an empty string. */
export const renderTemplate = (template: string, record: RecordView, object?: string): string =>
  template.replace(MERGE, (_, path: string) => asText(readField(record, path, object)));

/** Today's date (YYYY-MM-DD) in a time zone. */
export const todayIn = (now: Date, timeZone: string): string => localDay(now, timeZone);

/** A date (YYYY-MM-DD, kept a date) or a date-time (ISO, kept an instant) moved by whole days. */
export function addDays(value: string, days: number): string {
  if (DATE_ONLY.test(value)) {
    const d = new Date(`${value}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + days);
    return d.toISOString().slice(0, 10);
  }
  const t = Date.parse(value);
  if (Number.isNaN(t)) throw new FormulaError('not_a_date');
  return new Date(t + days * 86_400_000).toISOString();
}

function decimalOf(record: RecordView, operand: { field: string } | { number: string }): Decimal | null {
  const raw = 'number' in operand ? operand.number : readField(record, operand.field);
  if (raw === null || raw === undefined || raw === '') return null;
  try {
    return new Decimal(raw as Decimal.Value);
  } catch {
    throw new FormulaError('not_a_number');
  }
}

/** The value an "update field" action writes, computed from the record (money stays decimal). */
export function evaluateValue(spec: TValueSpec, record: RecordView, o: { now: Date; timeZone: string; object?: string }): unknown {
  switch (spec.kind) {
    case 'value':
      return spec.value ?? null;
    case 'template':
      return renderTemplate(spec.template, record, o.object);
    case 'addDays': {
      const base = spec.from === 'today' ? todayIn(o.now, o.timeZone) : readField(record, spec.from, o.object);
      if (base === null || base === undefined || base === '') return null;
      return addDays(String(base), spec.days);
    }
    case 'copy':
      return readField(record, spec.from, o.object) ?? null;
    case 'math': {
      const left = decimalOf(record, spec.left);
      const right = decimalOf(record, spec.right);
      if (!left || !right) return null;
      if (spec.op === 'div' && right.isZero()) throw new FormulaError('division_by_zero');
      const result =
        spec.op === 'add' ? left.plus(right) : spec.op === 'sub' ? left.minus(right) : spec.op === 'mul' ? left.times(right) : left.dividedBy(right);
      return result.toString();
    }
  }
}
