import { ArrowDownOutlined, ArrowUpOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Space, Switch, Table, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { objectByName, objectLabel, useObjects } from '#shared/objects/use-objects';
import { describeAction, describeTrigger } from './describe';
import { useRuleFields } from './rule-fields';
import { RuleEditor } from './rule-editor';
import { RunsPanel } from './runs-panel';
import { RULES_KEY, RUNS_KEY, type WorkflowRule, workflowsApi } from './workflows-api';
import { AttentionTag } from '#shared/ui/attention';

/** Trigger and actions in words, with the object's own field labels. */
function RuleSummary({ rule }: { rule: WorkflowRule }) {
  const { t, i18n } = useTranslation();
  const { fields } = useRuleFields(rule.object);
  return (
    <Space direction="vertical" size={0}>
      <Typography.Text>{describeTrigger(rule.trigger, fields, t, i18n.language)}</Typography.Text>
      {rule.actions.map((a, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: actions are positional.
        <Typography.Text key={i} type="secondary" style={{ fontSize: 12 }}>
          {i + 1}. {describeAction(a, fields, t, i18n.language)}
        </Typography.Text>
      ))}
    </Space>
  );
}

/** Settings > Workflow rules: the ordered list with on/off switches, the rule builder, and run history. */
export function WorkflowRulesPage() {
  const { t, i18n } = useTranslation();
  const { message, modal } = App.useApp();
  const qc = useQueryClient();
  const { objects } = useObjects();
  const [editing, setEditing] = useState<WorkflowRule | null | 'new'>(null);
  const { data: rules = [], isPending } = useQuery({ queryKey: RULES_KEY, queryFn: workflowsApi.list });
  const refresh = () => Promise.all([qc.invalidateQueries({ queryKey: RULES_KEY }), qc.invalidateQueries({ queryKey: RUNS_KEY })]);
  const run = async (work: () => Promise<unknown>) => {
    try {
      await work();
    } catch (e) {
      message.error((e as Error).message);
    }
    await refresh();
  };
  const move = (i: number, by: number) => {
    const ids = rules.map((r) => r.id);
    const [id] = ids.splice(i, 1);
    if (id) ids.splice(i + by, 0, id);
    void run(() => workflowsApi.reorder(ids));
  };
  const remove = (r: WorkflowRule) =>
    modal.confirm({ title: t('workflows.deleteConfirm', { name: r.name }), okButtonProps: { danger: true }, onOk: () => run(() => workflowsApi.remove(r.id)) });

  const list = (
    <Table<WorkflowRule>
      rowKey="id"
      loading={isPending}
      dataSource={rules}
      pagination={false}
      scroll={{ x: 860 }}
      data-testid="rules-table"
      columns={[
        {
          key: 'order',
          title: t('workflows.order'),
          width: 90,
          render: (_, _r, i) => (
            <Space size={0}>
              <Button
                type="text"
                size="small"
                icon={<ArrowUpOutlined />}
                disabled={i === 0}
                onClick={() => move(i, -1)}
                aria-label={t('workflows.moveUp')}
                data-testid="rule-up"
              />
              <Button
                type="text"
                size="small"
                icon={<ArrowDownOutlined />}
                disabled={i === rules.length - 1}
                onClick={() => move(i, 1)}
                aria-label={t('workflows.moveDown')}
                data-testid="rule-down"
              />
            </Space>
          ),
        },
        {
          key: 'name',
          title: t('workflows.name'),
          render: (_, r) => (
            <Space direction="vertical" size={0}>
              <Space size={4} wrap>
                <Typography.Text strong>{r.name}</Typography.Text>
                {r.attention && (
                  <AttentionTag
                    label={t('workflows.attention')}
                    hint={t('workflows.attentionHint', { fields: r.attention.fields.join(', ') })}
                    testId="rule-attention"
                  />
                )}
              </Space>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {objectLabel(objectByName(objects, r.object) ?? { name: r.object, label: { zh: r.object, en: r.object } }, i18n.language)}
              </Typography.Text>
            </Space>
          ),
        },
        { key: 'what', title: t('workflows.whenThen'), render: (_, r) => <RuleSummary rule={r} /> },
        {
          key: 'enabled',
          title: t('workflows.enabled'),
          width: 100,
          render: (_, r) => (
            <Switch checked={r.enabled} onChange={(enabled) => void run(() => workflowsApi.update(r.id, { enabled }, r.version))} data-testid="rule-enabled" />
          ),
        },
        {
          key: 'actions',
          title: '',
          width: 150,
          render: (_, r) => (
            <Space>
              <Button size="small" onClick={() => setEditing(r)} data-testid="rule-edit">
                {t('common.edit')}
              </Button>
              <Button size="small" danger onClick={() => remove(r)}>
                {t('common.delete')}
              </Button>
            </Space>
          ),
        },
      ]}
    />
  );

  return (
    <Card>
      <div style={{ display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap', marginBottom: 12 }}>
        <div style={{ flex: 1, minWidth: 240 }}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('workflows.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('workflows.intro')}</Typography.Text>
        </div>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="rule-create">
          {t('workflows.create')}
        </Button>
      </div>
      <Tabs
        items={[
          { key: 'rules', label: t('workflows.rules'), children: list },
          { key: 'runs', label: t('workflows.runs'), children: <RunsPanel rules={rules} /> },
        ]}
        data-testid="workflow-tabs"
      />
      <RuleEditor
        open={editing !== null}
        editing={editing === 'new' ? null : editing}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          message.success(t('common.saved'));
          void refresh();
        }}
      />
    </Card>
  );
}
