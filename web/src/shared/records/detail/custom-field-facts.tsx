import { Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CrmRecord } from '#shared/api/types';
import { fieldLabel } from '#shared/fields/field-label';
import { FieldValue } from '#shared/fields/field-value';
import type { FieldDef } from '#shared/fields/field-types';
import type { ObjectDef } from '../object-def';
import { useObjectFields } from '../use-object-fields';

/** Descriptions items for a record's custom fields: a lookup shows the linked record's name (the API's `lookups`) as a link. */
function customFieldItems(fields: FieldDef[], record: CrmRecord, label: (f: FieldDef) => string) {
  return fields.filter((f) => f.custom).map((f) => ({ key: f.key, label: label(f), children: <FieldValue def={f} record={record} /> }));
}

/** A record's custom fields, for detail pages that lay out their own built-in fields (quotes, tickets). */
export function CustomFieldFacts({ def, record, column = 2 }: { def: ObjectDef; record: CrmRecord; column?: number }) {
  const { t, i18n } = useTranslation();
  const { fields } = useObjectFields(def);
  const items = customFieldItems(fields, record, (f) => fieldLabel(f, t, i18n.language));
  if (items.length === 0) return null;
  return <Descriptions data-testid="custom-field-facts" size="small" column={{ xs: 1, sm: column }} bordered items={items} />;
}
