import { neutraliseFormula } from '#platform/csv/formula-cells.ts';
import type { CustomFieldDef } from '#platform/custom-fields/custom-fields.types.ts';

/** The platform's one formula-injection rule (platform/csv/formula-cells.ts). */
export const neutralise = neutraliseFormula;

type Ref = { id?: string; name?: string };
const isRef = (v: unknown): v is Ref => !!v && typeof v === 'object' && 'name' in v && 'id' in v;

/** Joins structured values the way a person reads them: phones, emails, address parts, references. */
function plain(value: unknown): string | number | boolean | null {
  if (value == null) return null;
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) {
    return value
      .map((v) => {
        if (v && typeof v === 'object') {
          const o = v as Record<string, unknown>;
          return String(o.number ?? o.address ?? o.name ?? o.value ?? JSON.stringify(o));
        }
        return String(v);
      })
      .join('; ');
  }
  if (isRef(value)) return value.name ?? '';
  if (typeof value === 'object') {
    const o = value as Record<string, unknown>;
    const parts = ['country', 'province', 'city', 'district', 'street', 'postcode'].map((k) => o[k]).filter((v) => typeof v === 'string' && v);
    return parts.length ? parts.join(' ') : JSON.stringify(value);
  }
  return String(value);
}

/** An id column shows the related name when the record carries it (ownerId -> owner.name). */
const NAMED_BY: Record<string, string> = { ownerId: 'owner', companyId: 'company', contactId: 'contact', dealId: 'deal' };

export type CellContext = { customDefs: CustomFieldDef[]; locale: 'zh-CN' | 'en' };

/** One cell of an exported row: the column's value in the presented (already masked) record. */
export function cellValue(record: Record<string, unknown>, key: string, c: CellContext): string | number | boolean | null {
  if (key.startsWith('custom.')) {
    const name = key.slice('custom.'.length);
    const value = (record.custom as Record<string, unknown> | undefined)?.[name];
    const def = c.customDefs.find((d) => d.key === name);
    if (def && (def.type === 'select' || def.type === 'multiselect') && value != null) {
      const label = (v: unknown) => {
        const opt = def.options.find((o) => o.value === v);
        return opt ? ((c.locale === 'zh-CN' ? opt.label.zh : opt.label.en) ?? opt.label.en ?? opt.label.zh ?? String(v)) : String(v);
      };
      return Array.isArray(value) ? value.map(label).join('; ') : label(value);
    }
    return plain(value);
  }
  const via = NAMED_BY[key];
  if (via && isRef(record[via])) return (record[via] as Ref).name ?? null;
  if (key.includes('.')) {
    const [head, tail] = key.split('.', 2) as [string, string];
    return plain((record[head] as Record<string, unknown> | undefined)?.[tail]);
  }
  return plain(record[key]);
}

/** The value as written: numbers stay numbers (XLSX), text is neutralised. */
export function safeCell(value: string | number | boolean | null): string | number | boolean | null {
  return typeof value === 'string' ? neutralise(value) : value;
}
