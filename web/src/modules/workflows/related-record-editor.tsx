import { Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FieldDef } from '#shared/fields/field-types';
import { objectByName, objectLabel, useObjects } from '#shared/objects/use-objects';
import { creatableFields, useRuleFields } from './rule-fields';
import { FieldValueRows } from './field-value-rows';
import type { RuleAction } from './workflows-api';

type CreateRecord = Extract<RuleAction, { type: 'create_record' }>;
type Props = { action: CreateRecord; onChange: (next: RuleAction) => void; fields: FieldDef[] };

/** "Create a related record": the object, and its fields computed from the triggering record (templates, formulas, copies). */
export function RelatedRecordBody({ action, onChange, fields }: Props) {
  const { t, i18n } = useTranslation();
  const { objects } = useObjects();
  const target = useRuleFields(action.object);
  // The server's declaration says what a request may set (the web's own field lists mark a deal's as read-only: its pages draw them).
  const declared = objectByName(objects, action.object)?.fields;
  const writable = creatableFields(
    target.all.map((f) => {
      const d = declared?.find((x) => x.name === f.key);
      return d ? { ...f, readOnly: d.readOnly } : f;
    }),
  );
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Typography.Text>{t('workflows.newRecordOf')}</Typography.Text>
        <Select
          value={action.object}
          onChange={(object) => onChange({ ...action, object, values: [{ field: 'name', value: { kind: 'template', template: '' } }] })}
          options={objects.filter((o) => o.record && o.path).map((o) => ({ value: o.name, label: objectLabel(o, i18n.language) }))}
          style={{ width: 200 }}
          data-testid="related-object"
        />
      </Space>
      <FieldValueRows
        rows={action.values}
        onChange={(values) => onChange({ ...action, values })}
        writable={writable}
        targetFields={target.fields}
        fields={fields}
        testIds={{ row: 'related-row', field: 'related-field' }}
      />
      <Typography.Text type="secondary">{t('workflows.relatedHint')}</Typography.Text>
    </Space>
  );
}
