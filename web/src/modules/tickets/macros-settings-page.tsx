import { useQuery } from '@tanstack/react-query';
import { Form, Input, Select, Space, Switch, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { SettingsEditorModal } from '#shared/ui/settings-editor-modal';
import { activeColumn, SettingsList } from '#shared/ui/settings-list';
import { TICKET_PRIORITIES, TICKET_STATUSES, type TicketMacro, ticketKeys, ticketsApi } from './tickets-api';

type MacroForm = Pick<TicketMacro, 'name' | 'kind' | 'body' | 'setStatus' | 'setPriority' | 'setQueueId' | 'active'>;

const MERGE_EXAMPLES = ['{{contact.name}}', '{{record.number}}', '{{record.subject}}', '{{owner.name}}'];

function MacroModal({ macro, onClose }: { macro: TicketMacro | 'new'; onClose: (saved: boolean) => void }) {
  const { t } = useTranslation();
  const queues = useQuery({ queryKey: ticketKeys.queues, queryFn: ticketsApi.queues });
  const existing = macro === 'new' ? undefined : macro;
  return (
    <SettingsEditorModal<MacroForm>
      title={existing ? existing.name : t('tickets.macros.new')}
      savedMessage={t('tickets.panel.saved')}
      testIds={{ save: 'macro-save', form: 'macro-form' }}
      initialValues={existing ?? { kind: 'reply', active: true }}
      save={(values) =>
        ticketsApi.saveMacro(
          { ...values, setStatus: values.setStatus ?? null, setPriority: values.setPriority ?? null, setQueueId: values.setQueueId ?? null },
          existing,
        )
      }
      onClose={onClose}
    >
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
    </SettingsEditorModal>
  );
}

/** Settings > Macros: canned replies and notes with merge fields that can also set the ticket's fields. */
export function TicketMacrosPage() {
  const { t } = useTranslation();
  return (
    <SettingsList<TicketMacro>
      title={t('tickets.macros.title')}
      intro={t('tickets.macros.intro')}
      newLabel={t('tickets.macros.new')}
      nameLabel={t('tickets.macros.name')}
      testIds={{ new: 'macro-new', table: 'macros-table' }}
      queryKey={ticketKeys.macros}
      load={ticketsApi.macros}
      deleteTitle={(m) => t('tickets.macros.delete', { name: m.name })}
      remove={(m) => ticketsApi.removeMacro(m.id)}
      editor={(m, close) => <MacroModal macro={m} onClose={close} />}
      columns={[
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
        activeColumn(t('tickets.queues.active')),
      ]}
    />
  );
}
