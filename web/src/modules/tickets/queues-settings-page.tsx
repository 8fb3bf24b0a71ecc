import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, Modal, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { UserSelect } from '#shared/users/user-select';
import { useUsers } from '#shared/users/users-api';
import { ROUTING_METHODS, type TicketAgent, type TicketQueue, ticketKeys, ticketsApi } from './tickets-api';

type QueueForm = Pick<TicketQueue, 'name' | 'description' | 'method' | 'members' | 'active'>;

function QueueModal({ queue, onClose }: { queue: TicketQueue | 'new'; onClose: (saved: boolean) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<QueueForm>();
  const [busy, setBusy] = useState(false);
  const existing = queue === 'new' ? undefined : queue;
  const save = async () => {
    const values = await form.validateFields();
    setBusy(true);
    try {
      const members = (values.members ?? []).filter((m) => m?.userId).map((m) => ({ userId: m.userId, skills: m.skills ?? [] }));
      await ticketsApi.saveQueue({ ...values, members }, existing);
      message.success(t('tickets.panel.saved'));
      onClose(true);
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      width={640}
      title={existing ? existing.name : t('tickets.queues.new')}
      onCancel={() => onClose(false)}
      onOk={() => void save()}
      confirmLoading={busy}
      okButtonProps={{ 'data-testid': 'queue-save' } as never}
    >
      <Form<QueueForm> form={form} layout="vertical" initialValues={existing ?? { method: 'round_robin', active: true, members: [] }} data-testid="queue-form">
        <Form.Item name="name" label={t('tickets.queues.name')} rules={[{ required: true, max: 100 }]}>
          <Input data-testid="queue-name" />
        </Form.Item>
        <Form.Item name="method" label={t('tickets.queues.method')} extra={t('tickets.queues.methodHint')}>
          <Select data-testid="queue-method" options={ROUTING_METHODS.map((m) => ({ value: m, label: t(`tickets.queues.methods.${m}`) }))} />
        </Form.Item>
        <Typography.Text strong>{t('tickets.queues.members')}</Typography.Text>
        <Form.List name="members">
          {(fields, { add, remove }) => (
            <div style={{ marginTop: 8 }}>
              {fields.map((f) => (
                <Space key={f.key} align="start" style={{ display: 'flex' }} data-testid="queue-member">
                  <Form.Item name={[f.name, 'userId']} style={{ width: 200 }} rules={[{ required: true, message: t('tickets.queues.pickAgent') }]}>
                    <UserSelect placeholder={t('tickets.queues.agent')} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'skills']} style={{ width: 300 }}>
                    <Select mode="tags" placeholder={t('tickets.queues.skills')} tokenSeparators={[',', '，']} open={false} />
                  </Form.Item>
                  <MinusCircleOutlined style={{ marginTop: 8 }} onClick={() => remove(f.name)} />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ skills: [] })} data-testid="queue-add-member">
                {t('tickets.queues.addMember')}
              </Button>
            </div>
          )}
        </Form.List>
        <Form.Item name="description" label={t('tickets.queues.description')} style={{ marginTop: 16 }}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item name="active" label={t('tickets.queues.active')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Agents and whether queues route to them; an admin may switch anyone. */
export function AgentsCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const { data = [], isPending } = useQuery({ queryKey: ticketKeys.agents, queryFn: ticketsApi.agents });
  const toggle = async (a: TicketAgent, available: boolean) => {
    try {
      qc.setQueryData(ticketKeys.agents, await ticketsApi.setAvailable(a.userId, available));
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  return (
    <Card title={t('tickets.agents.title')} size="small" data-testid="agents-card">
      <Typography.Paragraph type="secondary">{t('tickets.agents.intro')}</Typography.Paragraph>
      <Table<TicketAgent>
        rowKey="userId"
        size="small"
        loading={isPending}
        dataSource={data}
        pagination={false}
        columns={[
          { title: t('tickets.queues.agent'), dataIndex: 'name' },
          { title: t('tickets.agents.open'), dataIndex: 'openTickets', width: 120 },
          {
            title: t('tickets.agents.available'),
            width: 120,
            render: (_: unknown, a) => <Switch checked={a.available} onChange={(v) => void toggle(a, v)} data-testid={`agent-available-${a.name}`} />,
          },
        ]}
      />
    </Card>
  );
}

/** Settings > Ticket queues: members with skills, the routing method; and the agents' availability. */
export function TicketQueuesPage() {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const qc = useQueryClient();
  const { data: users = [] } = useUsers();
  const [editing, setEditing] = useState<TicketQueue | 'new' | null>(null);
  const { data = [], isPending } = useQuery({ queryKey: ticketKeys.queues, queryFn: ticketsApi.queues });
  const refresh = () => qc.invalidateQueries({ queryKey: ticketKeys.queues });
  const nameOf = (id: string) => users.find((u) => u.id === id)?.name ?? id;
  const remove = (q: TicketQueue) =>
    modal.confirm({
      title: t('tickets.queues.delete', { name: q.name }),
      okButtonProps: { danger: true },
      onOk: async () => {
        try {
          await ticketsApi.removeQueue(q.id);
        } catch (e) {
          message.error((e as Error).message);
        }
        await refresh();
      },
    });
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <div style={{ display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap', marginBottom: 12 }}>
          <div style={{ flex: 1, minWidth: 240 }}>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {t('tickets.queues.title')}
            </Typography.Title>
            <Typography.Text type="secondary">{t('tickets.queues.intro')}</Typography.Text>
          </div>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="queue-new">
            {t('tickets.queues.new')}
          </Button>
        </div>
        <Table<TicketQueue>
          rowKey="id"
          loading={isPending}
          dataSource={data}
          pagination={false}
          scroll={{ x: 640 }}
          data-testid="queues-table"
          columns={[
            {
              title: t('tickets.queues.name'),
              dataIndex: 'name',
              render: (v: string, q) => (
                <Button type="link" style={{ padding: 0 }} onClick={() => setEditing(q)}>
                  {v}
                </Button>
              ),
            },
            { title: t('tickets.queues.method'), dataIndex: 'method', render: (m: string) => t(`tickets.queues.methods.${m}`) },
            {
              title: t('tickets.queues.members'),
              render: (_: unknown, q) =>
                q.members.map((m) => (
                  <Tag key={m.userId}>
                    {nameOf(m.userId)}
                    {m.skills.length ? ` · ${m.skills.join('、')}` : ''}
                  </Tag>
                )),
            },
            { title: t('tickets.queues.active'), dataIndex: 'active', width: 90, render: (v: boolean) => (v ? <Tag color="green">✓</Tag> : <Tag>—</Tag>) },
            {
              width: 90,
              render: (_: unknown, q) => (
                <Button type="link" danger onClick={() => remove(q)}>
                  {t('common.delete')}
                </Button>
              ),
            },
          ]}
        />
      </Card>
      <AgentsCard />
      {editing && (
        <QueueModal
          key={editing === 'new' ? 'new' : editing.id}
          queue={editing}
          onClose={(saved) => {
            setEditing(null);
            if (saved) void refresh();
          }}
        />
      )}
    </Space>
  );
}
