import type { Address, CrmRecord, Email, Phone, Ref } from '#shared/api/types';
import type { FieldDef } from '#shared/fields/field-types';
import { formatAddress } from '#shared/format/address';
import { pickLabel } from '#shared/format/localized';
import { lookupRef } from '#shared/fields/lookup';
import { getValue } from '../object-def';

/** A field as plain text (CSV export, titles): raw values, option labels in the UI language. */
export function plainValue(def: FieldDef, record: CrmRecord, lang: string): string {
  const v = getValue(record, def.key);
  if (v === null || v === undefined) return '';
  const opt = (x: unknown) => def.options?.find((o) => o.value === x);
  switch (def.type) {
    case 'select':
      return opt(v) ? pickLabel(opt(v)?.label, lang) : String(v);
    case 'multiselect':
    case 'tags':
      return (v as string[]).map((x) => (opt(x) ? pickLabel(opt(x)?.label, lang) : x)).join('; ');
    case 'phones':
      return (v as Phone[]).map((p) => p.number).join('; ');
    case 'emails':
      return (v as Email[]).map((e) => e.address).join('; ');
    case 'address':
      return formatAddress(v as Address);
    case 'company':
      return (record.company as Ref | null)?.name ?? '';
    case 'lookup':
      return lookupRef(record, def)?.name ?? String(v);
    case 'user':
      return def.key === 'ownerId' ? (record.owner?.name ?? '') : String(v);
    default:
      return typeof v === 'object' ? JSON.stringify(v) : String(v);
  }
}
