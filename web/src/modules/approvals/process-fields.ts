import type { FieldDef } from '#shared/fields/field-types';
import type { ObjectDef } from '#shared/records/object-def';
import { useObjectDef } from '#shared/records/object-defs';
import { useObjectFields } from '#shared/records/use-object-fields';

const EMPTY: ObjectDef = { object: '', entity: '', fields: [], titleKey: 'name', titleOf: () => '' };

/** The object's fields (custom ones included) for the criteria builders and the outcome's field updates. */
export function useProcessFields(object: string | null): { filterable: FieldDef[]; settable: FieldDef[] } {
  // From the app shell (ObjectDefsProvider): the record pages of those features import this one's approval panel.
  const def = useObjectDef(object);
  const { fields } = useObjectFields(def ?? EMPTY);
  if (!def) return { filterable: [], settable: [] };
  return {
    filterable: [...fields, ...(def.filterFields ?? [])].filter((f) => f.filterable !== false),
    settable: fields.filter((f) => !f.readOnly && f.key !== 'ownerId'),
  };
}
