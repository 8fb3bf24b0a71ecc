import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Empty, Segmented, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FieldDef } from '#shared/fields/field-types';
import { MAX_GROUP_DEPTH, newConditionId } from '../filter-model';
import { type ConditionGroup, type FilterNode, isGroup } from '../filter-types';
import styles from './filter-builder.module.css';
import { FilterRow, conditionFor } from './filter-row';

type Props = { fields: FieldDef[]; value: ConditionGroup; onChange: (g: ConditionGroup) => void };
type GroupProps = {
  fields: FieldDef[];
  byKey: Map<string, FieldDef>;
  value: ConditionGroup;
  onChange: (g: ConditionGroup) => void;
  onRemove?: () => void;
  depth: number;
};

const nodeKey = (n: FilterNode, i: number) => n.id ?? `g${i}`;

/** Rows and nested groups joined by AND or OR; a group can hold groups up to MAX_GROUP_DEPTH levels. */
function GroupEditor({ fields, byKey, value, onChange, onRemove, depth }: GroupProps) {
  const { t } = useTranslation();
  const root = depth === 0;
  const first = fields[0];
  const replace = (i: number, next: FilterNode) => onChange({ ...value, conditions: value.conditions.map((n, j) => (j === i ? next : n)) });
  const remove = (i: number) => onChange({ ...value, conditions: value.conditions.filter((_, j) => j !== i) });
  const addRow = () => first && onChange({ ...value, conditions: [...value.conditions, conditionFor(first, newConditionId())] });
  // A new group starts with one row and the opposite conjunction: "A and (B or C)" is why groups exist.
  const addGroup = () =>
    first &&
    onChange({
      ...value,
      conditions: [
        ...value.conditions,
        { id: newConditionId(), conjunction: value.conjunction === 'and' ? 'or' : 'and', conditions: [conditionFor(first, newConditionId())] },
      ],
    });

  return (
    <div className={root ? styles.rootGroup : styles.group} data-testid={root ? 'filter-root' : 'filter-group'}>
      {(value.conditions.length > 1 || !root) && (
        <div className={styles.groupHead}>
          <Segmented
            size="small"
            value={value.conjunction}
            onChange={(v) => onChange({ ...value, conjunction: v as ConditionGroup['conjunction'] })}
            options={[
              { value: 'and', label: t('filter.and') },
              { value: 'or', label: t('filter.or') },
            ]}
            data-testid="filter-conjunction"
          />
          {onRemove && (
            <Button
              type="text"
              size="small"
              icon={<DeleteOutlined />}
              aria-label={t('filter.removeGroup')}
              onClick={onRemove}
              data-testid="filter-remove-group"
            />
          )}
        </div>
      )}
      {root && value.conditions.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('filter.none')} />}
      {value.conditions.map((n, i) =>
        isGroup(n) ? (
          <GroupEditor
            key={nodeKey(n, i)}
            fields={fields}
            byKey={byKey}
            value={n}
            onChange={(g) => replace(i, g)}
            onRemove={() => remove(i)}
            depth={depth + 1}
          />
        ) : (
          <FilterRow key={n.id} fields={fields} byKey={byKey} value={n} onChange={(c) => replace(i, c)} onRemove={() => remove(i)} />
        ),
      )}
      <Space size={8} wrap>
        <Button type="dashed" size={root ? 'middle' : 'small'} icon={<PlusOutlined />} onClick={addRow} data-testid={root ? 'filter-add' : 'filter-group-add'}>
          {t('filter.add')}
        </Button>
        {depth < MAX_GROUP_DEPTH - 1 && (
          <Button
            type="dashed"
            size={root ? 'middle' : 'small'}
            icon={<PlusOutlined />}
            onClick={addGroup}
            data-testid={root ? 'filter-add-group' : 'filter-group-add-group'}
          >
            {t('filter.addGroup')}
          </Button>
        )}
      </Space>
    </div>
  );
}

/** The filter builder over every filterable field, custom fields included, producing the API grammar. */
export function FilterBuilder({ fields, value, onChange }: Props) {
  // Conditions are stored under the API's filter name, which may differ from the record key.
  const filterable = fields.filter((f) => f.filterable !== false).map((f) => (f.filterKey ? { ...f, key: f.filterKey } : f));
  const byKey = new Map(filterable.map((f) => [f.key, f]));
  return (
    <div className={styles.builder} data-testid="filter-builder">
      <GroupEditor fields={filterable} byKey={byKey} value={value} onChange={onChange} depth={0} />
    </div>
  );
}
