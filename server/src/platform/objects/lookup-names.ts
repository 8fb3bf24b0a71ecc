import type { Tx } from '#db/tx.ts';
import { type AccessProfile, mayTouch, scopeOf } from '../access/access.ts';
import { customDefsOf } from '../custom-fields/custom-defs.memo.ts';
import type { Row } from '../records/records.repo.ts';
import { namedRecords } from './lookup-names.repo.ts';
import type { ObjectRegistry } from './object-registry.ts';

export type Named = { id: string; name: string };
/** A row's lookups: custom field key -> the record it points to, or null when unset, gone or not readable. */
export type LookupsOf = (row: Row) => Record<string, Named | null>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const customOf = (row: Row) => (typeof row.custom === 'string' ? JSON.parse(row.custom) : (row.custom ?? {})) as Record<string, unknown>;

export type LookupNamesOptions = { objects: ObjectRegistry; access: AccessProfile; object: string; rows: Row[] };

/**
 * The names of the records the rows' lookup custom fields point at, for any object (standard or
 * custom), obeying the reader's read scope on the target: a record the reader may not read shows
 * no name (null), as if unset. One query per target object; null when the object has no lookups.
 */
export async function lookupNames(tx: Tx, o: LookupNamesOptions): Promise<LookupsOf | null> {
  const defs = (await customDefsOf(tx, o.object)).filter((d) => d.type === 'lookup' && d.target);
  if (!defs.length) return null;
  const wanted = new Map<string, Set<string>>();
  for (const row of o.rows) {
    const custom = customOf(row);
    for (const d of defs) {
      const id = custom[d.key];
      if (typeof id === 'string' && UUID.test(id)) wanted.set(d.target as string, (wanted.get(d.target as string) ?? new Set()).add(id));
    }
  }
  const seen = new Map<string, Named>();
  const declarations = wanted.size ? await o.objects.forTenant(tx) : [];
  for (const [target, ids] of wanted) {
    const declaration = declarations.find((d) => d.name === target);
    const table = declaration?.definition?.table as string | undefined;
    const scope = declaration?.everyoneReads ? 'all' : scopeOf(o.access, target, 'read');
    if (!declaration || !table || scope === 'none') continue;
    const owned = declaration.capabilities.includes('owned');
    for (const r of await namedRecords(tx, { table, ids: [...ids], owned }))
      if (!owned || mayTouch(o.access, scope, r.owner_id)) seen.set(`${target}:${r.id}`, { id: r.id, name: r.name });
  }
  return (row) => {
    const custom = customOf(row);
    return Object.fromEntries(defs.map((d) => [d.key, typeof custom[d.key] === 'string' ? (seen.get(`${d.target}:${custom[d.key]}`) ?? null) : null]));
  };
}
