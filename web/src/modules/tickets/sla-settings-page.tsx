import { useQuery } from '@tanstack/react-query';
import { Form, Input, InputNumber, Select, Space, Switch, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { SettingsEditorModal } from '#shared/ui/settings-editor-modal';
import { activeColumn, SettingsList } from '#shared/ui/settings-list';
import { DeskSettingsCard } from './desk-settings-card';
import { formatTarget, hoursToMinutes, minutesToHours } from './sla-time.rules';
import { PRIORITY_COLOR, type SlaPolicy, TICKET_PRIORITIES, ticketKeys, ticketsApi } from './tickets-api';

type PolicyForm = Pick<SlaPolicy, 'name' | 'priority' | 'category' | 'customerTier' | 'calendarId' | 'escalateToManager' | 'escalatePriority' | 'active'> & {
  firstResponseHours: number | null;
  resolutionHours: number | null;
  warnBeforeHours: number | null;
};

const toForm = (p: SlaPolicy): PolicyForm => ({
  ...p,
  firstResponseHours: minutesToHours(p.firstResponseMinutes),
  resolutionHours: minutesToHours(p.resolutionMinutes),
  warnBeforeHours: minutesToHours(p.warnBeforeMinutes),
});

function PolicyModal({ policy, onClose }: { policy: SlaPolicy | 'new'; onClose: (saved: boolean) => void }) {
  const { t } = useTranslation();
  const calendars = useQuery({ queryKey: ticketKeys.calendars, queryFn: ticketsApi.calendars });
  const existing = policy === 'new' ? undefined : policy;
  const hours = t('tickets.sla.businessHours');
  return (
    <SettingsEditorModal<PolicyForm>
      title={existing ? existing.name : t('tickets.sla.new')}
      savedMessage={t('tickets.panel.saved')}
      testIds={{ save: 'sla-save', form: 'sla-form' }}
      initialValues={existing ? toForm(existing) : { active: true, escalateToManager: true, escalatePriority: false, warnBeforeHours: 1 }}
      save={({ firstResponseHours, resolutionHours, warnBeforeHours, ...values }) =>
        ticketsApi.saveSlaPolicy(
          {
            ...values,
            priority: values.priority ?? null,
            category: values.category?.trim() || null,
            customerTier: values.customerTier?.trim() || null,
            calendarId: values.calendarId ?? null,
            firstResponseMinutes: hoursToMinutes(firstResponseHours),
            resolutionMinutes: hoursToMinutes(resolutionHours),
            warnBeforeMinutes: hoursToMinutes(warnBeforeHours) ?? 0,
          },
          existing,
        )
      }
      onClose={onClose}
    >
      <Form.Item name="name" label={t('tickets.sla.name')} rules={[{ required: true, max: 100 }]}>
        <Input data-testid="sla-name" />
      </Form.Item>
      <Form.Item label={t('tickets.sla.appliesTo')} extra={t('tickets.sla.appliesToHint')} style={{ marginBottom: 0 }}>
        <Space wrap size={12}>
          <Form.Item name="priority" label={t('tickets.fields.priority')} style={{ minWidth: 140 }}>
            <Select
              allowClear
              data-testid="sla-priority"
              placeholder={t('tickets.sla.any')}
              options={TICKET_PRIORITIES.map((p) => ({ value: p, label: t(`tickets.priority.${p}`) }))}
            />
          </Form.Item>
          <Form.Item name="category" label={t('tickets.fields.category')} rules={[{ max: 100 }]}>
            <Input placeholder={t('tickets.sla.any')} data-testid="sla-category" />
          </Form.Item>
          <Form.Item name="customerTier" label={t('tickets.sla.customerTier')} rules={[{ max: 30 }]}>
            <Input placeholder={t('tickets.sla.any')} data-testid="sla-tier" />
          </Form.Item>
        </Space>
      </Form.Item>
      <Space wrap size={12}>
        <Form.Item
          name="firstResponseHours"
          label={t('tickets.sla.firstResponse')}
          dependencies={['resolutionHours']}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_, v) => (v || getFieldValue('resolutionHours') ? Promise.resolve() : Promise.reject(new Error(t('tickets.sla.needTarget')))),
            }),
          ]}
        >
          <InputNumber min={0.1} max={8760} step={0.5} addonAfter={hours} data-testid="sla-first-response" />
        </Form.Item>
        <Form.Item name="resolutionHours" label={t('tickets.sla.resolution')}>
          <InputNumber min={0.1} max={8760} step={1} addonAfter={hours} data-testid="sla-resolution" />
        </Form.Item>
        <Form.Item name="warnBeforeHours" label={t('tickets.sla.warnBefore')}>
          <InputNumber min={0} max={168} step={0.5} addonAfter={hours} data-testid="sla-warn" />
        </Form.Item>
      </Space>
      <Form.Item name="calendarId" label={t('tickets.sla.calendar')} extra={t('tickets.sla.calendarHint')}>
        <Select
          allowClear
          data-testid="sla-calendar"
          loading={calendars.isPending}
          placeholder={t('tickets.sla.defaultCalendar')}
          options={(calendars.data ?? []).map((c) => ({ value: c.id, label: c.isDefault ? `${c.name} (${t('tickets.sla.default')})` : c.name }))}
        />
      </Form.Item>
      <Space wrap size={24}>
        <Form.Item name="escalateToManager" label={t('tickets.sla.escalateToManager')} valuePropName="checked">
          <Switch data-testid="sla-escalate-manager" />
        </Form.Item>
        <Form.Item name="escalatePriority" label={t('tickets.sla.escalatePriority')} valuePropName="checked">
          <Switch data-testid="sla-escalate-priority" />
        </Form.Item>
        <Form.Item name="active" label={t('tickets.queues.active')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Space>
    </SettingsEditorModal>
  );
}

/** Settings > SLA policies: targets in business hours by priority, category and customer tier; how a breach escalates; the desk's reopen rules. */
export function TicketSlaPage() {
  const { t, i18n } = useTranslation();
  const calendars = useQuery({ queryKey: ticketKeys.calendars, queryFn: ticketsApi.calendars });
  const calendarName = (id: string | null) =>
    (id ? calendars.data?.find((c) => c.id === id)?.name : calendars.data?.find((c) => c.isDefault)?.name) ?? t('tickets.sla.defaultCalendar');
  const target = (m: number | null) => (m ? formatTarget(m, i18n.language) : '—');
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <SettingsList<SlaPolicy>
        title={t('tickets.sla.title')}
        intro={t('tickets.sla.intro')}
        newLabel={t('tickets.sla.new')}
        nameLabel={t('tickets.sla.name')}
        testIds={{ new: 'sla-new', table: 'sla-table' }}
        queryKey={ticketKeys.slaPolicies}
        load={ticketsApi.slaPolicies}
        deleteTitle={(p) => t('tickets.sla.delete', { name: p.name })}
        remove={(p) => ticketsApi.removeSlaPolicy(p.id)}
        editor={(p, close) => <PolicyModal policy={p} onClose={close} />}
        columns={[
          {
            title: t('tickets.sla.appliesTo'),
            render: (_: unknown, p) => {
              const parts = [
                p.priority && (
                  <Tag key="p" color={PRIORITY_COLOR[p.priority]}>
                    {t(`tickets.priority.${p.priority}`)}
                  </Tag>
                ),
                p.category && <Tag key="c">{p.category}</Tag>,
                p.customerTier && <Tag key="t">{t('tickets.sla.tierTag', { tier: p.customerTier })}</Tag>,
              ].filter(Boolean);
              return parts.length ? parts : t('tickets.sla.allTickets');
            },
          },
          { title: t('tickets.sla.firstResponse'), dataIndex: 'firstResponseMinutes', render: target },
          { title: t('tickets.sla.resolution'), dataIndex: 'resolutionMinutes', render: target },
          { title: t('tickets.sla.calendar'), dataIndex: 'calendarId', render: calendarName },
          {
            title: t('tickets.sla.escalation'),
            render: (_: unknown, p) =>
              [p.escalateToManager && t('tickets.sla.toManager'), p.escalatePriority && t('tickets.sla.raisePriority')].filter(Boolean).join(' · ') || '—',
          },
          activeColumn(t('tickets.queues.active')),
        ]}
      />
      <DeskSettingsCard />
    </Space>
  );
}
