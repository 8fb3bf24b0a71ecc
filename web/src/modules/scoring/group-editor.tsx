import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, InputNumber, Modal, Select, Space, Switch } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '#shared/api/problem';
import { ConditionEditor } from './condition-editor';
import styles from './scoring.module.css';
import { ENGAGEMENT_TYPES, type GroupInput, type RuleField, type ScoringGroup, type ScoringRule } from './scoring-api';

type Props = {
  group: ScoringGroup | null;
  fields: RuleField[];
  onSave: (input: GroupInput) => Promise<void>;
  onClose: () => void;
};

/** Creates or edits a rule group: its name, cap and rules (attribute conditions, engagement events). */
export function GroupEditor({ group, fields, onSave, onClose }: Props) {
  const { t } = useTranslation();
  const [name, setName] = useState(group?.name ?? '');
  const [cap, setCap] = useState<number | null>(group?.cap ?? null);
  const [active, setActive] = useState(group?.active ?? true);
  const [rules, setRules] = useState<ScoringRule[]>(group?.rules ?? []);
  const [errors, setErrors] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const set = (i: number, rule: ScoringRule) => setRules(rules.map((r, j) => (j === i ? rule : r)));
  const remove = (i: number) => setRules(rules.filter((_, j) => j !== i));
  const save = async () => {
    setSaving(true);
    setErrors([]);
    try {
      await onSave({ name: name.trim(), cap, active, rules });
    } catch (e) {
      setErrors(isApiError(e) && e.fieldErrors.length ? e.fieldErrors.map((f) => f.message) : [e instanceof Error ? e.message : String(e)]);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open
      width={820}
      title={group ? t('scoring.editGroup') : t('scoring.addGroup')}
      onCancel={onClose}
      onOk={() => void save()}
      okButtonProps={{ disabled: !name.trim(), loading: saving, 'data-testid': 'group-save' } as never}
      destroyOnHidden
    >
      <Form layout="vertical">
        <Space wrap>
          <Form.Item label={t('scoring.groupName')} required>
            <Input value={name} onChange={(e) => setName(e.target.value)} maxLength={100} data-testid="group-name" />
          </Form.Item>
          <Form.Item label={t('scoring.cap')} tooltip={t('scoring.capHelp')}>
            <InputNumber min={1} value={cap} onChange={(v) => setCap(v ?? null)} placeholder={t('scoring.noCap')} data-testid="group-cap" />
          </Form.Item>
          <Form.Item label={t('scoring.active')}>
            <Switch checked={active} onChange={setActive} />
          </Form.Item>
        </Space>
        {rules.map((rule, i) => (
          <div key={rule.id ?? i} className={styles.ruleRow}>
            {rule.kind === 'attribute' ? (
              <ConditionEditor testId={`rule-${i}`} value={rule} fields={fields} onChange={(c) => set(i, { ...rule, ...c })} onRemove={() => remove(i)} />
            ) : (
              <div className={styles.condition}>
                <Select
                  className={styles.value}
                  value={rule.eventType}
                  onChange={(eventType) => set(i, { ...rule, eventType })}
                  options={ENGAGEMENT_TYPES.map((e) => ({ value: e, label: t(`scoring.events.${e}`) }))}
                  data-testid={`rule-${i}-event`}
                />
                <Button type="text" danger onClick={() => remove(i)}>
                  {t('scoring.removeRule')}
                </Button>
              </div>
            )}
            <InputNumber
              className={styles.points}
              value={rule.points}
              min={-1000}
              max={1000}
              onChange={(v) => set(i, { ...rule, points: v ?? 0 })}
              addonAfter={t('scoring.pts')}
              data-testid={`rule-${i}-points`}
            />
          </div>
        ))}
        <Space wrap style={{ marginTop: 12 }}>
          <Button
            icon={<PlusOutlined />}
            onClick={() => setRules([...rules, { kind: 'attribute', field: 'industry', operator: 'eq', value: '', points: 10 }])}
            data-testid="add-attribute-rule"
          >
            {t('scoring.addAttributeRule')}
          </Button>
          <Button icon={<PlusOutlined />} onClick={() => setRules([...rules, { kind: 'behaviour', eventType: 'email_opened', points: 5 }])}>
            {t('scoring.addBehaviourRule')}
          </Button>
        </Space>
        {errors.length > 0 && <Alert type="error" showIcon style={{ marginTop: 12 }} message={errors.join('; ')} data-testid="group-errors" />}
      </Form>
    </Modal>
  );
}
