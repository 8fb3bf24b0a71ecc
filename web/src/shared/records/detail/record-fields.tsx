import { Collapse, Descriptions } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CrmRecord } from '#shared/api/types';
import { fieldLabel } from '#shared/fields/field-label';
import type { FieldDef } from '#shared/fields/field-types';
import { FieldValue } from '#shared/fields/field-value';
import { pickLabel } from '#shared/format/localized';
import { groupFields, type LayoutSection } from '../layout';
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
  /** The admin's sections (Settings > Layouts): fields grouped under titles, the rest under "Other"; one grid when absent. */
  sections?: LayoutSection[] | null | undefined;
};

const readable = (record: CrmRecord) => (f: FieldDef) => !(f.sensitive && getValue(record, f.key) === undefined);

/** Every readable field of the record, custom fields included, in the layout's sections; editable ones open in place on click. */
export function RecordFields({ sections, ...props }: Props) {
  const { t, i18n } = useTranslation();
  const groups = groupFields(props.fields.filter(readable(props.record)), sections);
  if (!groups) return <FieldGrid {...props} />;
  const shown = groups.filter((g) => g.fields.length > 0);
  return (
    <Collapse
      className={styles.sections}
      ghost
      size="small"
      defaultActiveKey={shown.filter((g) => !g.collapsed).map((g) => g.id)}
      data-testid="record-sections"
      // Flush with the card, as the fields are without sections.
      styles={{ header: { paddingInline: 0 }, body: { paddingInline: 0 } }}
      items={shown.map((g) => ({
        key: g.id,
        label: (
          <span className={styles.sectionTitle} data-testid="record-section-title">
            {g.label ? pickLabel(g.label, i18n.language) : t('detail.otherFields')}
          </span>
        ),
        children: <FieldGrid {...props} fields={g.fields} aligned />,
      }))}
    />
  );
}

/** `aligned`: labels take a fixed share of the width, so the columns of consecutive sections line up. */
function FieldGrid({ def, record, fields, canEditField, canReveal, onSaved, onReload, aligned }: Omit<Props, 'sections'> & { aligned?: boolean }) {
  const { t, i18n } = useTranslation();
  const [editing, setEditing] = useState<string | null>(null);
  const visible = fields.filter(readable(record));
  const editable = (f: FieldDef) => !!onSaved && !f.readOnly && !!canEditField?.(f);
  return (
    <Descriptions
      column={{ xs: 1, sm: 1, md: 2 }}
      size="small"
      className={aligned ? `${styles.fields} ${styles.aligned}` : styles.fields}
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
