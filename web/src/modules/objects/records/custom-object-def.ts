import type { TFunction } from 'i18next';
import type { FieldDef } from '#shared/fields/field-types';
import type { ObjectMeta } from '#shared/objects/objects-api';
import { objectLabel } from '#shared/objects/use-objects';
import type { ObjectDef } from '#shared/records/object-def';

/** The web path of a custom object's pages. */
export const customObjectPath = (path: string): string => `/o/${path}`;

/** A custom object in the registry whose records the web can list and open. */
export type RecordObjectMeta = ObjectMeta & { path: string };
export const isCustomRecordObject = (meta: ObjectMeta | undefined): meta is RecordObjectMeta => !!meta && meta.custom && meta.record && !!meta.path;

const FIELDS: FieldDef[] = [
  { key: 'name', type: 'text', label: 'fields.name', required: true, listDefault: true, sortable: true, filterable: true, maxLength: 200 },
  { key: 'ownerId', type: 'user', label: 'fields.owner', listDefault: true, filterable: true, sortable: false },
  { key: 'createdAt', type: 'datetime', label: 'fields.createdAt', readOnly: true, listDefault: true, sortable: true, filterable: true },
  { key: 'updatedAt', type: 'datetime', label: 'fields.updatedAt', readOnly: true, sortable: true, filterable: true },
];

/**
 * The generic record UI's description of a custom object: its `name` (the title), the tenant's
 * custom fields for it, then owner and timestamps; texts come from the object's own labels.
 */
export function customObjectDef(meta: RecordObjectMeta, t: TFunction, language: string): ObjectDef {
  const label = objectLabel(meta, language);
  return {
    object: meta.path,
    entity: meta.name,
    basePath: customObjectPath(meta.path),
    fields: FIELDS,
    customFieldsAt: 1,
    // The object's own fields are what its list is about: show the first few by default.
    customFieldsInList: 4,
    titleKey: 'name',
    titleOf: (r) => String(r.name ?? ''),
    texts: {
      title: label,
      new: t('objects.records.new', { label }),
      emptyTitle: t('objects.records.emptyTitle', { label }),
      emptyBody: t('objects.records.emptyBody', { label }),
      search: t('objects.records.search'),
    },
  };
}
