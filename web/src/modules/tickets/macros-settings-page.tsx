import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, Modal, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TICKET_PRIORITIES, TICKET_STATUSES, type TicketMacro, ticketKeys, ticketsApi } from './tickets-api';

type MacroForm = Pick<TicketMacro, 'name' | 'kind' | 'body' | 'setStatus' | 'setPriority' | 'setQueueId' | 'active'>;

const MERGE_EXAMPLES = ['{{contact.name}}', '{{record.number}}', '{{record.subject}}', '{{owner.name}}'];

function MacroModal({ macro, onClose }: { macro: TicketMacro | 'new'; onClose: (saved: boolean) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<MacroForm>();
  const [busy, setBusy] = useState(false);
  const queues = useQuery({ queryKey: ticketKeys.queues, queryFn: ticketsApi.queues });
  const existing = macro === 'new' ? undefined : macro;
  const save = async () => {
    const values = await form.validateFields();
    setBusy(true);
    try {
      await ticketsApi.saveMacro(
        { ...values, setStatus: values.setStatus ?? null, setPriority: values.setPriority ?? null, setQueueId: values.setQueueId ?? null },
        existing,
      );
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
      title={existing ? existing.name : t('tickets.macros.new')}
      onCancel={() => onClose(false)}
      onOk={() => void save()}
      confirmLoading={busy}
      okButtonProps={{ 'data-testid': 'macro-save' } as never}
    >
      <Form<MacroForm> form={form} layout="vertical" initialValues={existing ?? { kind: 'reply', active: true }} data-testid="macro-form">
        <Form.Item name="name" label={t('tickets.macros.name')} rules={[{ required: true, max: 100 }]}>
          <Input data-testid="macro-name" />
        </Form.Item>
        <Form.Item name="kind" label={t('tickets.macros.kind')}>
          <Select
            options={[
              { value: 'reply', label: t('tickets.composer.reply') },
              { value: 'note', label: t('tickets.composer.note') },
            ]}
          />
        </Form.Item>
        <Form.Item name="body" label={t('tickets.macros.body')} extra={t('tickets.macros.bodyHint', { examples: MERGE_EXAMPLES.join('  ') })}>
          <Input.TextArea rows={5} data-testid="macro-body" />
        </Form.Item>
        <Space wrap size={12} style={{ width: '100%' }}>
          <Form.Item name="setStatus" label={t('tickets.macros.setStatus')} style={{ minWidth: 180 }}>
            <Select allowClear data-testid="macro-status" options={TICKET_STATUSES.map((s) => ({ value: s, label: t(`tickets.status.${s}`) }))} />
          </Form.Item>
          <Form.Item name="setPriority" label={t('tickets.macros.setPriority')} style={{ minWidth: 140 }}>
            <Select allowClear options={TICKET_PRIORITIES.map((p) => ({ value: p, label: t(`tickets.priority.${p}`) }))} />
          </Form.Item>
          <Form.Item name="setQueueId" label={t('tickets.macros.setQueue')} style={{ minWidth: 180 }}>
            <Select allowClear loading={queues.isPending} options={(queues.data ?? []).map((q) => ({ value: q.id, label: q.name }))} />
          </Form.Item>
        </Space>
        <Form.Item name="active" label={t('tickets.queues.active')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Settings > Macros: canned replies and notes with merge fields that can also set the ticket's fields. */
export function TicketMacrosPage() {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const qc = useQueryClient();
  const [editing, setEditing] = useState<TicketMacro | 'new' | null>(null);
  const { data = [], isPending } = useQuery({ queryKey: ticketKeys.macros, queryFn: ticketsApi.macros });
  const refresh = () => qc.invalidateQueries({ queryKey: ticketKeys.macros });
  const remove = (m: TicketMacro) =>
    modal.confirm({
      title: t('tickets.macros.delete', { name: m.name }),
      okButtonProps: { danger: true },
      onOk: async () => {
        try {
          await ticketsApi.removeMacro(m.id);
        } catch (e) {
          message.error((e as Error).message);
        }
        await refresh();
      },
    });
  return (
    <Card>
      <div style={{ display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap', marginBottom: 12 }}>
        <div style={{ flex: 1, minWidth: 240 }}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('tickets.macros.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('tickets.macros.intro')}</Typography.Text>
        </div>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="macro-new">
          {t('tickets.macros.new')}
        </Button>
      </div>
      <Table<TicketMacro>
        rowKey="id"
        loading={isPending}
        dataSource={data}
        pagination={false}
        scroll={{ x: 640 }}
        data-testid="macros-table"
        columns={[
          {
            title: t('tickets.macros.name'),
            dataIndex: 'name',
            render: (v: string, m) => (
              <Button type="link" style={{ padding: 0 }} onClick={() => setEditing(m)}>
                {v}
              </Button>
            ),
          },
          { title: t('tickets.macros.kind'), dataIndex: 'kind', render: (k: 'reply' | 'note') => t(`tickets.thread.${k}`) },
          {
            title: t('tickets.macros.sets'),
            render: (_: unknown, m) => (
              <>
                {m.setStatus && <Tag>{t(`tickets.status.${m.setStatus}`)}</Tag>}
                {m.setPriority && <Tag>{t(`tickets.priority.${m.setPriority}`)}</Tag>}
                {m.setQueue && <Tag>{m.setQueue.name}</Tag>}
              </>
            ),
          },
          { title: t('tickets.queues.active'), dataIndex: 'active', width: 90, render: (v: boolean) => (v ? <Tag color="green">✓</Tag> : <Tag>—</Tag>) },
          {
            width: 90,
            render: (_: unknown, m) => (
              <Button type="link" danger onClick={() => remove(m)}>
                {t('common.delete')}
              </Button>
            ),
          },
        ]}
      />
      {editing && (
        <MacroModal
          key={editing === 'new' ? 'new' : editing.id}
          macro={editing}
          onClose={(saved) => {
            setEditing(null);
            if (saved) void refresh();
          }}
        />
      )}
    </Card>
  );
}
