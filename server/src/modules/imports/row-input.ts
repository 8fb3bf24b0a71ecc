import type { CustomFieldDef } from '#platform/custom-fields/custom-fields.types.ts';
import type { FieldError } from '#platform/errors/app-error.ts';
import { toE164 } from '#platform/phones.ts';
import type { CountryCode } from 'libphonenumber-js';
import { cleanText, parseBoolean, parseDate, parseGender, parseNumber, splitList } from './cleaning.ts';
import type { ImportObject } from './import-fields.ts';

export type MappingEntry = { column: number; field: string };
export type RowInput = { input: Record<string, unknown>; companyName: string | null; errors: FieldError[] };

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
export function rowToInput(object: ImportObject, row: string[], mapping: MappingEntry[], customDefs: CustomFieldDef[], phoneRegion?: string): RowInput {
  const input: Record<string, unknown> = {};
  const errors: FieldError[] = [];
  const address: Record<string, string> = {};
  const phones: { label?: string; number: string }[] = [];
  const custom: Record<string, unknown> = {};
  let companyName: string | null = null;
  for (const { column, field } of mapping) {
    const value = cleanText(row[column] ?? '');
    if (value === '') continue;
    if (field.startsWith('custom.')) {
      const def = customDefs.find((d) => `custom.${d.key}` === field);
      if (!def) continue;
      const result = customValue(def, value);
      if ('error' in result) errors.push({ field, message: result.error });
      else custom[def.key] = result.value;
    } else if (ADDRESS.has(field)) address[field] = value;
    else if (field === 'phone' || field === 'mobile') phones.push({ label: field, number: regional(value, phoneRegion) });
    else if (field === 'email') input.emails = [...((input.emails as unknown[]) ?? []), { address: value.toLowerCase() }];
    else if (field === 'company') companyName = value;
    else if (field === 'tags') input.tags = splitList(value);
    else if (field === 'gender') input.gender = parseGender(value) ?? value;
    else if (field === 'birthday') input.birthday = parseDate(value) ?? value;
    else if (field === 'employees') {
      const n = parseNumber(value);
      input.employees = n === null ? value : Number(n);
    } else if (field === 'annualRevenue') input.annualRevenue = parseNumber(value) ?? value;
    else input[field] = value;
  }
  if (phones.length) input.phones = phones;
  if (Object.keys(address).length) input.address = address;
  if (Object.keys(custom).length) input.custom = custom;
  if (object === 'company' && companyName && !input.name) input.name = companyName;
  return { input, companyName: object === 'contact' ? companyName : null, errors };
}
