import type { CrmRecord } from '#shared/api/types';
import type { FieldDef } from '#shared/fields/field-types';

/** Resource path segment (`/api/v1/contacts`). */
export type ObjectName = 'companies' | 'contacts' | 'leads';
/** Singular name used by permissions and custom field definitions. */
export type EntityName = 'company' | 'contact' | 'lead';
export const ENTITY: Record<ObjectName, EntityName> = { companies: 'company', contacts: 'contact', leads: 'lead' };

/** What the generic list, detail and form need to know about one CRM object. */
export type ObjectDef = {
  object: ObjectName;
  entity: EntityName;
  /** Built-in fields in form order. */
  fields: FieldDef[];
  /** Extra fields offered only by the filter builder (e.g. address parts). */
  filterFields?: FieldDef[];
  /** The field the list links to the detail page from. */
  titleKey: string;
  titleOf: (record: CrmRecord) => string;
  /** Fields derived from the form's values on save, e.g. a contact's name from family/given name. */
  prepare?: (values: Record<string, unknown>) => Record<string, unknown>;
};

/** Reads `name` or `custom.level` from a record. */
export function getValue(record: CrmRecord, key: string): unknown {
  if (key.startsWith('custom.')) return record.custom?.[key.slice(7)];
  return record[key];
}

/** Form item path: custom fields nest under `custom`. */
export function fieldPath(key: string): string | [string, string] {
  return key.startsWith('custom.') ? ['custom', key.slice(7)] : key;
}
