import { Descriptions } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '#app/auth/auth-context';
import { fieldAccess } from '#app/auth/permissions';
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
  /** The user may update this record; each field still needs its own edit permission. */
  canEdit?: boolean;
  onSaved?: (saved: CrmRecord) => void;
  onReload?: () => Promise<unknown>;
};

/** Every readable field of the record, custom fields included; editable ones open in place on click. */
export function RecordFields({ def, record, fields, canEdit = false, onSaved, onReload }: Props) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const [editing, setEditing] = useState<string | null>(null);
  const visible = fields.filter((f) => !(f.sensitive && getValue(record, f.key) === undefined));
  const editable = (f: FieldDef) => canEdit && !!onSaved && !f.readOnly && fieldAccess(me, def.entity, f.key, !!f.sensitive).edit;
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
          <SensitiveValue
            key={f.key}
            object={def.object}
            id={record.id}
            field={f.key}
            masked={v as string}
            canReveal={fieldAccess(me, def.entity, f.key, true).read}
          />
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
