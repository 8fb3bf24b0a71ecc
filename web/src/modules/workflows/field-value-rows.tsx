import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { fieldLabel } from '#shared/fields/field-label';
import type { FieldDef } from '#shared/fields/field-types';
import { ValueEditor } from './value-editor';
import type { RuleAction } from './workflows-api';

export type FieldValue = Extract<RuleAction, { type: 'update_fields' }>['updates'][number];

type Props = {
  rows: FieldValue[];
  onChange: (rows: FieldValue[]) => void;
  /** The fields a row may set (the field picker). */
  writable: FieldDef[];
  /** The set object's fields (what a row's value is edited as). */
  targetFields: FieldDef[];
  /** The triggering record's fields (formulas, merge fields and copies read them). */
  fields: FieldDef[];
  /** Test ids of a row and of its field picker (`update-row`, `update-field`). */
  testIds: { row: string; field: string };
};

/** Rows of "field := value" with a remove button each and an add button: what "update fields" and "create a record" set. */
export function FieldValueRows({ rows, onChange, writable, targetFields, fields, testIds }: Props) {
  const { t, i18n } = useTranslation();
  const set = (j: number, next: FieldValue) => onChange(rows.map((r, k) => (k === j ? next : r)));
  return (
    <>
      {rows.map((r, j) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no ids; their position is what they are.
        <Space key={j} align="start" wrap data-testid={testIds.row}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            value={r.field}
            onChange={(field) => set(j, { field, value: { kind: 'value', value: null } })}
            options={writable.map((f) => ({ value: f.key, label: fieldLabel(f, t, i18n.language) }))}
            style={{ width: 180 }}
            data-testid={testIds.field}
          />
          <ValueEditor field={targetFields.find((f) => f.key === r.field)} fields={fields} value={r.value} onChange={(value) => set(j, { ...r, value })} />
          <Button
            type="text"
            size="small"
            icon={<DeleteOutlined />}
            disabled={rows.length === 1}
            onClick={() => onChange(rows.filter((_, k) => k !== j))}
            aria-label={t('workflows.remove')}
          />
        </Space>
      ))}
      <Button
        size="small"
        type="dashed"
        icon={<PlusOutlined />}
        onClick={() => onChange([...rows, { field: writable[0]?.key ?? 'name', value: { kind: 'value', value: null } }])}
      >
        {t('workflows.addField')}
      </Button>
    </>
  );
}
