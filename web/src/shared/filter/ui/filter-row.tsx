import { DeleteOutlined } from '@ant-design/icons';
import { Button, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { fieldLabel } from '#shared/fields/field-label';
import { type FieldDef, opsForType } from '#shared/fields/field-types';
import type { Condition, FilterOp } from '../filter-types';
import styles from './filter-builder.module.css';
import { FilterValueInput } from './filter-value-input';

type Props = { fields: FieldDef[]; byKey: Map<string, FieldDef>; value: Condition; onChange: (c: Condition) => void; onRemove: () => void };

export function initialValue(op: FilterOp): Condition['value'] {
  if (op === 'isEmpty') return true;
  if (op === 'between' || op === 'in' || op === 'nin') return [];
  return null;
}

/** A new row on a field, with that field's first operator. */
export function conditionFor(def: FieldDef, id: string): Condition {
  const op = opsForType(def.type)[0] ?? 'eq';
  return { id, field: def.key, op, value: initialValue(op) };
}

/** One field / operator / value row. */
export function FilterRow({ fields, byKey, value: c, onChange, onRemove }: Props) {
  const { t, i18n } = useTranslation();
  const def = byKey.get(c.field);
  const ops = def ? opsForType(def.type) : [];
  return (
    <div className={styles.row} data-testid="filter-row">
      <Select
        className={styles.field}
        showSearch={{ optionFilterProp: 'label' }}
        value={c.field}
        options={fields.map((f) => ({ value: f.key, label: fieldLabel(f, t, i18n.language) }))}
        onChange={(field) => {
          const nd = byKey.get(field);
          if (nd) onChange(conditionFor(nd, c.id));
        }}
        data-testid="filter-field"
      />
      <Select
        className={styles.op}
        value={c.op}
        options={ops.map((op) => ({ value: op, label: t(`filter.ops.${op}`) }))}
        onChange={(op: FilterOp) => onChange({ ...c, op, value: initialValue(op) })}
        data-testid="filter-op"
      />
      <div className={styles.value}>{def && <FilterValueInput def={def} op={c.op} value={c.value} onChange={(v) => onChange({ ...c, value: v })} />}</div>
      <Button type="text" icon={<DeleteOutlined />} aria-label={t('common.remove')} onClick={onRemove} data-testid="filter-remove" />
    </div>
  );
}
