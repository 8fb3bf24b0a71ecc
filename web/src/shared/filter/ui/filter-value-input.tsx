import { DatePicker, Input, InputNumber, Select } from 'antd';
import dayjs from 'dayjs';
import { fromPickerValue, toPickerValue } from '#shared/format/picker-time';
import { useTranslation } from 'react-i18next';
import type { FieldDef } from '#shared/fields/field-types';
import { LookupSelect } from '#shared/fields/inputs/lookup-select';
import { pickLabel } from '#shared/format/localized';
import { useUsers } from '#shared/users/users-api';
import type { FilterOp, FilterValue, Scalar } from '../filter-types';

type Props = { def: FieldDef; op: FilterOp; value: FilterValue; onChange: (v: FilterValue) => void };

const MULTI: FilterOp[] = ['in', 'nin'];

/** The value editor for one filter row; its shape follows the operator (list, range, flag). */
export function FilterValueInput({ def, op, value, onChange }: Props) {
  const { t, i18n } = useTranslation();
  const { data: users = [] } = useUsers();
  const full = { style: { width: '100%' } };
  if (op === 'isEmpty') {
    return (
      <Select
        {...full}
        value={value as boolean | null}
        onChange={onChange}
        options={[
          { value: true, label: t('filter.empty') },
          { value: false, label: t('filter.notEmpty') },
        ]}
      />
    );
  }
  if (def.type === 'boolean') {
    return (
      <Select
        {...full}
        value={value as boolean | null}
        onChange={onChange}
        options={[
          { value: true, label: t('common.yes') },
          { value: false, label: t('common.no') },
        ]}
      />
    );
  }
  if (def.type === 'lookup') {
    const multiple = MULTI.includes(op);
    const current = multiple ? (Array.isArray(value) ? value.map(String) : []) : typeof value === 'string' ? value : null;
    return <LookupSelect target={def.target} multiple={multiple} value={current} onChange={(v) => onChange(v)} />;
  }
  const choices =
    def.type === 'user'
      ? users.map((u) => ({ value: u.id, label: u.name }))
      : def.options?.map((o) => ({ value: o.value, label: pickLabel(o.label, i18n.language) }));
  if (choices && (def.type === 'select' || def.type === 'user' || def.type === 'multiselect' || (def.type === 'tags' && choices.length))) {
    const multiple = MULTI.includes(op) || def.type === 'multiselect' || def.type === 'tags';
    return (
      <Select
        {...full}
        mode={multiple ? 'multiple' : undefined}
        showSearch={{ optionFilterProp: 'label' }}
        value={(value ?? undefined) as Scalar}
        onChange={(v: FilterValue) => onChange(v)}
        options={choices}
      />
    );
  }
  if (def.type === 'tags' || MULTI.includes(op)) {
    return <Select {...full} mode="tags" value={(Array.isArray(value) ? value : []) as string[]} onChange={(v: string[]) => onChange(v)} open={false} />;
  }
  if (def.type === 'date' || def.type === 'datetime') {
    // A day picked for an instant means that whole day on the user's clock: from its start, up to its end.
    const fmt = (d: dayjs.Dayjs | null, edge: 'start' | 'end') => {
      if (!d) return null;
      if (def.type === 'date') return d.format('YYYY-MM-DD');
      return fromPickerValue(edge === 'end' ? d.endOf('day') : d.startOf('day'));
    };
    const show = (v: Scalar | undefined) => (def.type === 'date' ? (v ? dayjs(String(v)) : null) : (toPickerValue(v) ?? null));
    const edge = op === 'lte' || op === 'gt' ? 'end' : 'start';
    if (op === 'between') {
      const [a, b] = Array.isArray(value) ? value : [];
      return (
        <DatePicker.RangePicker
          {...full}
          value={[show(a), show(b)]}
          onChange={(r) => onChange(r ? [fmt(r[0] ?? null, 'start'), fmt(r[1] ?? null, 'end')] : null)}
        />
      );
    }
    return <DatePicker {...full} value={show(value as Scalar)} onChange={(d) => onChange(fmt(d, edge))} />;
  }
  if (def.type === 'number' || def.type === 'decimal' || def.type === 'money') {
    if (op === 'between') {
      const [a, b] = Array.isArray(value) ? value : [null, null];
      return (
        <span style={{ display: 'flex', gap: 4 }}>
          <InputNumber value={a as number | null} onChange={(v) => onChange([v, b ?? null])} aria-label={t('filter.from')} />
          <InputNumber value={b as number | null} onChange={(v) => onChange([a ?? null, v])} aria-label={t('filter.to')} />
        </span>
      );
    }
    return <InputNumber {...full} value={value as number | null} onChange={(v) => onChange(v)} />;
  }
  return <Input value={(value as string) ?? ''} onChange={(e) => onChange(e.target.value)} data-testid="filter-value" />;
}
