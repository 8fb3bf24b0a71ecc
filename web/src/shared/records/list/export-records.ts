import type { CrmRecord } from '#shared/api/types';
import type { FieldDef } from '#shared/fields/field-types';
import { toCsv } from './csv';
import { plainValue } from './plain-value';

export function recordsToCsv(rows: CrmRecord[], fields: FieldDef[], labels: string[], lang: string): string {
  return toCsv(
    labels,
    rows.map((r) => fields.map((f) => plainValue(f, r, lang))),
  );
}
