import { DatePicker, Input, InputNumber, Select } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { FieldDef } from '#shared/fields/field-types';
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
    const fmt = (d: dayjs.Dayjs | null) => (d ? (def.type === 'date' ? d.format('YYYY-MM-DD') : d.toISOString()) : null);
    if (op === 'between') {
      const [a, b] = Array.isArray(value) ? value : [];
      return (
        <DatePicker.RangePicker
          {...full}
          value={[a ? dayjs(String(a)) : null, b ? dayjs(String(b)) : null]}
          onChange={(r) => onChange(r ? [fmt(r[0] ?? null), fmt(r[1] ?? null)] : null)}
        />
      );
    }
    return <DatePicker {...full} value={value ? dayjs(String(value)) : null} onChange={(d) => onChange(fmt(d))} />;
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
