import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { UserSelect } from '#shared/users/user-select';
import { useUsers } from '#shared/users/users-api';
import { SettingsEditorModal } from '#shared/ui/settings-editor-modal';
import { activeColumn, SettingsList } from '#shared/ui/settings-list';
import { ROUTING_METHODS, type TicketAgent, type TicketQueue, ticketKeys, ticketsApi } from './tickets-api';

type QueueForm = Pick<TicketQueue, 'name' | 'description' | 'method' | 'members' | 'active'>;

function QueueModal({ queue, onClose }: { queue: TicketQueue | 'new'; onClose: (saved: boolean) => void }) {
  const { t } = useTranslation();
  const existing = queue === 'new' ? undefined : queue;
  return (
    <SettingsEditorModal<QueueForm>
      title={existing ? existing.name : t('tickets.queues.new')}
      savedMessage={t('tickets.panel.saved')}
      testIds={{ save: 'queue-save', form: 'queue-form' }}
      initialValues={existing ?? { method: 'round_robin', active: true, members: [] }}
      save={(values) => {
        const members = (values.members ?? []).filter((m) => m?.userId).map((m) => ({ userId: m.userId, skills: m.skills ?? [] }));
        return ticketsApi.saveQueue({ ...values, members }, existing);
      }}
      onClose={onClose}
    >
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
    </SettingsEditorModal>
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
  const { data: users = [] } = useUsers();
  const nameOf = (id: string) => users.find((u) => u.id === id)?.name ?? id;
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <SettingsList<TicketQueue>
        title={t('tickets.queues.title')}
        intro={t('tickets.queues.intro')}
        newLabel={t('tickets.queues.new')}
        nameLabel={t('tickets.queues.name')}
        testIds={{ new: 'queue-new', table: 'queues-table' }}
        queryKey={ticketKeys.queues}
        load={ticketsApi.queues}
        deleteTitle={(q) => t('tickets.queues.delete', { name: q.name })}
        remove={(q) => ticketsApi.removeQueue(q.id)}
        editor={(q, close) => <QueueModal queue={q} onClose={close} />}
        columns={[
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
          activeColumn(t('tickets.queues.active')),
        ]}
      />
      <AgentsCard />
    </Space>
  );
}
