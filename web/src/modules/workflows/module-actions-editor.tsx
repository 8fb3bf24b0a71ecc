import { useQuery } from '@tanstack/react-query';
import { Input, InputNumber, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FieldDef } from '#shared/fields/field-types';
import { MergeFieldButton } from './merge-field-button';
import { type RuleAction, workflowsApi } from './workflows-api';

type Props<T extends RuleAction['type']> = {
  action: Extract<RuleAction, { type: T }>;
  onChange: (next: RuleAction) => void;
  fields: FieldDef[];
  object: string;
};

/** "Start an approval": which process of the rule's object (or the first that applies) and the comment approvers read. */
export function ApprovalActionBody({ action, onChange, fields, object }: Props<'start_approval'>) {
  const { t } = useTranslation();
  const processes = useQuery({ queryKey: ['approval-processes'], queryFn: workflowsApi.approvalProcesses });
  const mine = (processes.data ?? []).filter((p) => p.object === object);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Select
        value={action.processId ?? ''}
        onChange={(processId) => onChange({ ...action, processId: processId || null })}
        loading={processes.isPending}
        options={[
          { value: '', label: t('workflows.firstApplicableProcess') },
          ...mine.map((p) => ({ value: p.id, label: p.enabled ? p.name : `${p.name} (${t('workflows.off')})` })),
        ]}
        style={{ width: 360 }}
        data-testid="approval-process"
      />
      {processes.data && mine.length === 0 && <Typography.Text type="secondary">{t('workflows.noProcesses')}</Typography.Text>}
      <Input
        value={action.comment ?? ''}
        placeholder={t('workflows.approvalComment', { skipInterpolation: true })}
        onChange={(e) => onChange({ ...action, comment: e.target.value || null })}
        data-testid="approval-comment"
      />
      <MergeFieldButton fields={fields} onPick={(m) => onChange({ ...action, comment: `${action.comment ?? ''}${m}` })} />
    </Space>
  );
}

/** "Move to the public pool": which pool of the rule's object (or the owner's) and the reason, with merge fields. */
export function PoolActionBody({ action, onChange, fields, object }: Props<'move_to_pool'>) {
  const { t } = useTranslation();
  const pools = useQuery({ queryKey: ['pools'], queryFn: workflowsApi.pools });
  const mine = (pools.data ?? []).filter((p) => p.object === object);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Select
        value={action.poolId ?? ''}
        onChange={(poolId) => onChange({ ...action, poolId: poolId || null })}
        loading={pools.isPending}
        options={[{ value: '', label: t('workflows.ownersPool') }, ...mine.map((p) => ({ value: p.id, label: p.name }))]}
        style={{ width: 360 }}
        data-testid="pool-pick"
      />
      <Input
        value={action.reason}
        status={action.reason.trim() ? undefined : 'warning'}
        placeholder={t('workflows.poolReason', { skipInterpolation: true })}
        onChange={(e) => onChange({ ...action, reason: e.target.value })}
        data-testid="pool-reason"
      />
      <MergeFieldButton fields={fields} onPick={(m) => onChange({ ...action, reason: `${action.reason}${m}` })} />
    </Space>
  );
}

/** "Wait, then continue": days, hours and minutes before the actions below it run. */
export function WaitActionBody({ action, onChange }: Omit<Props<'wait'>, 'fields' | 'object'>) {
  const { t } = useTranslation();
  const part = (key: 'days' | 'hours' | 'minutes', max: number) => (
    <Space size={4}>
      <InputNumber min={0} max={max} value={action[key] ?? 0} onChange={(n) => onChange({ ...action, [key]: n ?? 0 })} data-testid={`wait-${key}`} />
      <Typography.Text>{t(`workflows.wait.${key}`)}</Typography.Text>
    </Space>
  );
  return (
    <Space direction="vertical">
      <Space wrap>
        {part('days', 365)}
        {part('hours', 23)}
        {part('minutes', 59)}
      </Space>
      <Typography.Text type="secondary">{t('workflows.wait.hint')}</Typography.Text>
    </Space>
  );
}
