import type { CustomFieldDef } from '../custom-fields/custom-fields.types.ts';
import { type Catalog, column } from '../query/catalog.ts';
import type { ObjectDefinition } from '../records/object-definition.ts';
import { searchTextOf } from '../records/search.ts';
import { digitsOf } from '../phones.ts';
import type { CustomObjectRow } from './custom-objects.repo.ts';
import type { TCustomRecord } from './custom-objects.schema.ts';
import { ALL_ACTIONS, type Capability, type ObjectDeclaration } from './object-registry.ts';

/** What every custom object gets from the platform today (import and the pool are not offered yet). */
export const CUSTOM_OBJECT_CAPABILITIES: readonly Capability[] = ['owned', 'audited', 'recycleBin', 'customFields', 'export', 'search'];

const catalog: Catalog = {
  id: column('id', 'uuid', { nullable: false }),
  name: column('name', 'text', { nullable: false }),
  ownerId: column('owner_id', 'uuid'),
  createdAt: column('created_at', 'datetime', { nullable: false }),
  updatedAt: column('updated_at', 'datetime', { nullable: false }),
  createdBy: column('created_by', 'uuid'),
};

const iso = (d: unknown) => (d instanceof Date ? d.toISOString() : d == null ? null : String(d));
const SEARCHED = new Set<CustomFieldDef['type']>(['text', 'email', 'url', 'phone']);

/**
 * The record definition of a custom object: `name` is its title, every other field is a custom
 * field; lookups (`custom.<key>`) show the target's name; `tables` maps a lookup's target object to its table.
 */
export function customObjectDefinition(row: CustomObjectRow, defs: CustomFieldDef[], tables: Map<string, string>): ObjectDefinition<TCustomRecord> {
  const lookups = defs.filter((d) => d.type === 'lookup' && d.target && tables.has(d.target));
  return {
    object: row.name,
    table: row.table_name,
    catalog,
    defaultSort: '-createdAt',
    sensitive: [],
    related: Object.fromEntries(lookups.map((d) => [`custom.${d.key}`, tables.get(d.target as string) as string])),
    toApi: (r, { related }) => {
      const custom = (r.custom ?? {}) as Record<string, unknown>;
      return {
        id: r.id,
        name: r.name as string,
        ownerId: r.owner_id,
        custom,
        lookups: Object.fromEntries(lookups.map((d) => [d.key, (typeof custom[d.key] === 'string' && related.get(custom[d.key] as string)) || null])),
        createdAt: iso(r.created_at) as string,
        updatedAt: iso(r.updated_at) as string,
        deletedAt: iso(r.deleted_at),
        version: r.version,
      };
    },
    toColumns: (input) => ('name' in input ? { name: String(input.name).trim() } : {}),
    derived: (merged) => {
      const custom = (typeof merged.custom === 'string' ? JSON.parse(merged.custom) : (merged.custom ?? {})) as Record<string, unknown>;
      const texts = defs.filter((d) => SEARCHED.has(d.type)).map((d) => custom[d.key] as string | undefined);
      const phones = defs.filter((d) => d.type === 'phone').map((d) => custom[d.key]);
      return {
        search_text: searchTextOf([merged.name as string, ...texts]),
        phone_digits: phones.flatMap((p) => (typeof p === 'string' ? [digitsOf(p)] : [])).join(' '),
      };
    },
  };
}

/** A custom object as the registry lists it beside the standard ones. */
export function customDeclaration(row: CustomObjectRow, defs: CustomFieldDef[], tables: Map<string, string>): ObjectDeclaration {
  return {
    name: row.name,
    path: row.name,
    label: row.label,
    actions: ALL_ACTIONS.filter((a) => a !== 'import'),
    capabilities: CUSTOM_OBJECT_CAPABILITIES,
    definition: customObjectDefinition(row, defs, tables),
    fields: ['id', 'name', 'ownerId', 'owner', 'createdAt', 'updatedAt'],
    listColumns: ['name', ...defs.map((d) => `custom.${d.key}`), 'ownerId', 'createdAt'],
    custom: { id: row.id, version: row.version },
  };
}
