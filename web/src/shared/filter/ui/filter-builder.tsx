import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Empty, Segmented, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { fieldLabel } from '#shared/fields/field-label';
import { type FieldDef, opsForType } from '#shared/fields/field-types';
import { newConditionId } from '../filter-model';
import type { Condition, ConditionGroup, FilterOp } from '../filter-types';
import styles from './filter-builder.module.css';
import { FilterValueInput } from './filter-value-input';

type Props = { fields: FieldDef[]; value: ConditionGroup; onChange: (g: ConditionGroup) => void };

export function initialValue(op: FilterOp): Condition['value'] {
  if (op === 'isEmpty') return true;
  if (op === 'between' || op === 'in' || op === 'nin') return [];
  return null;
}

/** A flat list of field / operator / value rows joined by AND or OR, over every filterable field. */
export function FilterBuilder({ fields, value, onChange }: Props) {
  const { t, i18n } = useTranslation();
  // Conditions are stored under the API's filter name, which may differ from the record key.
  const filterable = fields.filter((f) => f.filterable !== false).map((f) => (f.filterKey ? { ...f, key: f.filterKey } : f));
  const byKey = new Map(filterable.map((f) => [f.key, f]));
  const setRow = (id: string, patch: Partial<Condition>) =>
    onChange({ ...value, conditions: value.conditions.map((c) => (c.id === id ? { ...c, ...patch } : c)) });
  const add = () => {
    const f = filterable[0];
    if (!f) return;
    const op = opsForType(f.type)[0] ?? 'eq';
    onChange({ ...value, conditions: [...value.conditions, { id: newConditionId(), field: f.key, op, value: initialValue(op) }] });
  };

  return (
    <div className={styles.builder} data-testid="filter-builder">
      {value.conditions.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('filter.none')} />}
      {value.conditions.length > 1 && (
        <Segmented
          size="small"
          value={value.conjunction}
          onChange={(v) => onChange({ ...value, conjunction: v as ConditionGroup['conjunction'] })}
          options={[
            { value: 'and', label: t('filter.and') },
            { value: 'or', label: t('filter.or') },
          ]}
        />
      )}
      {value.conditions.map((c) => {
        const def = byKey.get(c.field);
        const ops = def ? opsForType(def.type) : [];
        return (
          <div key={c.id} className={styles.row} data-testid="filter-row">
            <Select
              className={styles.field}
              showSearch={{ optionFilterProp: 'label' }}
              value={c.field}
              options={filterable.map((f) => ({ value: f.key, label: fieldLabel(f, t, i18n.language) }))}
              onChange={(field) => {
                const nd = byKey.get(field);
                const op = nd ? (opsForType(nd.type)[0] ?? 'eq') : 'eq';
                setRow(c.id, { field, op, value: initialValue(op) });
              }}
              data-testid="filter-field"
            />
            <Select
              className={styles.op}
              value={c.op}
              options={ops.map((op) => ({ value: op, label: t(`filter.ops.${op}`) }))}
              onChange={(op: FilterOp) => setRow(c.id, { op, value: initialValue(op) })}
              data-testid="filter-op"
            />
            <div className={styles.value}>{def && <FilterValueInput def={def} op={c.op} value={c.value} onChange={(v) => setRow(c.id, { value: v })} />}</div>
            <Button
              type="text"
              icon={<DeleteOutlined />}
              aria-label={t('common.remove')}
              onClick={() => onChange({ ...value, conditions: value.conditions.filter((x) => x.id !== c.id) })}
            />
          </div>
        );
      })}
      <Button type="dashed" icon={<PlusOutlined />} onClick={add} data-testid="filter-add">
        {t('filter.add')}
      </Button>
    </div>
  );
}
