import type { CustomFieldDef } from '#platform/custom-fields/custom-fields.types.ts';
import type { FieldError } from '#platform/errors/app-error.ts';
import { toE164 } from '#platform/phones.ts';
import type { CountryCode } from 'libphonenumber-js';
import { cleanText, parseBoolean, parseDate, parseGender, parseMoney, parseNumber, splitList } from './cleaning.rules.ts';
import type { ImportCell, ImportSpec } from '#platform/objects/import-spec.ts';

export type MappingEntry = { column: number; field: string };
/**
 * `refs`: the cells of the spec's `refs` fields and `owner`, resolved later (other records by name,
 * types, dates); `parentName`: the cell naming the parent record (a contact's company).
 */
export type RowInput = { input: Record<string, unknown>; parentName: string | null; refs: Record<string, string>; errors: FieldError[] };

const ADDRESS = new Set(['country', 'province', 'city', 'district', 'street', 'postcode']);

function customValue(def: CustomFieldDef, value: string): { value: unknown } | { error: string } {
  switch (def.type) {
    case 'number': {
      const n = parseNumber(value);
      return n === null ? { error: 'fields.invalid_number' } : { value: Number(n) };
    }
    case 'decimal':
      return { value: parseNumber(value) ?? value };
    case 'date':
      return { value: parseDate(value) ?? value };
    case 'boolean': {
      const b = parseBoolean(value);
      return b === null ? { error: 'fields.bad_type' } : { value: b };
    }
    case 'select':
      return { value: def.options.find((o) => o.value === value || o.label.zh === value || o.label.en === value)?.value ?? value };
    case 'multiselect':
      return { value: splitList(value).map((v) => def.options.find((o) => o.value === v || o.label.zh === v || o.label.en === v)?.value ?? v) };
    default:
      return { value };
  }
}

/** A cell of a field the spec reads as `cell`; a value that does not read stays as text for the schema to refuse. */
function readCell(cell: ImportCell, field: string, value: string, input: Record<string, unknown>): void {
  switch (cell) {
    case 'list':
      input[field] = splitList(value);
      return;
    case 'gender':
      input[field] = parseGender(value) ?? value;
      return;
    case 'date':
      input[field] = parseDate(value) ?? value;
      return;
    case 'integer': {
      const n = parseNumber(value);
      input[field] = n === null ? value : Number(n);
      return;
    }
    case 'decimal':
      input[field] = parseNumber(value) ?? value;
      return;
    case 'money': {
      // The amount's currency (¥, USD) fills `currency` unless a currency column already did.
      const money = parseMoney(value);
      input[field] = money?.amount ?? value;
      if (money?.currency && !input.currency) input.currency = money.currency;
      return;
    }
    case 'currency':
      input[field] = value.toUpperCase();
      return;
    case 'percent': {
      const n = parseNumber(value.replace(/%$/, ''));
      input[field] = n === null ? value : Number(n);
      return;
    }
  }
}

/**
 * A number valid in the tenant's region but read differently (or not at all) under the record
 * service's default (CN) is stored in E.164, so the region is not lost.
 */
function regional(number: string, region: string | undefined): string {
  if (!region || region === 'CN' || /^(\+|00)/.test(number)) return number;
  const local = toE164(number, region as CountryCode);
  return local && local !== toE164(number) ? local : number;
}

/** One file row -> the API's create/update input; cleaning errors are collected per field. */
export function rowToInput(spec: ImportSpec, row: string[], mapping: MappingEntry[], customDefs: CustomFieldDef[], phoneRegion?: string): RowInput {
  const input: Record<string, unknown> = {};
  const errors: FieldError[] = [];
  const address: Record<string, string> = {};
  const phones: { label?: string; number: string }[] = [];
  const custom: Record<string, unknown> = {};
  let parentName: string | null = null;
  const refs: Record<string, string> = {};
  // Objects without an address (leads) keep province and city as plain fields.
  const addressFields = spec.address ? ADDRESS : new Set<string>();
  const refFields = new Set([...(spec.refs ?? []), 'owner']);
  for (const { column, field } of mapping) {
    const value = cleanText(row[column] ?? '');
    if (value === '') continue;
    if (field.startsWith('custom.')) {
      const def = customDefs.find((d) => `custom.${d.key}` === field);
      if (!def) continue;
      const result = customValue(def, value);
      if ('error' in result) errors.push({ field, message: result.error });
      else custom[def.key] = result.value;
    } else if (addressFields.has(field)) address[field] = value;
    else if (refFields.has(field)) refs[field] = value;
    else if (field === spec.parent?.field) parentName = value;
    else if (field === 'phone' || field === 'mobile') phones.push({ label: field, number: regional(value, phoneRegion) });
    else if (field === 'email') input.emails = [...((input.emails as unknown[]) ?? []), { address: value.toLowerCase() }];
    else {
      const cell = spec.cells?.[field];
      if (cell) readCell(cell, field, value, input);
      else input[field] = value;
    }
  }
  if (phones.length) input.phones = phones;
  if (Object.keys(address).length) input.address = address;
  if (Object.keys(custom).length) input.custom = custom;
  return { input, parentName, refs, errors };
}
