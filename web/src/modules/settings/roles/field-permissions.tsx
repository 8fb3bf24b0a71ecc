import { Checkbox, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { pickLabel } from '#shared/format/localized';
import type { CustomFieldDef } from '#shared/fields/custom-fields-api';
import type { FieldRules } from '../settings-api';

type Row = { object: string; field: string; label: string };
type Props = { value: FieldRules; onChange: (v: FieldRules) => void; customFields: CustomFieldDef[]; disabled?: boolean };

const BUILT_IN: { object: string; field: string; labelKey: string }[] = [
  { object: 'contact', field: 'phones', labelKey: 'fields.phones' },
  { object: 'contact', field: 'idNumber', labelKey: 'fields.idNumber' },
  { object: 'company', field: 'bankAccount', labelKey: 'fields.bankAccount' },
];

/** Read/edit rules for sensitive fields; without a rule the field is masked and read-only. */
export function FieldPermissions({ value, onChange, customFields, disabled }: Props) {
  const { t, i18n } = useTranslation();
  const rows: Row[] = [
    ...BUILT_IN.map((b) => ({ object: b.object, field: b.field, label: t(b.labelKey) })),
    ...customFields
      .filter((c) => c.sensitive)
      .map((c) => ({ object: c.object, field: `custom.${c.key}`, label: pickLabel({ zh: c.label.zh ?? '', en: c.label.en ?? '' }, i18n.language) })),
  ];
  const set = (r: Row, k: 'read' | 'edit', on: boolean) => {
    const prev = value[r.object]?.[r.field] ?? { read: false, edit: false };
    // Editing a field you cannot read makes no sense: edit implies read, no read implies no edit.
    const next = k === 'edit' ? { read: on || prev.read, edit: on } : { read: on, edit: on && prev.edit };
    onChange({ ...value, [r.object]: { ...(value[r.object] ?? {}), [r.field]: next } });
  };
  return (
    <Table<Row>
      size="small"
      pagination={false}
      rowKey={(r) => `${r.object}.${r.field}`}
      dataSource={rows}
      columns={[
        { key: 'object', title: t('settings.roles.object'), render: (_, r) => t(`settings.objects.${r.object}`, r.object) },
        { key: 'field', title: t('settings.roles.field'), render: (_, r) => r.label },
        ...(['read', 'edit'] as const).map((k) => ({
          key: k,
          title: t(`settings.roles.${k}`),
          render: (_: unknown, r: Row) => (
            <Checkbox disabled={disabled} checked={!!value[r.object]?.[r.field]?.[k]} onChange={(e) => set(r, k, e.target.checked)} />
          ),
        })),
      ]}
    />
  );
}
