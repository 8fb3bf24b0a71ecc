import { useQuery } from '@tanstack/react-query';
import { Input, InputNumber, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { fieldLabel } from '#shared/fields/field-label';
import type { FieldDef } from '#shared/fields/field-types';
import type { FilterValue } from '#shared/filter/filter-types';
import { FilterValueInput } from '#shared/filter/ui/filter-value-input';
import { HookUrl } from './hook-url';
import { TRIGGER_TYPES, type Trigger, type TriggerType, workflowsApi } from './workflows-api';

type Props = {
  value: Trigger;
  onChange: (next: Trigger) => void;
  fields: FieldDef[];
  hasStages: boolean;
  object: string;
  /** The saved rule (its inbound-webhook URL is made for it), null while new. */
  rule: { id: string; hookTokenSet: boolean } | null;
};

const fresh = (type: TriggerType, fields: FieldDef[]): Trigger => {
  switch (type) {
    case 'date':
      return { type, field: fields.find((f) => f.type === 'date' || f.type === 'datetime')?.key ?? '', offsetDays: -30, time: '09:00' };
    case 'schedule':
      return { type, cron: '0 9 * * 1' };
    case 'form_submitted':
      return { type, formId: null };
    case 'webhook':
      return { type, matchField: null };
    default:
      return { type };
  }
};

/** When a rule runs: a record event (optionally "field X changed from A to B"), a date field +/- days, or a schedule. */
export function TriggerEditor({ value, onChange, fields, hasStages, object, rule }: Props) {
  const { t, i18n } = useTranslation();
  const option = (f: FieldDef) => ({ value: f.key, label: fieldLabel(f, t, i18n.language) });
  // Public (web-to-lead) forms create leads: their trigger is for lead rules.
  const types = TRIGGER_TYPES.filter((type) => (type !== 'stage_changed' || hasStages) && (type !== 'form_submitted' || object === 'lead'));
  const forms = useQuery({ queryKey: ['lead-forms'], queryFn: workflowsApi.leadForms, enabled: value.type === 'form_submitted' });
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={8}>
      <Select
        value={value.type}
        onChange={(type) => onChange(fresh(type, fields))}
        options={types.map((type) => ({ value: type, label: t(`workflows.trigger.${type}`) }))}
        style={{ width: 280 }}
        data-testid="trigger-type"
      />
      {value.type === 'updated' && (
        <Space wrap align="center">
          <Typography.Text>{t('workflows.onlyWhen')}</Typography.Text>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('workflows.anyField')}
            value={value.field ?? undefined}
            onChange={(field) => onChange({ type: 'updated', ...(field ? { field } : {}) })}
            options={fields.map(option)}
            style={{ width: 200 }}
            data-testid="trigger-field"
          />
          {value.field && (
            <>
              <Typography.Text>{t('workflows.changedFrom')}</Typography.Text>
              <ChangeValue fields={fields} field={value.field} value={value.from} onChange={(from) => onChange({ ...value, from })} testId="trigger-from" />
              <Typography.Text>{t('workflows.changedTo')}</Typography.Text>
              <ChangeValue fields={fields} field={value.field} value={value.to} onChange={(to) => onChange({ ...value, to })} testId="trigger-to" />
            </>
          )}
        </Space>
      )}
      {value.type === 'date' && (
        <Space wrap align="center">
          <InputNumber
            value={Math.abs(value.offsetDays)}
            min={0}
            max={3650}
            onChange={(n) => onChange({ ...value, offsetDays: Math.sign(value.offsetDays || -1) * (n ?? 0) })}
            data-testid="trigger-days"
          />
          <Select
            value={value.offsetDays < 0 ? 'before' : 'after'}
            onChange={(side) => onChange({ ...value, offsetDays: (side === 'before' ? -1 : 1) * Math.abs(value.offsetDays) })}
            options={[
              { value: 'before', label: t('workflows.daysBefore') },
              { value: 'after', label: t('workflows.daysAfter') },
            ]}
            style={{ width: 120 }}
          />
          <Select
            value={value.field || undefined}
            onChange={(field) => onChange({ ...value, field })}
            options={fields.filter((f) => f.type === 'date' || f.type === 'datetime').map(option)}
            style={{ width: 200 }}
            data-testid="trigger-date-field"
          />
          <Typography.Text>{t('workflows.at')}</Typography.Text>
          <Input value={value.time ?? '09:00'} onChange={(e) => onChange({ ...value, time: e.target.value })} style={{ width: 80 }} />
        </Space>
      )}
      {value.type === 'form_submitted' && (
        <Select
          value={value.formId ?? ''}
          onChange={(formId) => onChange({ type: 'form_submitted', formId: formId || null })}
          loading={forms.isPending}
          options={[{ value: '', label: t('workflows.anyForm') }, ...(forms.data ?? []).map((f) => ({ value: f.id, label: f.name }))]}
          style={{ width: 280 }}
          data-testid="trigger-form"
        />
      )}
      {value.type === 'webhook' && (
        <Space direction="vertical" style={{ width: '100%' }} size={4}>
          <Space wrap align="center">
            <Typography.Text>{t('workflows.hook.findBy')}</Typography.Text>
            <Select
              value={value.matchField ?? ''}
              onChange={(matchField) => onChange({ type: 'webhook', matchField: matchField || null })}
              options={[{ value: '', label: t('workflows.hook.byId') }, ...fields.filter((f) => !f.sensitive).map(option)]}
              showSearch={{ optionFilterProp: 'label' }}
              style={{ width: 240 }}
              data-testid="trigger-match"
            />
          </Space>
          <HookUrl ruleId={rule?.id ?? null} hasToken={!!rule?.hookTokenSet} />
        </Space>
      )}
      {value.type === 'schedule' && (
        <Space direction="vertical" style={{ width: '100%' }} size={2}>
          <Input value={value.cron} onChange={(e) => onChange({ ...value, cron: e.target.value })} style={{ width: 220 }} data-testid="trigger-cron" />
          <Typography.Text type="secondary">{t('workflows.cronHint')}</Typography.Text>
        </Space>
      )}
    </Space>
  );
}

type ChangeValueProps = { fields: FieldDef[]; field: string; value: unknown; onChange: (v: FilterValue | undefined) => void; testId: string };

/** "From" / "to" of a field change, in the field's own input; empty means any value. */
function ChangeValue({ fields, field, value, onChange, testId }: ChangeValueProps) {
  const def = fields.find((f) => f.key === field);
  if (!def) return null;
  return (
    <div style={{ width: 180 }} data-testid={testId}>
      <FilterValueInput def={def} op="eq" value={(value ?? null) as FilterValue} onChange={(v) => onChange(v === null || v === '' ? undefined : v)} />
    </div>
  );
}
