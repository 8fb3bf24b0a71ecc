import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, InputNumber, Modal, Radio, Select, Space, Switch } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '#shared/api/problem';
import { useUsers } from '#shared/users/users-api';
import { type AssignmentRule, METHODS, type RuleInput, useTeamOptions } from './assignment-api';
import { ConditionEditor } from './condition-editor';
import { useRuleFields } from './scoring-api';

type Props = { rule: AssignmentRule | null; onSave: (input: RuleInput) => Promise<void>; onClose: () => void };

/** An assignment rule: when (conditions on lead fields and the score band), to whom (users or a team), how. */
export function RuleEditor({ rule, onSave, onClose }: Props) {
  const { t } = useTranslation();
  const { data: fields = [] } = useRuleFields(true);
  const { data: users = [] } = useUsers();
  const { data: teams = [] } = useTeamOptions();
  const [v, setV] = useState<RuleInput>(
    rule ?? { name: '', active: true, match: 'all', conditions: [], method: 'round_robin', userIds: [], teamId: null, capacity: null, workingDaysOnly: false },
  );
  const [target, setTarget] = useState<'users' | 'team'>(rule?.teamId ? 'team' : 'users');
  const [errors, setErrors] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const patch = (p: Partial<RuleInput>) => setV({ ...v, ...p });
  const save = async () => {
    setSaving(true);
    setErrors([]);
    try {
      await onSave(target === 'team' ? { ...v, userIds: [] } : { ...v, teamId: null });
    } catch (e) {
      setErrors(isApiError(e) && e.fieldErrors.length ? e.fieldErrors.map((f) => f.message) : [e instanceof Error ? e.message : String(e)]);
    } finally {
      setSaving(false);
    }
  };
  const fixed = v.method === 'fixed_user';
  return (
    <Modal
      open
      width={820}
      title={rule ? t('assignment.editRule') : t('assignment.addRule')}
      onCancel={onClose}
      onOk={() => void save()}
      okButtonProps={{ disabled: !v.name.trim(), loading: saving, 'data-testid': 'rule-save' } as never}
      destroyOnHidden
    >
      <Form layout="vertical">
        <Space wrap>
          <Form.Item label={t('assignment.name')} required>
            <Input value={v.name} onChange={(e) => patch({ name: e.target.value })} maxLength={100} data-testid="assign-rule-name" />
          </Form.Item>
          <Form.Item label={t('scoring.active')}>
            <Switch checked={v.active} onChange={(active) => patch({ active })} />
          </Form.Item>
        </Space>
        <Form.Item label={t('assignment.when')}>
          <Radio.Group value={v.match} onChange={(e) => patch({ match: e.target.value })} style={{ marginBottom: 8 }}>
            <Radio value="all">{t('assignment.matchAll')}</Radio>
            <Radio value="any">{t('assignment.matchAny')}</Radio>
          </Radio.Group>
          {v.conditions.map((c, i) => (
            <ConditionEditor
              // biome-ignore lint/suspicious/noArrayIndexKey: conditions have no id
              key={i}
              testId={`cond-${i}`}
              value={c}
              fields={fields}
              onChange={(next) => patch({ conditions: v.conditions.map((x, j) => (j === i ? next : x)) })}
              onRemove={() => patch({ conditions: v.conditions.filter((_, j) => j !== i) })}
            />
          ))}
          <Button
            icon={<PlusOutlined />}
            onClick={() => patch({ conditions: [...v.conditions, { field: 'region', operator: 'eq', value: '' }] })}
            data-testid="add-condition"
          >
            {t('assignment.addCondition')}
          </Button>
          {v.conditions.length === 0 && <div style={{ color: 'rgba(0,0,0,.45)', marginTop: 4 }}>{t('assignment.everyLead')}</div>}
        </Form.Item>
        <Space wrap align="start">
          <Form.Item label={t('assignment.method')}>
            <Select
              style={{ width: 200 }}
              value={v.method}
              onChange={(method) => {
                patch({ method });
                if (method === 'fixed_user') setTarget('users');
              }}
              options={METHODS.map((m) => ({ value: m, label: t(`assignment.methods.${m}`) }))}
              data-testid="assign-method"
            />
          </Form.Item>
          {!fixed && (
            <Form.Item label={t('assignment.capacity')} tooltip={t('assignment.capacityHelp')}>
              <InputNumber min={1} value={v.capacity} onChange={(capacity) => patch({ capacity: capacity ?? null })} placeholder={t('assignment.unlimited')} />
            </Form.Item>
          )}
          <Form.Item label={t('assignment.workingDaysOnly')} tooltip={t('assignment.workingDaysHelp')}>
            <Switch checked={v.workingDaysOnly} onChange={(workingDaysOnly) => patch({ workingDaysOnly })} />
          </Form.Item>
        </Space>
        {!fixed && (
          <Radio.Group value={target} onChange={(e) => setTarget(e.target.value)} style={{ marginBottom: 8 }}>
            <Radio value="users">{t('assignment.toUsers')}</Radio>
            <Radio value="team">{t('assignment.toTeam')}</Radio>
          </Radio.Group>
        )}
        {target === 'team' && !fixed ? (
          <Select
            style={{ width: '100%' }}
            value={v.teamId ?? undefined}
            onChange={(teamId) => patch({ teamId })}
            options={teams.map((x) => ({ value: x.id, label: x.name }))}
            placeholder={t('assignment.team')}
          />
        ) : (
          <Select
            mode="multiple"
            style={{ width: '100%' }}
            value={v.userIds}
            maxCount={fixed ? 1 : undefined}
            onChange={(userIds: string[]) => patch({ userIds })}
            showSearch={{ optionFilterProp: 'label' }}
            options={users.filter((u) => u.isActive !== false).map((u) => ({ value: u.id, label: u.name }))}
            placeholder={t('assignment.users')}
            data-testid="assign-users"
          />
        )}
        {errors.length > 0 && <Alert type="error" showIcon style={{ marginTop: 12 }} message={errors.join('; ')} />}
      </Form>
    </Modal>
  );
}
