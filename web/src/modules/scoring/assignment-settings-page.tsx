import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Empty, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import './messages';
import { ASSIGNMENT_KEY, type AssignmentRule, assignmentApi, type RuleInput, useAssignmentRules } from './assignment-api';
import { AssignmentOptionsCard } from './assignment-options-card';
import { AwayCard } from './away-card';
import { QueueCard } from './queue-card';
import { RecentCard } from './recent-card';
import { RuleEditor } from './rule-editor';
import { SortableRules } from './sortable-rules';

/** Settings > Lead assignment: ordered rules (drag to reorder), triggers and working days, users away, the queue. */
export function AssignmentSettingsPage() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const qc = useQueryClient();
  const { data: rules = [], isPending } = useAssignmentRules();
  const [editing, setEditing] = useState<AssignmentRule | 'new' | null>(null);
  const refresh = () => qc.invalidateQueries({ queryKey: ASSIGNMENT_KEY });
  const fail = (e: unknown) => message.error(e instanceof Error ? e.message : String(e));
  const save = async (input: RuleInput) => {
    if (editing && editing !== 'new') await assignmentApi.update(editing.id, input, editing.version);
    else await assignmentApi.create(input);
    await refresh();
    setEditing(null);
  };
  const reorder = async (ids: string[]) => {
    // Show the new order at once; the server's answer replaces it.
    qc.setQueryData([...ASSIGNMENT_KEY, 'rules'], ids.map((id) => rules.find((r) => r.id === id)).filter(Boolean));
    try {
      qc.setQueryData([...ASSIGNMENT_KEY, 'rules'], await assignmentApi.reorder(ids));
    } catch (e) {
      fail(e);
      await refresh();
    }
  };
  const remove = (r: AssignmentRule) =>
    modal.confirm({
      title: t('assignment.deleteConfirm', { name: r.name }),
      okButtonProps: { danger: true },
      onOk: () => assignmentApi.remove(r.id).then(refresh, fail),
    });
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={t('assignment.rules')}
        loading={isPending}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="add-assignment-rule">
            {t('assignment.addRule')}
          </Button>
        }
      >
        <Typography.Paragraph type="secondary">{t('assignment.rulesHelp')}</Typography.Paragraph>
        {rules.length === 0 ? (
          <Empty description={t('assignment.noRules')} />
        ) : (
          <SortableRules rules={rules} onReorder={(ids) => void reorder(ids)} onEdit={setEditing} onDelete={remove} />
        )}
      </Card>
      <QueueCard />
      <RecentCard />
      <AssignmentOptionsCard />
      <AwayCard />
      {editing && <RuleEditor rule={editing === 'new' ? null : editing} onSave={save} onClose={() => setEditing(null)} />}
    </Space>
  );
}
