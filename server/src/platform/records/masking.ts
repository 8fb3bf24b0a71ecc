import type { AccessProfile } from '../access/access.ts';
import { fieldRule } from '../access/access.ts';
import type { SensitiveField } from './object-definition.ts';

function maskValue(value: unknown, mask: (v: string) => string): unknown {
  if (typeof value === 'string') return mask(value);
  if (Array.isArray(value)) return value.map((item) => maskValue(item, mask));
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).map(([k, v]) => [k, k === 'label' ? v : maskValue(v, mask)]);
    return Object.fromEntries(entries);
  }
  return value;
}

/** Replaces sensitive values the user may not read with their masked form (138****1234). */
export function applyMasking<T extends Record<string, unknown>>(record: T, object: string, sensitive: SensitiveField[], access: AccessProfile): T {
  let out = record;
  for (const s of sensitive) {
    if (record[s.field] == null || fieldRule(access, object, s.field).read) continue;
    out = Object.assign({}, out, { [s.field]: maskValue(record[s.field], s.mask) }); // not a spread: see customerToApi
  }
  return out;
}
