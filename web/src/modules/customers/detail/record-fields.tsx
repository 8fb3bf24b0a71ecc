import { Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMe } from '#app/auth/auth-context';
import { fieldAccess } from '#app/auth/permissions';
import type { CrmRecord } from '#shared/api/types';
import { fieldLabel } from '#shared/fields/field-label';
import type { FieldDef } from '#shared/fields/field-types';
import { FieldValue } from '#shared/fields/field-value';
import { type ObjectDef, getValue } from '#shared/records/object-def';
import { SensitiveValue } from './sensitive-value';

/** Every readable field of the record, custom fields included. */
export function RecordFields({ def, record, fields }: { def: ObjectDef; record: CrmRecord; fields: FieldDef[] }) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const visible = fields.filter((f) => !(f.sensitive && getValue(record, f.key) === undefined));
  return (
    <Descriptions
      column={{ xs: 1, sm: 1, md: 2 }}
      size="small"
      data-testid="record-fields"
      items={visible.map((f) => {
        const v = getValue(record, f.key);
        const sensitive = f.sensitive && typeof v === 'string';
        return {
          key: f.key,
          label: fieldLabel(f, t, i18n.language),
          span: f.type === 'address' || f.type === 'longtext' ? ('filled' as const) : 1,
          children: sensitive ? (
            <SensitiveValue object={def.object} id={record.id} field={f.key} masked={v as string} canReveal={fieldAccess(me, def.entity, f.key, true).read} />
          ) : (
            <FieldValue def={f} record={record} />
          ),
        };
      })}
    />
  );
}
