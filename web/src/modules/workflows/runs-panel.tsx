import { useInfiniteQuery } from '@tanstack/react-query';
import { Button, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '#shared/format/format';
import { objectByName, objectLabel, useObjects } from '#shared/objects/use-objects';
import { RunStatusTag } from './run-status-tag';
import { RUN_STATUSES, RUNS_KEY, type RunStatus, type WorkflowRule, type WorkflowRun, workflowsApi } from './workflows-api';

type Props = { rules: WorkflowRule[] };

/** Run history, newest first: filter by rule, outcome and record; each run shows its actions' outcomes. */
export function RunsPanel({ rules }: Props) {
  const { t, i18n } = useTranslation();
  const [ruleId, setRuleId] = useState<string | undefined>();
  const [status, setStatus] = useState<RunStatus | undefined>();
  const [recordId, setRecordId] = useState('');
  const record = /^[0-9a-f-]{36}$/i.test(recordId.trim()) ? recordId.trim() : undefined;
  const runs = useInfiniteQuery({
    queryKey: [...RUNS_KEY, ruleId, status, record],
    queryFn: ({ pageParam }) => workflowsApi.runs({ ruleId, status, recordId: record, limit: 50, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const data = runs.data?.pages.flatMap((p) => p.data) ?? [];
  const { objects } = useObjects();
  // `contact.updated` -> 联系人 · 记录更新时; `date` and `schedule` runs name only the trigger.
  const triggerLabel = (event: string) => {
    const [object, verb] = event.includes('.') ? (event.split('.') as [string, string]) : [null, event];
    const kind = t(`workflows.trigger.${verb}`, { defaultValue: event });
    const meta = object ? objectByName(objects, object) : undefined;
    return meta ? `${objectLabel(meta, i18n.language)} · ${kind}` : kind;
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Select
          allowClear
          placeholder={t('workflows.allRules')}
          value={ruleId}
          onChange={setRuleId}
          options={rules.map((r) => ({ value: r.id, label: r.name }))}
          style={{ width: 220 }}
          data-testid="runs-rule"
        />
        <Select
          allowClear
          placeholder={t('workflows.allStatuses')}
          value={status}
          onChange={setStatus}
          options={RUN_STATUSES.map((s) => ({ value: s, label: t(`workflows.status.${s}`) }))}
          style={{ width: 160 }}
          data-testid="runs-status"
        />
        <Input allowClear placeholder={t('workflows.recordId')} value={recordId} onChange={(e) => setRecordId(e.target.value)} style={{ width: 320 }} />
        <Button onClick={() => void runs.refetch()}>{t('workflows.refresh')}</Button>
      </Space>
      <Table<WorkflowRun>
        rowKey="id"
        size="small"
        loading={runs.isPending}
        dataSource={data}
        pagination={false}
        scroll={{ x: 800 }}
        data-testid="runs-table"
        expandable={{
          expandedRowRender: (run) => (
            <Space direction="vertical" size={2}>
              {run.reason && (
                <Typography.Text type="warning">
                  {t(`workflows.reason.${run.reason}`, { defaultValue: run.reason, fields: (run.reasonFields ?? []).join(', ') })}
                </Typography.Text>
              )}
              {run.actions.map((a) => (
                <Space key={a.index} wrap>
                  <Tag>{a.index + 1}</Tag>
                  {t(`workflows.action.${a.type}`)}
                  <RunStatusTag status={a.status} />
                  {a.error && <Typography.Text type="danger">{a.error}</Typography.Text>}
                </Space>
              ))}
            </Space>
          ),
        }}
        columns={[
          { key: 'at', title: t('workflows.startedAt'), render: (_, r) => formatDateTime(r.startedAt, i18n.language), width: 170 },
          { key: 'rule', title: t('workflows.rule'), dataIndex: 'ruleName' },
          { key: 'event', title: t('workflows.event'), render: (_, r) => triggerLabel(r.triggerEvent) },
          {
            key: 'record',
            title: t('workflows.record'),
            render: (_, r) => <Typography.Text copyable={{ text: r.recordId ?? '' }}>{r.recordId?.slice(-8) ?? '—'}</Typography.Text>,
          },
          { key: 'depth', title: t('workflows.depth'), dataIndex: 'depth', width: 70 },
          { key: 'status', title: t('workflows.statusTitle'), render: (_, r) => <RunStatusTag status={r.status} />, width: 110 },
          { key: 'ms', title: t('workflows.duration'), render: (_, r) => `${r.durationMs} ms`, width: 90 },
        ]}
      />
      {runs.hasNextPage && (
        <Button onClick={() => void runs.fetchNextPage()} loading={runs.isFetchingNextPage}>
          {t('workflows.more')}
        </Button>
      )}
    </Space>
  );
}
