import type { ListParams } from '#shared/api/list-query';
import type { CrmRecord } from '#shared/api/types';
import type { FieldDef } from '#shared/fields/field-types';
import type { ObjectName } from '../object-def';
import { recordsApi } from '../records-api';
import { toCsv } from './csv';
import { plainValue } from './plain-value';

export const EXPORT_LIMIT = 50_000;

/** Pulls every page the filter matches (the server applies the user's export scope). */
export async function fetchAll(object: ObjectName, params: ListParams): Promise<CrmRecord[]> {
  const out: CrmRecord[] = [];
  let cursor: string | null = null;
  do {
    const page = await recordsApi.list(object, { ...params, limit: 500, cursor });
    out.push(...page.data);
    cursor = page.nextCursor;
  } while (cursor && out.length < EXPORT_LIMIT);
  return out;
}

export function recordsToCsv(rows: CrmRecord[], fields: FieldDef[], labels: string[], lang: string): string {
  return toCsv(labels, rows.map((r) => fields.map((f) => plainValue(f, r, lang))));
}
