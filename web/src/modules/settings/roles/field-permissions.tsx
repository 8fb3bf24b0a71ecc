import { Checkbox, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CustomFieldDef } from '#shared/fields/custom-fields-api';
import { pickLabel } from '#shared/format/localized';
import { objectByName, objectLabel, useObjects } from '#shared/objects/use-objects';
import type { FieldRules } from '../settings-api';
import { type FieldRow, sensitiveFieldRows } from './role-rows';

type Props = { value: FieldRules; onChange: (v: FieldRules) => void; customFields: CustomFieldDef[]; admin?: boolean };

/** Read/edit rules for each object's sensitive fields; without a rule the field is masked and read-only. */
export function FieldPermissions({ value, onChange, customFields, admin }: Props) {
  const { t, i18n } = useTranslation();
  const { objects, loading } = useObjects();
  const rows = sensitiveFieldRows(objects, customFields);
  const label = (r: FieldRow) =>
    r.custom ? pickLabel({ zh: r.custom.label.zh ?? '', en: r.custom.label.en ?? '' }, i18n.language) : t(`fields.${r.field}`, { defaultValue: r.field });
  const set = (r: FieldRow, k: 'read' | 'edit', on: boolean) => {
    const prev = value[r.object]?.[r.field] ?? { read: false, edit: false };
    // Editing a field you cannot read makes no sense: edit implies read, no read implies no edit.
    const next = k === 'edit' ? { read: on || prev.read, edit: on } : { read: on, edit: on && prev.edit };
    onChange({ ...value, [r.object]: { ...(value[r.object] ?? {}), [r.field]: next } });
  };
  return (
    <Table<FieldRow>
      size="small"
      pagination={false}
      loading={loading}
      rowKey={(r) => `${r.object}.${r.field}`}
      dataSource={rows}
      data-testid="field-permissions"
      columns={[
        { key: 'object', title: t('settings.roles.object'), render: (_, r) => objectLabel(objectByName(objects, r.object), i18n.language) },
        { key: 'field', title: t('settings.roles.field'), render: (_, r) => label(r) },
        ...(['read', 'edit'] as const).map((k) => ({
          key: k,
          title: t(`settings.roles.${k}`),
          render: (_: unknown, r: FieldRow) => (
            <Checkbox
              disabled={admin}
              aria-label={`${label(r)} ${t(`settings.roles.${k}`)}`}
              checked={admin || !!value[r.object]?.[r.field]?.[k]}
              onChange={(e) => set(r, k, e.target.checked)}
            />
          ),
        })),
      ]}
    />
  );
}
