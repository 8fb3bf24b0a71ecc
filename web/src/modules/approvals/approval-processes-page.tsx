import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Space, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { objectByName, objectLabel, useObjects } from '#shared/objects/use-objects';
import { type ApprovalProcess, approvalKeys, approvalsApi } from './approvals-api';
import { ProcessFormModal } from './process-form-modal';
import './messages';

/** Settings > Approval processes: the list per object, on/off, and the designer. */
export function ApprovalProcessesPage() {
  const { t, i18n } = useTranslation();
  const { message, modal } = App.useApp();
  const qc = useQueryClient();
  const { objects } = useObjects();
  const [editing, setEditing] = useState<ApprovalProcess | 'new' | null>(null);
  const { data = [], isPending } = useQuery({ queryKey: approvalKeys.processes, queryFn: approvalsApi.processes });
  const refresh = () => qc.invalidateQueries({ queryKey: approvalKeys.processes });
  const run = async (work: () => Promise<unknown>) => {
    try {
      await work();
    } catch (e) {
      message.error((e as Error).message);
    }
    await refresh();
  };
  return (
    <Card
      title={t('approvals.processesTitle')}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="new-process">
          {t('approvals.newProcess')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('approvals.processesIntro')}</Typography.Paragraph>
      <Table
        rowKey="id"
        loading={isPending}
        dataSource={data}
        pagination={false}
        scroll={{ x: true }}
        columns={[
          {
            title: t('approvals.name'),
            dataIndex: 'name',
            render: (name: string, p) => (
              <Button type="link" style={{ padding: 0 }} onClick={() => setEditing(p)}>
                {name}
              </Button>
            ),
          },
          { title: t('approvals.object'), dataIndex: 'object', render: (o: string) => objectLabel(objectByName(objects, o), i18n.language) || o },
          {
            title: t('approvals.steps'),
            render: (_: unknown, p) => (
              <Space wrap size={4}>
                {p.steps
                  .map((s, i) => `${i + 1}. ${s.name}`)
                  .map((label) => (
                    <Tag key={label}>{label}</Tag>
                  ))}
              </Space>
            ),
          },
          {
            title: t('approvals.enabled'),
            dataIndex: 'enabled',
            render: (on: boolean, p) => <Switch checked={on} onChange={(next) => void run(() => approvalsApi.updateProcess(p.id, { enabled: next }))} />,
          },
          {
            title: '',
            render: (_: unknown, p) => (
              <Button
                size="small"
                danger
                onClick={() =>
                  modal.confirm({
                    title: t('approvals.deleteConfirm', { name: p.name }),
                    okButtonProps: { danger: true },
                    onOk: () => run(() => approvalsApi.removeProcess(p.id)),
                  })
                }
              >
                {t('common.delete')}
              </Button>
            ),
          },
        ]}
      />
      {editing && (
        <ProcessFormModal
          process={editing}
          onClose={(saved) => {
            setEditing(null);
            if (saved) void refresh();
          }}
        />
      )}
    </Card>
  );
}
