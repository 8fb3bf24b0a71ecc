import type { DedupSettings, SurvivorshipRule } from './settings.service.ts';

type Api = Record<string, unknown>;

/** Lists whose items are kept from every record (deduplicated), unless one record is chosen by hand. */
const UNION: Record<string, (item: Record<string, unknown> | string) => string> = {
  phones: (p) => String((p as { e164?: string; number: string }).e164 ?? (p as { number: string }).number),
  emails: (e) => String((e as { address: string }).address).toLowerCase(),
  tags: (t) => String(t),
};

const read = (record: Api, field: string): unknown => (field.startsWith('custom.') ? (record.custom as Api | undefined)?.[field.slice(7)] : record[field]);
const empty = (v: unknown) =>
  v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0) || (typeof v === 'object' && v !== null && Object.keys(v).length === 0);
const size = (v: unknown) => (empty(v) ? 0 : JSON.stringify(v).length);

/** The object's merge fields (its dedup spec), then every custom field the records carry. */
export function fieldsOf(mergeFields: readonly string[], records: Api[]): string[] {
  const custom = new Set(records.flatMap((r) => Object.keys((r.custom as Api | undefined) ?? {})));
  return [...mergeFields, ...[...custom].sort().map((k) => `custom.${k}`)];
}

/** Index of the record whose value a rule picks (records[0] is the survivor). */
export function pick(rule: SurvivorshipRule, field: string, records: Api[], settings: DedupSettings): number {
  const filled = records.map((r, i) => ({ i, v: read(r, field), r })).filter((x) => !empty(x.v));
  if (!filled.length) return 0;
  const first = filled[0] as { i: number };
  switch (rule) {
    case 'survivor':
      return first.i;
    case 'mostRecent':
      return filled.reduce((best, x) => (String(x.r.updatedAt) > String(best.r.updatedAt) ? x : best)).i;
    case 'mostComplete':
      return filled.reduce((best, x) => (size(x.v) > size(best.v) ? x : best)).i;
    case 'sourcePriority': {
      const rank = (r: Api) => {
        const at = settings.sourcePriority.indexOf(String(r.source ?? ''));
        return at < 0 ? Number.MAX_SAFE_INTEGER : at;
      };
      return filled.reduce((best, x) => (rank(x.r) < rank(best.r) ? x : best)).i;
    }
  }
}

export type Proposal = { field: string; values: unknown[]; chosen: number | 'union'; value: unknown };

/**
 * The survivor's value for every field: chosen by hand (`choices`: field -> record index), else
 * lists united, else the field's rule (or the default rule).
 */
export function propose(mergeFields: readonly string[], records: Api[], settings: DedupSettings, choices: Record<string, number> = {}): Proposal[] {
  return fieldsOf(mergeFields, records).map((field) => {
    const values = records.map((r) => read(r, field) ?? null);
    const hand = choices[field];
    if (hand !== undefined) return { field, values, chosen: hand, value: values[hand] ?? null };
    const keyOf = UNION[field];
    if (keyOf) {
      const seen = new Map<string, unknown>();
      for (const list of values)
        for (const item of (list as (Record<string, unknown> | string)[] | null) ?? []) if (!seen.has(keyOf(item))) seen.set(keyOf(item), item);
      return { field, values, chosen: 'union', value: [...seen.values()] };
    }
    const chosen = pick(settings.rules[field] ?? settings.defaultRule, field, records, settings);
    return { field, values, chosen, value: values[chosen] ?? null };
  });
}

/** The update that turns the survivor (records[0]) into the merged record: only fields that change. */
export function survivorPatch(proposals: Proposal[], survivor: Api): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  const custom: Record<string, unknown> = {};
  for (const p of proposals) {
    const current = read(survivor, p.field);
    if ((empty(p.value) && empty(current)) || JSON.stringify(p.value ?? null) === JSON.stringify(current ?? null)) continue;
    if (p.field.startsWith('custom.')) custom[p.field.slice(7)] = p.value;
    else
      patch[p.field] =
        p.field === 'phones'
          ? (p.value as { label?: string; number: string }[]).map(({ label, number }) => ({ ...(label ? { label } : {}), number }))
          : p.value;
  }
  if (Object.keys(custom).length) patch.custom = custom;
  return patch;
}
