import { DeleteOutlined } from '@ant-design/icons';
import { Button, Input, InputNumber, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import styles from './scoring.module.css';
import { type Condition, OPERATORS, type Operator, type RuleField, UNARY } from './scoring-api';

type Props = {
  value: Condition;
  fields: RuleField[];
  onChange: (next: Condition) => void;
  onRemove: () => void;
  /** Prefix for test ids (`rule-0`). */
  testId: string;
};

const LIST_OPS: readonly Operator[] = ['in', 'nin'];
const NUMBER_OPS: readonly Operator[] = ['gt', 'gte', 'lt', 'lte'];

/** The label of a lead field: built-ins translated, custom fields by their own label. */
export function useFieldLabel(fields: RuleField[]) {
  const { t } = useTranslation();
  return (field: string) => {
    const f = fields.find((x) => x.field === field);
    return f?.custom ? (f.label ?? field) : t(`scoring.fields.${field}`, { defaultValue: field });
  };
}

/** One condition: field, operator, value (a list for in / not in, a number for comparisons, nothing for empty tests). */
export function ConditionEditor({ value, fields, onChange, onRemove, testId }: Props) {
  const { t } = useTranslation();
  const label = useFieldLabel(fields);
  const op = value.operator;
  const input = UNARY.includes(op) ? null : LIST_OPS.includes(op) ? (
    <Select
      mode="tags"
      className={styles.value}
      value={Array.isArray(value.value) ? value.value : value.value ? [String(value.value)] : []}
      onChange={(v: string[]) => onChange({ ...value, value: v })}
      placeholder={t('scoring.value')}
      data-testid={`${testId}-value`}
    />
  ) : NUMBER_OPS.includes(op) ? (
    <InputNumber
      className={styles.value}
      value={typeof value.value === 'number' ? value.value : value.value ? Number(value.value) : null}
      onChange={(v) => onChange({ ...value, value: v ?? null })}
      placeholder={t('scoring.value')}
      data-testid={`${testId}-value`}
    />
  ) : (
    <Input
      className={styles.value}
      value={typeof value.value === 'string' ? value.value : value.value == null ? '' : String(value.value)}
      onChange={(e) => onChange({ ...value, value: e.target.value })}
      placeholder={t('scoring.value')}
      data-testid={`${testId}-value`}
    />
  );
  return (
    <div className={styles.condition}>
      <Select
        className={styles.field}
        style={{ width: 160 }}
        showSearch={{ optionFilterProp: 'label' }}
        value={value.field || undefined}
        onChange={(field: string) => onChange({ ...value, field })}
        options={fields.map((f) => ({ value: f.field, label: label(f.field) }))}
        placeholder={t('scoring.field')}
        data-testid={`${testId}-field`}
      />
      <Select
        className={styles.operator}
        style={{ width: 120 }}
        value={op}
        onChange={(operator: Operator) => onChange({ ...value, operator, ...(UNARY.includes(operator) ? { value: null } : {}) })}
        options={OPERATORS.map((o) => ({ value: o, label: t(`scoring.operators.${o}`) }))}
        data-testid={`${testId}-operator`}
      />
      {input}
      <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('scoring.removeRule')} onClick={onRemove} />
    </div>
  );
}
