import type { TFunction } from 'i18next';
import type { CrmRecord } from '#shared/api/types';
import type { FieldDef } from '#shared/fields/field-types';

/** Resource path segment (`/api/v1/contacts`, `/api/v1/distributors` for a custom object). */
export type ObjectName = string;
/** Singular name used by permissions and custom field definitions (`contact`; a custom object's name). */
export type EntityName = string;
export const ENTITY: Record<'companies' | 'contacts' | 'leads', EntityName> = { companies: 'company', contacts: 'contact', leads: 'lead' };

/** Texts of an object whose labels are data (a custom object), already in the UI language. */
export type ObjectTexts = { title: string; new: string; emptyTitle: string; emptyBody: string; search?: string };

/** What the generic list, detail and form need to know about one CRM object. */
export type ObjectDef = {
  object: ObjectName;
  entity: EntityName;
  /** Built-in fields in form order. */
  fields: FieldDef[];
  /** Where the tenant's custom fields go among `fields` (an index); after all of them when absent. */
  customFieldsAt?: number;
  /** How many of the custom fields (in admin order) the list shows by default; none when absent. */
  customFieldsInList?: number;
  /** Extra fields offered only by the filter builder (e.g. address parts). */
  filterFields?: FieldDef[];
  /** The field the list links to the detail page from. */
  titleKey: string;
  titleOf: (record: CrmRecord) => string;
  /** Fields derived from the form's values on save, e.g. a contact's name from family/given name. */
  prepare?: (values: Record<string, unknown>) => Record<string, unknown>;
  /** Where the object's pages live; `/<object>` when absent. */
  basePath?: string;
  /** Literal texts; when absent they are the i18n keys `nav.<object>` and `<object>.new|emptyTitle|emptyBody`. */
  texts?: ObjectTexts;
};

/** The web path of the object's list (`/contacts`, `/o/distributors`). */
export const pagePath = (def: Pick<ObjectDef, 'object' | 'basePath'>): string => def.basePath ?? `/${def.object}`;

/** One of the object's texts in the UI language. */
export function objectText(def: Pick<ObjectDef, 'object' | 'texts'>, t: TFunction, which: keyof ObjectTexts): string {
  const own = def.texts?.[which];
  if (own) return own;
  if (which === 'search') return t('list.search');
  return which === 'title' ? t(`nav.${def.object}`) : t(`${def.object}.${which}`);
}

/** Reads `name` or `custom.level` from a record. */
export function getValue(record: CrmRecord, key: string): unknown {
  if (key.startsWith('custom.')) return record.custom?.[key.slice(7)];
  return record[key];
}

/** Flat field keys (`name`, `custom.level`) -> the form's values, custom fields nested under `custom`. */
export function formValues(flat: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const custom: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(flat)) {
    if (k.startsWith('custom.')) custom[k.slice(7)] = v;
    else out[k] = v;
  }
  if (Object.keys(custom).length > 0) out.custom = { ...(out.custom as Record<string, unknown> | undefined), ...custom };
  return out;
}

/** Form item path: custom fields nest under `custom`. */
export function fieldPath(key: string): string | [string, string] {
  return key.startsWith('custom.') ? ['custom', key.slice(7)] : key;
}
