import { useTranslation } from 'react-i18next';
import { companyObject, contactObject } from '#modules/customers';
import { dealObject, useDealStageField } from '#modules/deals';
import { leadObject } from '#modules/leads';
import { customObjectDef } from '#modules/objects';
import { fieldLabel } from '#shared/fields/field-label';
import type { FieldDef, FieldType } from '#shared/fields/field-types';
import { objectByName, objectLabel, useObjects } from '#shared/objects/use-objects';
import type { ObjectDef } from '#shared/records/object-def';
import { useObjectFields } from '#shared/records/use-object-fields';

const STANDARD: Record<string, ObjectDef> = { company: companyObject, contact: contactObject, lead: leadObject, deal: dealObject };
const EMPTY: ObjectDef = { object: '', entity: '', fields: [], titleKey: 'name', titleOf: () => '' };

/** The web's definition of a registry object (standard or custom), when the web has one. */
export function useRuleObjectDef(object: string | null): ObjectDef | undefined {
  const { t, i18n } = useTranslation();
  const { objects } = useObjects();
  if (!object) return undefined;
  const meta = objectByName(objects, object);
  return STANDARD[object] ?? (meta?.custom && meta.path ? customObjectDef({ ...meta, path: meta.path }, t, i18n.language) : undefined);
}

/** The object's fields (custom ones included), what the condition builder and the action editors offer. */
export function useRuleFields(object: string | null): { def: ObjectDef | undefined; fields: FieldDef[]; all: FieldDef[] } {
  const def = useRuleObjectDef(object);
  const { fields } = useObjectFields(def ?? EMPTY);
  // A deal's stage is picked by name (the API stores the stage's id).
  const stage = useDealStageField(object === 'deal');
  const withStage = (list: FieldDef[]) => (stage ? list.map((f) => (f.key === 'stageId' ? { ...f, ...stage } : f)) : list);
  const all = def ? withStage([...fields, ...(def.filterFields ?? [])]) : [];
  // `fields`: what conditions and merge fields offer; `all`: every field, for a new record's values (its name, its company).
  return { def, fields: all.filter((f) => f.filterable !== false), all: all.filter((f) => !def?.filterFields?.includes(f)) };
}

/** Fields an action may write: the object's own (custom ones too), not the system's or composite ones. */
const NOT_WRITABLE = new Set(['phones', 'emails', 'address', 'company']);
export const writableFields = (fields: FieldDef[]) => fields.filter((f) => !f.readOnly && !NOT_WRITABLE.has(f.type) && (f.custom || !f.key.includes('.')));

/** A new record's settable fields: also its references (a deal's company and contact), which a copy of the record's fills. */
export const creatableFields = (fields: FieldDef[]) =>
  fields.filter((f) => !f.readOnly && f.type !== 'phones' && f.type !== 'emails' && f.type !== 'address' && (f.custom || !f.key.includes('.')));

/** Related-record fields the server's conditions take (`company.industry`); composite and lookup fields are left out. */
const RELATED_TYPES = new Set<FieldType>([
  'text',
  'longtext',
  'number',
  'decimal',
  'money',
  'date',
  'datetime',
  'boolean',
  'select',
  'multiselect',
  'tags',
  'user',
  'url',
  'email',
  'phone',
  'phones',
  'emails',
]);

/**
 * For conditions: the fields of the companies and contacts the rule's records point at
 * (`companyId` -> `company.<field>`), labelled "Company · Industry". Sensitive fields are not
 * offered (the server refuses them too).
 */
export function useRelatedFields(fields: FieldDef[]): FieldDef[] {
  const { t, i18n } = useTranslation();
  const { objects } = useObjects();
  const byObject: Record<string, FieldDef[]> = { company: useRuleFields('company').fields, contact: useRuleFields('contact').fields };
  return fields.flatMap((ref) => {
    if (ref.custom || !ref.key.endsWith('Id') || (ref.type !== 'company' && ref.type !== 'lookup')) return [];
    const prefix = ref.key.slice(0, -2);
    const target = ref.target ?? prefix;
    const meta = objectByName(objects, target);
    const relLabel = meta ? objectLabel(meta, i18n.language) : fieldLabel(ref, t, i18n.language);
    return (byObject[target] ?? [])
      .filter((f) => !f.sensitive && RELATED_TYPES.has(f.type) && (f.custom || !f.key.includes('.')))
      .map((f) => {
        const label = `${relLabel} · ${fieldLabel(f, t, i18n.language)}`;
        const key = `${prefix}.${f.filterKey ?? f.key}`;
        return { ...f, key, filterKey: key, label: { zh: label, en: label }, sortable: false, readOnly: true };
      });
  });
}
