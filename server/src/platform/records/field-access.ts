import type { Tx } from '#db/tx.ts';
import { type AccessProfile, fieldRule } from '../access/access.ts';
import { withCustomFields } from '../custom-fields/custom-fields.catalog.ts';
import { customDefsOf } from '../custom-fields/custom-defs.memo.ts';
import type { Catalog } from '../query/catalog.ts';
import { withCustomMasks } from './masking.ts';
import type { SensitiveField } from './object-definition.ts';

type Masked = { object: string; sensitive: readonly SensitiveField[] };

/** A field is readable unless it is masked and no role of the user may read it. */
export const mayReadField = (access: AccessProfile, def: Masked, field: string): boolean =>
  !def.sensitive.some((s) => s.field === field) || fieldRule(access, def.object, field).read;

/**
 * The filter/sort catalog as the user may use it: without the entries that read a masked field
 * they may not read. Filtering or sorting on one would reveal it (match digit by digit, order,
 * the cursor), so for them it is an unknown field, as if it did not exist.
 */
export function readableCatalog(catalog: Catalog, def: Masked, access: AccessProfile): Catalog {
  if (access.isAdmin || def.sensitive.length === 0) return catalog;
  const hidden = Object.entries(catalog).filter(([name, spec]) => !mayReadField(access, def, spec.field ?? name));
  if (hidden.length === 0) return catalog;
  const readable = { ...catalog };
  for (const [name] of hidden) delete readable[name];
  return readable;
}

export type CatalogForOptions = {
  tx: Tx;
  def: Masked & { catalog: Catalog };
  access: AccessProfile;
  /** The filter and sort texts the catalog is for: custom fields are read only when one names `custom.` (a query saved per list). */
  uses: readonly (string | undefined | null)[];
};

/**
 * The one catalog a user's filter or sort compiles against: the object's fields and its custom
 * fields, without the masked ones (built-in or custom marked sensitive) the user may not read.
 */
export async function readableCatalogFor(o: CatalogForOptions): Promise<Catalog> {
  if (!o.uses.some((u) => u?.includes('custom.'))) return readableCatalog(o.def.catalog, o.def, o.access);
  const defs = await customDefsOf(o.tx, o.def.object);
  return readableCatalog(withCustomFields(o.def.catalog, defs), { object: o.def.object, sensitive: withCustomMasks(o.def.sensitive, defs) }, o.access);
}

/** The field names a filter tree names (its keys, through `and` / `or`). */
export function filterFields(node: unknown): string[] {
  if (node === null || typeof node !== 'object' || Array.isArray(node)) return [];
  return Object.entries(node).flatMap(([key, value]) => ((key === 'and' || key === 'or') && Array.isArray(value) ? value.flatMap(filterFields) : [key]));
}

export type UnreadableFieldsOptions = Omit<CatalogForOptions, 'uses' | 'access'> & {
  /** The user's profile, or how to load it: asked only when one of the fields is masked. */
  access: AccessProfile | (() => Promise<AccessProfile>);
  /** Catalog names (`phone`, `custom.passport`) or API fields (`phones`) something saved names. */
  fields: readonly string[];
};

/**
 * Of the fields a saved filter, condition or template names, those the user may not read (any
 * more): masked and no role of theirs reads them. Checked where it runs, so a role change since
 * the save stops what would otherwise reveal a hidden value.
 */
export async function unreadableFields(o: UnreadableFieldsOptions): Promise<string[]> {
  if (o.fields.length === 0 || (typeof o.access !== 'function' && o.access.isAdmin)) return [];
  const custom = o.fields.some((f) => f.startsWith('custom.'));
  const sensitive = custom ? withCustomMasks(o.def.sensitive, await customDefsOf(o.tx, o.def.object)) : o.def.sensitive;
  const column = (name: string) => (Object.hasOwn(o.def.catalog, name) ? (o.def.catalog[name]?.field ?? name) : name);
  const masked = [...new Set(o.fields)].filter((name) => sensitive.some((s) => s.field === column(name)));
  if (masked.length === 0) return [];
  const access = typeof o.access === 'function' ? await o.access() : o.access;
  return masked.filter((name) => !mayReadField(access, { object: o.def.object, sensitive }, column(name)));
}
