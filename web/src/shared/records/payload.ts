import type { Address, Email, Phone } from '#shared/api/types';
import type { FieldDef } from '#shared/fields/field-types';

const isMasked = (v: unknown): boolean =>
  (typeof v === 'string' && v.includes('*')) ||
  (Array.isArray(v) && v.some((p) => typeof (p as Phone)?.number === 'string' && (p as Phone).number.includes('*')));

function cleanAddress(v: Address | null): Address | null {
  if (!v) return null;
  const out = Object.fromEntries(
    Object.entries(v)
      .map(([k, x]) => [k, typeof x === 'string' ? x.trim() : x])
      .filter(([, x]) => x),
  ) as Address;
  return Object.keys(out).length ? out : null;
}

function clean(def: FieldDef, v: unknown): unknown {
  if (v === undefined) return undefined;
  if (def.type === 'phones')
    return ((v as Phone[] | null) ?? []).filter((p) => p.number?.trim()).map((p) => ({ label: p.label ?? '', number: p.number.trim() }));
  if (def.type === 'emails')
    return ((v as Email[] | null) ?? []).filter((e) => e.address?.trim()).map((e) => ({ label: e.label ?? '', address: e.address.trim() }));
  if (def.type === 'address') return cleanAddress(v as Address | null);
  if (typeof v === 'string') return v.trim() === '' ? null : v.trim();
  return v;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * Form values -> API body. With `original`, only changed fields are sent (a PATCH), and a
 * masked sensitive value the user did not touch is never sent back as if it were the value.
 */
export function buildPayload(fields: FieldDef[], values: Record<string, unknown>, original?: Record<string, unknown>): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  const custom: Record<string, unknown> = {};
  const formCustom = (values.custom ?? {}) as Record<string, unknown>;
  const origCustom = (original?.custom ?? {}) as Record<string, unknown>;
  for (const def of fields) {
    if (def.readOnly) continue;
    const isCustom = def.key.startsWith('custom.');
    const key = isCustom ? def.key.slice(7) : def.key;
    const raw = isCustom ? formCustom[key] : values[key];
    if (raw === undefined) continue;
    const v = clean(def, raw);
    // A masked value is what the server showed us, not what is stored: never send it back.
    if (isMasked(v)) continue;
    if (original && same(v, isCustom ? origCustom[key] : original[key])) continue;
    if (isCustom) custom[key] = v;
    else body[key] = v;
  }
  if (Object.keys(custom).length > 0) body.custom = custom;
  return body;
}

/** Server field names (`custom.level`, `phones.0.number`) -> antd form paths. */
export function errorPath(field: string): (string | number)[] {
  const parts = field.split('.');
  if (parts[0] === 'custom' && parts[1]) return ['custom', parts[1]];
  return [parts[0] ?? field];
}
