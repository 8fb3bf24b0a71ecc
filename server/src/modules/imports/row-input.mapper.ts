import type { CustomFieldDef } from '#platform/custom-fields/custom-fields.types.ts';
import type { FieldError } from '#platform/errors/app-error.ts';
import { toE164 } from '#platform/phones.ts';
import type { CountryCode } from 'libphonenumber-js';
import { cleanText, parseBoolean, parseDate, parseGender, parseMoney, parseNumber, splitList } from './cleaning.rules.ts';
import type { ImportObject } from './import-fields.definition.ts';

export type MappingEntry = { column: number; field: string };
/** `refs`: cells naming other records (company, contact, deal, pipeline, stage, owner) and raw cells resolved later (type, date). */
export type RowInput = { input: Record<string, unknown>; companyName: string | null; refs: Record<string, string>; errors: FieldError[] };

const ADDRESS = new Set(['country', 'province', 'city', 'district', 'street', 'postcode']);
const REFS = new Set(['contact', 'deal', 'pipeline', 'stage', 'owner', 'type', 'date']);

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
  const refs: Record<string, string> = {};
  // Leads keep province and city as plain fields, not an address.
  const addressFields = object === 'lead' ? new Set<string>() : ADDRESS;
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
    else if (REFS.has(field) || (field === 'company' && object !== 'contact' && object !== 'company')) refs[field] = value;
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
    else if (field === 'amount') {
      const money = parseMoney(value);
      input.amount = money?.amount ?? value;
      if (money?.currency && !input.currency) input.currency = money.currency;
    } else if (field === 'currency') input.currency = value.toUpperCase();
    else if (field === 'probability') {
      const n = parseNumber(value.replace(/%$/, ''));
      input.probability = n === null ? value : Number(n);
    } else if (field === 'expectedCloseDate') input.expectedCloseDate = parseDate(value) ?? value;
    else input[field] = value;
  }
  if (phones.length) input.phones = phones;
  if (Object.keys(address).length) input.address = address;
  if (Object.keys(custom).length) input.custom = custom;
  if (object === 'company' && companyName && !input.name) input.name = companyName;
  return { input, companyName: object === 'contact' ? companyName : null, refs, errors };
}
