import { z } from 'zod';
import type { Tx } from '#db/tx.ts';
import type { FieldError } from '../errors/app-error.ts';
import { toE164 } from '../phones.ts';
import { referencesExist } from '../records/related.repo.ts';
import { customValueTaken, userExists } from './custom-fields.repo.ts';
import type { CustomFieldDef } from './custom-fields.types.ts';

type Check = { ok: true; value: unknown } | { ok: false; message: string; params?: Record<string, unknown> };

const MAX_LENGTH = { text: 1000, longtext: 20000, url: 2000, email: 254 } as const;
/** YYYY-MM-DD naming a real day: Date.parse alone takes 2026-02-30 (as 2 March). */
const isCalendarDate = (value: unknown): value is string => {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const time = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === value;
};
const ok = (value: unknown): Check => ({ ok: true, value });
const fail = (message: string, params?: Record<string, unknown>): Check => ({ ok: false, message, ...(params ? { params } : {}) });

/** Checks and normalizes one value against its definition (pure; no database). */
export function checkValue(def: Pick<CustomFieldDef, 'type' | 'options'>, value: unknown): Check {
  const options = def.options.map((o) => o.value);
  switch (def.type) {
    case 'text':
    case 'longtext':
      if (typeof value !== 'string') return fail('fields.bad_type', { expected: 'text' });
      return value.length > MAX_LENGTH[def.type] ? fail('fields.too_long', { max: MAX_LENGTH[def.type] }) : ok(value);
    case 'url':
      return typeof value === 'string' && z.url({ protocol: /^https?$/ }).safeParse(value).success ? ok(value) : fail('fields.invalid_url');
    case 'email':
      return typeof value === 'string' && z.email().safeParse(value).success ? ok(value.trim()) : fail('fields.invalid_email');
    case 'phone': {
      const e164 = typeof value === 'string' ? toE164(value) : null;
      return e164 ? ok(e164) : fail('fields.invalid_phone');
    }
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? ok(value) : fail('fields.invalid_number');
    case 'decimal': {
      const text = typeof value === 'number' ? String(value) : value;
      return typeof text === 'string' && /^-?\d{1,18}(\.\d{1,6})?$/.test(text) ? ok(text) : fail('fields.invalid_number');
    }
    case 'date':
      return isCalendarDate(value) ? ok(value) : fail('fields.invalid_date');
    case 'datetime':
      return typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? ok(new Date(value).toISOString()) : fail('fields.invalid_date');
    case 'boolean':
      return typeof value === 'boolean' ? ok(value) : fail('fields.bad_type', { expected: 'true/false' });
    case 'select':
      return typeof value === 'string' && options.includes(value) ? ok(value) : fail('fields.invalid_option');
    case 'multiselect':
      return Array.isArray(value) && value.every((v) => typeof v === 'string' && options.includes(v)) ? ok([...new Set(value)]) : fail('fields.invalid_option');
    case 'user':
      return typeof value === 'string' && z.uuid().safeParse(value).success ? ok(value) : fail('fields.invalid_user');
    case 'lookup':
      return typeof value === 'string' && z.uuid().safeParse(value).success ? ok(value) : fail('fields.invalid_reference', { object: 'record' });
  }
}

/** A lookup's value names a live record of its target object. */
async function lookupExists(tx: Tx, o: ValidateCustomOptions, def: CustomFieldDef, id: string): Promise<boolean> {
  const table = def.target ? await o.targetTable(def.target) : undefined;
  return !!table && (await referencesExist(tx, table, id));
}

const isEmpty = (v: unknown) => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

export type ValidateCustomOptions = {
  defs: CustomFieldDef[];
  input: Record<string, unknown> | undefined;
  /** The stored values when updating; undefined on create (defaults and required apply). */
  existing?: Record<string, unknown> | undefined;
  table: string;
  recordId: string | null;
  objectLabel: string;
  /** The table of a lookup's target object (the registry's `tableOf`). */
  targetTable: (target: string) => Promise<string | undefined>;
};

/** Validates custom values on write; returns the merged `custom` object or field errors. */
export async function validateCustom(tx: Tx, o: ValidateCustomOptions): Promise<{ value: Record<string, unknown>; errors: FieldError[] }> {
  const errors: FieldError[] = [];
  const input = o.input ?? {};
  const value: Record<string, unknown> = { ...(o.existing ?? {}) };
  const byKey = new Map(o.defs.map((d) => [d.key, d]));
  for (const key of Object.keys(input)) if (!byKey.has(key)) errors.push({ field: `custom.${key}`, message: 'fields.unknown_field' });
  for (const def of o.defs) {
    const field = `custom.${def.key}`;
    const given = Object.hasOwn(input, def.key);
    let candidate = given ? input[def.key] : o.existing ? value[def.key] : def.defaultValue;
    if (isEmpty(candidate)) {
      if (def.required && (given || !o.existing)) errors.push({ field, message: 'fields.required' });
      delete value[def.key];
      continue;
    }
    if (!given && o.existing) continue;
    const checked = checkValue(def, candidate);
    if (!checked.ok) {
      errors.push({ field, message: checked.message, ...(checked.params ? { params: checked.params } : {}) });
      continue;
    }
    candidate = checked.value;
    if (def.type === 'user' && !(await userExists(tx, candidate as string))) errors.push({ field, message: 'fields.invalid_user' });
    else if (def.type === 'lookup' && !(await lookupExists(tx, o, def, candidate as string)))
      errors.push({ field, message: 'fields.invalid_reference', params: { object: def.target ?? 'record' } });
    else if (def.unique && (await customValueTaken(tx, o.table, def.key, candidate, o.recordId))) {
      errors.push({ field, message: 'fields.not_unique', params: { object: o.objectLabel } });
    } else value[def.key] = candidate;
  }
  return { value, errors };
}
