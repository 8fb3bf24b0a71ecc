import type { AccessProfile } from '../access/access.ts';
import { fieldRule } from '../access/access.ts';
import { maskEmail, maskMiddle, maskPhone } from '../crypto/mask.ts';
import type { CustomFieldDef } from '../custom-fields/custom-fields.types.ts';
import type { SensitiveField } from './object-definition.ts';

const CUSTOM = 'custom.';

function maskValue(value: unknown, mask: (v: string) => string): unknown {
  if (typeof value === 'string') return mask(value);
  // A number, a yes/no or a date is as secret as text: it goes out as its mask, never as itself.
  if (typeof value === 'number' || typeof value === 'boolean') return mask(String(value));
  if (Array.isArray(value)) return value.map((item) => maskValue(item, mask));
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).map(([k, v]) => [k, k === 'label' ? v : maskValue(v, mask)]);
    return Object.fromEntries(entries);
  }
  return value;
}

/** How a custom field's value is masked: phones and e-mails as the built-in ones, free text keeps its ends, the rest is stars. */
function customMask(type: CustomFieldDef['type']): (value: string) => string {
  switch (type) {
    case 'phone':
      return maskPhone;
    case 'email':
      return maskEmail;
    case 'text':
    case 'longtext':
    case 'url':
      return (v) => maskMiddle(v, 1, 1);
    case 'number':
    case 'decimal':
    case 'date':
    case 'datetime':
    case 'boolean':
    case 'select':
    case 'multiselect':
    case 'user':
    case 'lookup':
      return () => '***';
  }
}

/** The custom fields an admin marked sensitive, as masked fields named `custom.<key>` (the name field rules use). */
export const customMasks = (defs: readonly CustomFieldDef[]): SensitiveField[] =>
  defs.filter((d) => d.sensitive).map((d) => ({ field: `${CUSTOM}${d.key}`, encrypted: false, mask: customMask(d.type) }));

/** Built-in masked fields and the sensitive custom fields, without duplicates (a custom object may list both). */
export function withCustomMasks(sensitive: readonly SensitiveField[], defs: readonly CustomFieldDef[]): SensitiveField[] {
  const custom = customMasks(defs).filter((c) => !sensitive.some((s) => s.field === c.field));
  return custom.length ? [...sensitive, ...custom] : [...sensitive];
}

/** Masks one `custom.<key>` value, and the name a lookup field shows beside it (a custom object's `lookups`). */
function maskCustom(record: Record<string, unknown>, s: SensitiveField): Record<string, unknown> {
  const key = s.field.slice(CUSTOM.length);
  const custom = record.custom as Record<string, unknown> | null | undefined;
  const lookups = record.lookups as Record<string, unknown> | null | undefined;
  const out: Record<string, unknown> = {};
  if (custom && typeof custom === 'object' && custom[key] != null) out.custom = Object.assign({}, custom, { [key]: maskValue(custom[key], s.mask) });
  if (lookups && typeof lookups === 'object' && lookups[key] != null) out.lookups = Object.assign({}, lookups, { [key]: null });
  return Object.keys(out).length ? Object.assign({}, record, out) : record;
}

/** Replaces sensitive values the user may not read with their masked form (138****1234); `custom.<key>` fields too. */
export function applyMasking<T extends Record<string, unknown>>(record: T, object: string, sensitive: readonly SensitiveField[], access: AccessProfile): T {
  let out: Record<string, unknown> = record;
  for (const s of sensitive) {
    const custom = s.field.startsWith(CUSTOM);
    if ((!custom && record[s.field] == null) || fieldRule(access, object, s.field).read) continue;
    out = custom ? maskCustom(out, s) : Object.assign({}, out, { [s.field]: maskValue(record[s.field], s.mask) }); // not a spread: see customerToApi
  }
  return out as T;
}
