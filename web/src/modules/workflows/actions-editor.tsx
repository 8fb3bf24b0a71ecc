import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Dropdown, Empty, Input, InputNumber, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { fieldLabel } from '#shared/fields/field-label';
import type { FieldDef } from '#shared/fields/field-types';
import { UserSelect } from '#shared/users/user-select';
import { ApprovalActionBody, PoolActionBody, WaitActionBody } from './module-actions-editor';
import { MergeFieldButton } from './merge-field-button';
import { OutreachBody } from './outreach-editor';
import { RelatedRecordBody } from './related-record-editor';
import { writableFields } from './rule-fields';
import { FieldValueRows } from './field-value-rows';
import { ACTION_TYPES, type ActionType, type RuleAction } from './workflows-api';

type Props = { value: RuleAction[]; onChange: (next: RuleAction[]) => void; fields: FieldDef[]; object: string };

function fresh(type: ActionType, fields: FieldDef[]): RuleAction {
  switch (type) {
    case 'update_fields':
      return { type, updates: [{ field: writableFields(fields)[0]?.key ?? 'name', value: { kind: 'value', value: null } }] };
    case 'create_task':
      return { type, subject: '', dueInDays: 1, assigneeId: null };
    case 'assign':
      return { type, userId: '' };
    case 'add_tags':
    case 'remove_tags':
      return { type, field: 'tags', tags: [] };
    case 'notify':
      return { type, recipients: ['owner'], title: '', body: null };
    case 'send_email':
      return { type, templateId: '', to: 'record' };
    case 'call_webhook':
      return { type, webhookId: '' };
    case 'start_approval':
      return { type, processId: null, comment: null };
    case 'move_to_pool':
      return { type, poolId: null, reason: '' };
    case 'wait':
      return { type, days: 1, hours: 0, minutes: 0 };
    case 'create_record':
      return { type, object: 'deal', values: [{ field: 'name', value: { kind: 'template', template: '' } }] };
  }
}

/** The rule's ordered actions: add, edit, move and remove them. */
export function ActionsEditor({ value, onChange, fields, object }: Props) {
  const { t } = useTranslation();
  const set = (i: number, next: RuleAction) => onChange(value.map((a, j) => (j === i ? next : a)));
  const move = (i: number, by: number) => {
    const next = [...value];
    const [item] = next.splice(i, 1);
    if (item) next.splice(i + by, 0, item);
    onChange(next);
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {value.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('workflows.noActions')} />}
      {value.map((action, i) => (
        <Card
          // biome-ignore lint/suspicious/noArrayIndexKey: actions have no ids; their position is what they are.
          key={i}
          size="small"
          title={`${i + 1}. ${t(`workflows.action.${action.type}`)}`}
          data-testid="action-card"
          extra={
            <Space size={0}>
              <Button type="text" size="small" icon={<ArrowUpOutlined />} disabled={i === 0} onClick={() => move(i, -1)} aria-label={t('workflows.moveUp')} />
              <Button
                type="text"
                size="small"
                icon={<ArrowDownOutlined />}
                disabled={i === value.length - 1}
                onClick={() => move(i, 1)}
                aria-label={t('workflows.moveDown')}
              />
              <Button
                type="text"
                size="small"
                danger
                icon={<DeleteOutlined />}
                onClick={() => onChange(value.filter((_, j) => j !== i))}
                aria-label={t('workflows.remove')}
              />
            </Space>
          }
        >
          <ActionBody action={action} onChange={(next) => set(i, next)} fields={fields} object={object} />
        </Card>
      ))}
      <Dropdown
        menu={{
          items: ACTION_TYPES.map((type) => ({ key: type, label: t(`workflows.action.${type}`) })),
          onClick: ({ key }) => onChange([...value, fresh(key as ActionType, fields)]),
        }}
        trigger={['click']}
      >
        <Button type="dashed" icon={<PlusOutlined />} data-testid="action-add">
          {t('workflows.addAction')}
        </Button>
      </Dropdown>
    </Space>
  );
}

function ActionBody({ action, onChange, fields, object }: { action: RuleAction; onChange: (next: RuleAction) => void; fields: FieldDef[]; object: string }) {
  const { t, i18n } = useTranslation();
  const option = (f: FieldDef) => ({ value: f.key, label: fieldLabel(f, t, i18n.language) });
  switch (action.type) {
    case 'update_fields':
      return (
        <Space direction="vertical" style={{ width: '100%' }}>
          <FieldValueRows
            rows={action.updates}
            onChange={(updates) => onChange({ ...action, updates })}
            writable={writableFields(fields)}
            targetFields={fields}
            fields={fields}
            testIds={{ row: 'update-row', field: 'update-field' }}
          />
        </Space>
      );
    case 'create_task':
      return (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Space.Compact style={{ width: '100%' }}>
            <Input
              value={action.subject}
              placeholder={t('workflows.taskSubject', { skipInterpolation: true })}
              onChange={(e) => onChange({ ...action, subject: e.target.value })}
              data-testid="task-subject"
            />
          </Space.Compact>
          <MergeFieldButton fields={fields} onPick={(m) => onChange({ ...action, subject: `${action.subject}${m}` })} />
          <Space wrap align="center">
            <Typography.Text>{t('workflows.dueIn')}</Typography.Text>
            <InputNumber min={0} max={3650} value={action.dueInDays ?? 0} onChange={(n) => onChange({ ...action, dueInDays: n ?? 0 })} data-testid="task-due" />
            <Typography.Text>{t('workflows.days')}</Typography.Text>
            <div style={{ width: 200 }}>
              <UserSelect
                value={action.assigneeId ?? null}
                onChange={(assigneeId) => onChange({ ...action, assigneeId })}
                placeholder={t('workflows.recordOwner')}
              />
            </div>
          </Space>
        </Space>
      );
    case 'assign':
      return (
        <div style={{ width: 260 }} data-testid="assign-user">
          <UserSelect
            value={action.userId || null}
            onChange={(userId) => onChange({ ...action, userId: userId ?? '' })}
            placeholder={t('workflows.pickUser')}
          />
        </div>
      );
    case 'add_tags':
    case 'remove_tags':
      return (
        <Space wrap>
          <Select
            value={action.field ?? 'tags'}
            onChange={(field) => onChange({ ...action, field })}
            options={fields.filter((f) => f.type === 'tags' || f.type === 'multiselect').map(option)}
            style={{ width: 160 }}
          />
          <Select
            mode="tags"
            value={action.tags}
            onChange={(tags) => onChange({ ...action, tags })}
            placeholder={t('workflows.tagsHint')}
            style={{ minWidth: 260 }}
            data-testid="action-tags"
          />
        </Space>
      );
    case 'notify':
    case 'send_email':
    case 'call_webhook':
      return <OutreachBody action={action} onChange={onChange} fields={fields} />;
    case 'start_approval':
      return <ApprovalActionBody action={action} onChange={onChange} fields={fields} object={object} />;
    case 'move_to_pool':
      return <PoolActionBody action={action} onChange={onChange} fields={fields} object={object} />;
    case 'wait':
      return <WaitActionBody action={action} onChange={onChange} />;
    case 'create_record':
      return <RelatedRecordBody action={action} onChange={onChange} fields={fields} />;
  }
}
