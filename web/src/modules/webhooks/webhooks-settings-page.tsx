import { DownOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Dropdown, InputNumber, Space, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DeliveriesDrawer } from './deliveries-drawer';
import { eventLabel } from './event-options';
import { SecretModal } from './secret-modal';
import { WebhookFormModal } from './webhook-form-modal';
import { type Webhook, WEBHOOKS_KEY, type WebhookSecret, webhooksApi } from './webhooks-api';
import { AttentionTag } from '#shared/ui/attention';

/** Settings > Webhooks: subscriptions, their secrets and their delivery logs. */
export function WebhooksSettingsPage() {
  const { t, i18n } = useTranslation();
  const { message, modal } = App.useApp();
  const qc = useQueryClient();
  const [editing, setEditing] = useState<Webhook | null | 'new'>(null);
  const [secret, setSecret] = useState<WebhookSecret | null>(null);
  const [log, setLog] = useState<Webhook | null>(null);
  const { data = [], isPending } = useQuery({ queryKey: WEBHOOKS_KEY, queryFn: webhooksApi.list });
  const { data: types = [] } = useQuery({ queryKey: ['webhook-event-types'], queryFn: webhooksApi.eventTypes });
  const refresh = () => qc.invalidateQueries({ queryKey: WEBHOOKS_KEY });
  const run = async (work: () => Promise<unknown>) => {
    try {
      await work();
    } catch (e) {
      message.error((e as Error).message);
    }
    await refresh();
  };
  const rotate = (w: Webhook) => {
    let hours = 24;
    modal.confirm({
      title: t('webhooks.rotateConfirm'),
      content: (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Text>{t('webhooks.overlapHours')}</Typography.Text>
          <InputNumber min={0} max={168} defaultValue={24} onChange={(v) => (hours = v ?? 0)} data-testid="overlap-hours" />
          <Typography.Text type="secondary">{t('webhooks.overlapHint')}</Typography.Text>
        </Space>
      ),
      onOk: () => run(async () => setSecret(await webhooksApi.rotate(w.id, hours))),
    });
  };
  const remove = (w: Webhook) =>
    modal.confirm({
      title: t('webhooks.deleteConfirm', { name: w.name }),
      okButtonProps: { danger: true },
      onOk: () => run(() => webhooksApi.remove(w.id)),
    });

  return (
    <Card>
      <div style={{ display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap', marginBottom: 12 }}>
        <div style={{ flex: 1, minWidth: 240 }}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('webhooks.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('webhooks.intro')}</Typography.Text>
        </div>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="webhook-create">
          {t('webhooks.create')}
        </Button>
      </div>
      <Table<Webhook>
        rowKey="id"
        loading={isPending}
        dataSource={data}
        pagination={false}
        scroll={{ x: 780 }}
        columns={[
          {
            key: 'name',
            title: t('webhooks.name'),
            render: (_, w) => (
              <>
                <div>
                  {w.name}
                  {w.attention && (
                    <AttentionTag
                      label={t('webhooks.attention')}
                      hint={t('webhooks.attentionHint', { fields: w.attention.fields.join(', ') })}
                      testId="webhook-attention"
                      style={{ marginInlineStart: 8 }}
                    />
                  )}
                </div>
                <Typography.Text type="secondary" style={{ fontSize: 12, wordBreak: 'break-all' }}>
                  {w.url}
                </Typography.Text>
              </>
            ),
          },
          {
            key: 'events',
            title: t('webhooks.events'),
            render: (_, w) => (
              <Space size={[0, 4]} wrap>
                {w.events.map((e) => (
                  <Tag key={e}>{eventLabel(e, types, t, i18n.language)}</Tag>
                ))}
                {w.filter && <Tag color="blue">{t('webhooks.filter')}</Tag>}
              </Space>
            ),
          },
          { key: 'owner', title: t('webhooks.owner'), render: (_, w) => w.owner?.name ?? '—' },
          {
            key: 'status',
            title: t('webhooks.status'),
            render: (_, w) => (
              <Space direction="vertical" size={2}>
                <Switch
                  checked={w.isActive}
                  checkedChildren={t('webhooks.active')}
                  unCheckedChildren={t('webhooks.disabled')}
                  onChange={(on) => void run(() => webhooksApi.update(w.id, { isActive: on }))}
                  data-testid="webhook-active"
                />
                {w.disabledReason && <Typography.Text type="danger">{t(`webhooks.reason.${w.disabledReason}`)}</Typography.Text>}
                {w.isActive && w.consecutiveFailures > 0 && (
                  <Typography.Text type="warning">{t('webhooks.failures', { count: w.consecutiveFailures })}</Typography.Text>
                )}
              </Space>
            ),
          },
          {
            key: 'actions',
            title: '',
            render: (_, w) => (
              <Space wrap>
                <Button size="small" onClick={() => setLog(w)} data-testid="webhook-deliveries">
                  {t('webhooks.deliveries')}
                </Button>
                <Button size="small" onClick={() => setEditing(w)} data-testid="webhook-edit">
                  {t('webhooks.editShort')}
                </Button>
                <Dropdown
                  menu={{
                    items: [
                      { key: 'reveal', label: t('webhooks.reveal'), onClick: () => void run(async () => setSecret(await webhooksApi.secret(w.id))) },
                      { key: 'rotate', label: t('webhooks.rotate'), onClick: () => rotate(w) },
                      { key: 'delete', label: t('webhooks.delete'), danger: true, onClick: () => remove(w) },
                    ],
                  }}
                >
                  <Button size="small" icon={<DownOutlined />} iconPlacement="end" data-testid="webhook-more">
                    {t('webhooks.actions')}
                  </Button>
                </Dropdown>
              </Space>
            ),
          },
        ]}
      />
      <WebhookFormModal
        open={editing !== null}
        editing={editing === 'new' ? null : editing}
        onClose={() => setEditing(null)}
        onSaved={(created) => {
          setEditing(null);
          if (created) setSecret({ secret: created.secret, previousSecretExpiresAt: null });
          void refresh();
        }}
      />
      <SecretModal secret={secret} onClose={() => setSecret(null)} />
      <DeliveriesDrawer webhook={log} onClose={() => setLog(null)} />
    </Card>
  );
}
