import { type Catalog, customField } from '../query/catalog.ts';
import { type CustomFieldDef, FILTER_TYPE } from './custom-fields.types.ts';

/** Adds `custom.<key>` entries so custom fields filter and sort like built-in ones. */
export function withCustomFields(base: Catalog, defs: CustomFieldDef[]): Catalog {
  const catalog: Catalog = { ...base };
  for (const def of defs) {
    const values = def.type === 'select' || def.type === 'multiselect' ? def.options.map((o) => o.value) : undefined;
    catalog[`custom.${def.key}`] = customField(def.key, FILTER_TYPE[def.type], values);
  }
  return catalog;
}
