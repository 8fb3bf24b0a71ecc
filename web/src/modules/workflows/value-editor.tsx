import { Input, InputNumber, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { fieldLabel } from '#shared/fields/field-label';
import type { FieldDef, FieldType } from '#shared/fields/field-types';
import type { FilterValue } from '#shared/filter/filter-types';
import { FilterValueInput } from '#shared/filter/ui/filter-value-input';
import { MergeFieldButton } from './merge-field-button';
import type { ValueSpec } from './workflows-api';

type Kind = ValueSpec['kind'];
type Props = { field: FieldDef | undefined; fields: FieldDef[]; value: ValueSpec; onChange: (next: ValueSpec) => void };

const TEXTS: FieldType[] = ['text', 'longtext', 'url', 'email', 'phone', 'select'];
const NUMBERS: FieldType[] = ['number', 'decimal', 'money'];
const DATES: FieldType[] = ['date', 'datetime'];

/** What an "update field" may compute for a field of this type, besides a fixed value. */
function kindsFor(type: FieldType | undefined): Kind[] {
  if (!type) return ['value', 'copy'];
  if (TEXTS.includes(type)) return ['value', 'template', 'copy'];
  if (NUMBERS.includes(type)) return ['value', 'math', 'copy'];
  if (DATES.includes(type)) return ['value', 'addDays', 'copy'];
  return ['value', 'copy'];
}

const fresh = (kind: Kind): ValueSpec => {
  switch (kind) {
    case 'value':
      return { kind, value: null };
    case 'template':
      return { kind, template: '' };
    case 'addDays':
      return { kind, from: 'today', days: 7 };
    case 'math':
      return { kind, op: 'add', left: { number: '0' }, right: { number: '0' } };
    case 'copy':
      return { kind, from: 'id' };
  }
};

type Operand = Extract<ValueSpec, { kind: 'math' }>['left'];

/** A new value: fixed, a template with merge fields, a date + N days, or arithmetic on two numbers or fields. */
export function ValueEditor({ field, fields, value, onChange }: Props) {
  const { t, i18n } = useTranslation();
  const kinds = kindsFor(field?.type);
  const option = (f: FieldDef) => ({ value: f.key, label: fieldLabel(f, t, i18n.language) });
  const numbers = fields.filter((f) => NUMBERS.includes(f.type));
  const operand = (o: Operand, set: (next: Operand) => void) => (
    <Space.Compact>
      <Select
        value={'field' in o ? o.field : '#'}
        onChange={(v) => set(v === '#' ? { number: '0' } : { field: v })}
        options={[{ value: '#', label: t('workflows.number') }, ...numbers.map(option)]}
        style={{ width: 140 }}
      />
      {'number' in o && <Input value={o.number} onChange={(e) => set({ number: e.target.value })} style={{ width: 100 }} data-testid="math-number" />}
    </Space.Compact>
  );
  return (
    <Space wrap align="start">
      {kinds.length > 1 && (
        <Select
          value={value.kind}
          onChange={(kind) => onChange(fresh(kind))}
          options={kinds.map((k) => ({ value: k, label: t(`workflows.kind.${k}`) }))}
          style={{ width: 130 }}
          data-testid="value-kind"
        />
      )}
      {value.kind === 'value' && field && (
        <div style={{ width: 220 }} data-testid="value-fixed">
          <FilterValueInput def={field} op="eq" value={(value.value ?? null) as FilterValue} onChange={(v) => onChange({ kind: 'value', value: v })} />
        </div>
      )}
      {value.kind === 'template' && (
        <Space direction="vertical" size={4}>
          <Input
            value={value.template}
            onChange={(e) => onChange({ kind: 'template', template: e.target.value })}
            style={{ width: 260 }}
            placeholder="{{name}} · VIP"
            data-testid="value-template"
          />
          <MergeFieldButton fields={fields} onPick={(m) => onChange({ kind: 'template', template: `${value.template}${m}` })} />
        </Space>
      )}
      {value.kind === 'addDays' && (
        <Space.Compact>
          <Select
            value={value.from}
            onChange={(from) => onChange({ ...value, from })}
            options={[{ value: 'today', label: t('workflows.today') }, ...fields.filter((f) => DATES.includes(f.type)).map(option)]}
            style={{ width: 150 }}
          />
          <InputNumber
            value={value.days}
            onChange={(days) => onChange({ ...value, days: days ?? 0 })}
            addonAfter={t('workflows.days')}
            style={{ width: 140 }}
          />
        </Space.Compact>
      )}
      {value.kind === 'copy' && (
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          value={value.from}
          onChange={(from) => onChange({ kind: 'copy', from })}
          options={[{ value: 'id', label: t('workflows.thisRecord') }, ...fields.map(option)]}
          style={{ width: 200 }}
          data-testid="value-copy"
        />
      )}
      {value.kind === 'math' && (
        <Space wrap>
          {operand(value.left, (left) => onChange({ ...value, left }))}
          <Select
            value={value.op}
            onChange={(op) => onChange({ ...value, op })}
            options={['add', 'sub', 'mul', 'div'].map((op) => ({ value: op, label: t(`workflows.op.${op}`) }))}
            style={{ width: 70 }}
          />
          {operand(value.right, (right) => onChange({ ...value, right }))}
        </Space>
      )}
    </Space>
  );
}
