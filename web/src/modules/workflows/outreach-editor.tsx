import { useQuery } from '@tanstack/react-query';
import { Input, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FieldDef } from '#shared/fields/field-types';
import { useUsers } from '#shared/users/users-api';
import { MergeFieldButton } from './merge-field-button';
import { type RuleAction, workflowsApi } from './workflows-api';

type Outreach = Extract<RuleAction, { type: 'notify' | 'send_email' | 'call_webhook' }>;
type Props = { action: Outreach; onChange: (next: RuleAction) => void; fields: FieldDef[] };

const ADDRESS = /^[^\s@]+@[^\s@]+$/;

/** Notify users, e-mail from a template, or call a webhook: pick who, which template, which webhook. */
export function OutreachBody({ action, onChange, fields }: Props) {
  const { t } = useTranslation();
  const { data: users = [] } = useUsers();
  const templates = useQuery({ queryKey: ['mail-templates'], queryFn: workflowsApi.mailTemplates, enabled: action.type === 'send_email' });
  const webhooks = useQuery({ queryKey: ['webhooks'], queryFn: workflowsApi.webhooks, enabled: action.type === 'call_webhook' });
  switch (action.type) {
    case 'notify':
      return (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Select
            mode="multiple"
            value={action.recipients}
            onChange={(recipients) => onChange({ ...action, recipients })}
            options={[
              { value: 'owner', label: t('workflows.recordOwner') },
              ...users.filter((u) => u.isActive !== false).map((u) => ({ value: u.id, label: u.name })),
            ]}
            optionFilterProp="label"
            style={{ width: '100%' }}
            data-testid="notify-recipients"
          />
          <Input
            value={action.title}
            placeholder={t('workflows.notifyTitle', { skipInterpolation: true })}
            onChange={(e) => onChange({ ...action, title: e.target.value })}
            data-testid="notify-title"
          />
          <Input.TextArea
            value={action.body ?? ''}
            placeholder={t('workflows.notifyBody')}
            autoSize={{ minRows: 1, maxRows: 4 }}
            onChange={(e) => onChange({ ...action, body: e.target.value || null })}
          />
          <MergeFieldButton fields={fields} onPick={(m) => onChange({ ...action, title: `${action.title}${m}` })} />
        </Space>
      );
    case 'send_email': {
      const custom = action.to !== 'record' && action.to !== 'owner';
      return (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Select
            value={action.templateId || undefined}
            onChange={(templateId) => onChange({ ...action, templateId })}
            loading={templates.isPending}
            placeholder={t('workflows.pickTemplate')}
            options={(templates.data ?? []).map((x) => ({ value: x.id, label: x.name }))}
            style={{ width: 320 }}
            data-testid="email-template"
          />
          {templates.data?.length === 0 && <Typography.Text type="secondary">{t('workflows.noTemplates')}</Typography.Text>}
          <Space wrap>
            <Typography.Text>{t('workflows.sendTo')}</Typography.Text>
            <Select
              value={custom ? 'address' : action.to}
              onChange={(to) => onChange({ ...action, to: to === 'address' ? '' : to })}
              options={[
                { value: 'record', label: t('workflows.toRecord') },
                { value: 'owner', label: t('workflows.toOwner') },
                { value: 'address', label: t('workflows.toAddress') },
              ]}
              style={{ width: 200 }}
            />
            {custom && (
              <Input
                value={action.to}
                status={action.to && !ADDRESS.test(action.to) ? 'error' : undefined}
                onChange={(e) => onChange({ ...action, to: e.target.value })}
                placeholder="name@example.com"
                style={{ width: 260 }}
              />
            )}
          </Space>
        </Space>
      );
    }
    case 'call_webhook':
      return (
        <Space direction="vertical">
          <Select
            value={action.webhookId || undefined}
            onChange={(webhookId) => onChange({ ...action, webhookId })}
            loading={webhooks.isPending}
            placeholder={t('workflows.pickWebhook')}
            options={(webhooks.data ?? []).map((w) => ({ value: w.id, label: `${w.name} · ${w.url}` }))}
            style={{ width: 420 }}
            data-testid="webhook-pick"
          />
          <Typography.Text type="secondary">{t('workflows.webhookHint')}</Typography.Text>
        </Space>
      );
  }
}
