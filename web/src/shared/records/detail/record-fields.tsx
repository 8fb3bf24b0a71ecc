import { Descriptions } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CrmRecord } from '#shared/api/types';
import { fieldLabel } from '#shared/fields/field-label';
import type { FieldDef } from '#shared/fields/field-types';
import { FieldValue } from '#shared/fields/field-value';
import { type ObjectDef, getValue } from '../object-def';
import { InlineEditor } from './inline-editor';
import { InlineValue } from './inline-value';
import styles from './record-fields.module.css';
import { SensitiveValue } from './sensitive-value';

type Props = {
  def: ObjectDef;
  record: CrmRecord;
  fields: FieldDef[];
  /** Whether the user may edit this field of this record (record scope and field permission); none when absent. */
  canEditField?: (field: FieldDef) => boolean;
  /** Whether the user may unmask this sensitive field. */
  canReveal?: (field: FieldDef) => boolean;
  onSaved?: (saved: CrmRecord) => void;
  onReload?: () => Promise<unknown>;
};

/** Every readable field of the record, custom fields included; editable ones open in place on click. */
export function RecordFields({ def, record, fields, canEditField, canReveal, onSaved, onReload }: Props) {
  const { t, i18n } = useTranslation();
  const [editing, setEditing] = useState<string | null>(null);
  const visible = fields.filter((f) => !(f.sensitive && getValue(record, f.key) === undefined));
  const editable = (f: FieldDef) => !!onSaved && !f.readOnly && !!canEditField?.(f);
  return (
    <Descriptions
      column={{ xs: 1, sm: 1, md: 2 }}
      size="small"
      className={styles.fields}
      data-testid="record-fields"
      items={visible.map((f) => {
        const v = getValue(record, f.key);
        const sensitive = f.sensitive && typeof v === 'string';
        const label = fieldLabel(f, t, i18n.language);
        const wide = f.type === 'address' || f.type === 'longtext' || f.key === editing;
        const shown = sensitive ? (
          <SensitiveValue key={f.key} object={def.object} id={record.id} field={f.key} masked={v as string} canReveal={!!canReveal?.(f)} />
        ) : (
          <FieldValue key={f.key} def={f} record={record} />
        );
        let children = shown;
        if (editing === f.key && onSaved)
          children = (
            <InlineEditor
              def={def}
              field={f}
              record={record}
              onCancel={() => setEditing(null)}
              onSaved={(saved) => {
                setEditing(null);
                onSaved(saved);
              }}
              onReload={() => void onReload?.().then(() => setEditing(null))}
            />
          );
        else if (editable(f))
          children = (
            <InlineValue label={label} fieldKey={f.key} onEdit={() => setEditing(f.key)}>
              {shown}
            </InlineValue>
          );
        return { key: f.key, label, span: wide ? ('filled' as const) : 1, children };
      })}
    />
  );
}
