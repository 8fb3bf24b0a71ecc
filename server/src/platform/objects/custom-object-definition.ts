import type { CustomFieldDef } from '../custom-fields/custom-fields.types.ts';
import { id, recordFields, text } from './fields.ts';
import { defineFields } from './object-fields.ts';
import type { ObjectDefinition } from '../records/object-definition.ts';
import { searchTextOf } from '../records/search.ts';
import { digitsOf, toE164 } from '../phones.ts';
import type { CustomObjectRow } from './custom-objects.repo.ts';
import { type TCustomRecord, ZCreateCustomRecordRequest, ZUpdateCustomRecordRequest } from './custom-objects.schema.ts';
import type { DedupSpec } from './dedup-spec.ts';
import type { ImportSpec } from './import-spec.ts';
import { ALL_ACTIONS, type Capability, type ObjectDeclaration } from './object-registry.ts';

/** What every custom object gets from the platform today (the pool and assignment are not offered yet). */
export const CUSTOM_OBJECT_CAPABILITIES: readonly Capability[] = ['owned', 'audited', 'recycleBin', 'customFields', 'import', 'export', 'search', 'dedup'];

const spelling = (label: string) => label.toLowerCase().replace(/[\s_\-.:：()（）*#/]/g, '');

/**
 * Imports into a custom object: its name, owner (a user's email) and every custom field (`custom.<key>`,
 * lookups by the target record's id or name). A row matches an existing record by name.
 */
export function customImportSpec(row: Pick<CustomObjectRow, 'label'>): ImportSpec {
  const names = [row.label.zh, `${row.label.zh}名称`, row.label.en, `${row.label.en} name`].map(spelling);
  return {
    fields: ['name', 'owner'],
    synonyms: { name: ['名称', '名字', 'name', 'title', ...names] },
    matches: ['nameCompany'],
    schemas: { create: ZCreateCustomRecordRequest, update: ZUpdateCustomRecordRequest },
  };
}

/** A custom value as text items (a multiselect's choices each; numbers and dates as written). */
const texts = (value: unknown): string[] =>
  (Array.isArray(value) ? value : [value]).flatMap((v) => (typeof v === 'string' || typeof v === 'number' ? [String(v)] : [])).filter((v) => v.trim() !== '');

/**
 * Duplicates of a custom object: its name (the title), its email and phone fields, and every other
 * field an admin marked unique as an exact match key. Compared on few fields, an equal name alone
 * is a suggestion (offset 8: exact name 9 bits -> 0.67); a different unique value outweighs it.
 */
export function customDedupSpec(defs: CustomFieldDef[]): DedupSpec {
  const of = (type: CustomFieldDef['type']) => defs.filter((d) => d.type === type);
  const keyed = defs.filter((d) => d.unique && d.type !== 'email' && d.type !== 'phone');
  return {
    candidate: (row, k) => {
      const custom = (row.custom ?? {}) as Record<string, unknown>;
      return {
        id: row.id,
        name: row.name as string,
        emails: of('email').flatMap((d) => texts(custom[d.key])),
        phones: of('phone').flatMap((d) => texts(custom[d.key]).map((p) => toE164(p) ?? digitsOf(p))),
        // HD-001 = hd 001: unique on write is exact, so the keys meet spellings it lets through.
        keys: keyed.flatMap((d) => texts(custom[d.key]).map((v) => `custom.${d.key}=${k.normalizeText(v).replace(/\s/g, '')}`)),
      };
    },
    mergeFields: ['name', 'ownerId'],
    offset: 8,
  };
}

/** The fields every custom object has besides its custom fields: `name` is its title. */
const BASE = defineFields({ id: id(), name: text({ max: 200, required: true }), ...recordFields() });

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
    catalog: BASE.catalog,
    fields: BASE.meta,
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
      // A sensitive field is not searched: `q` would find a record by a value its reader sees masked.
      const texts = defs.filter((d) => SEARCHED.has(d.type) && !d.sensitive).map((d) => custom[d.key] as string | undefined);
      const phones = defs.filter((d) => d.type === 'phone' && !d.sensitive).map((d) => custom[d.key]);
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
    actions: ALL_ACTIONS,
    capabilities: CUSTOM_OBJECT_CAPABILITIES,
    definition: customObjectDefinition(row, defs, tables),
    import: customImportSpec(row),
    dedup: customDedupSpec(defs),
    fields: ['id', 'name', 'ownerId', 'owner', 'createdAt', 'updatedAt'],
    listColumns: ['name', ...defs.map((d) => `custom.${d.key}`), 'ownerId', 'createdAt'],
    custom: { id: row.id, version: row.version },
  };
}
