import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, DatePicker, Form, Input, Modal, Select, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '#shared/format/format';
import { type ApiToken, settingsApi } from '../settings-api';
import styles from '../settings.module.css';

const KEY = ['api-tokens'];
type Values = { name: string; expiresAt?: Dayjs; scopes: string[] };
const SCOPE_SUGGESTIONS = ['*:read', 'contact:*', 'company:*', 'activity:*', 'contact:read', 'company:read'];

/** Personal API tokens: the secret is shown once, on creation; revoking is immediate. */
export function ApiTokensPage() {
  const { t, i18n } = useTranslation();
  const { message, modal } = App.useApp();
  const qc = useQueryClient();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<ApiToken | null>(null);
  const [form] = Form.useForm<Values>();
  const { data = [], isPending } = useQuery({ queryKey: KEY, queryFn: settingsApi.tokens.list });
  const create = useMutation({
    mutationFn: (v: Values) => settingsApi.tokens.create({ name: v.name, scopes: v.scopes ?? [], expiresAt: v.expiresAt ? v.expiresAt.toISOString() : null }),
    onSuccess: async (tok) => {
      setCreating(false);
      setCreated(tok);
      await qc.invalidateQueries({ queryKey: KEY });
    },
    onError: (e) => message.error(e.message),
  });
  const revoke = (tok: ApiToken) =>
    modal.confirm({
      title: t('settings.tokens.revokeConfirm', { name: tok.name }),
      okButtonProps: { danger: true },
      onOk: () =>
        settingsApi.tokens.revoke(tok.id).then(
          () => qc.invalidateQueries({ queryKey: KEY }),
          (e: Error) => message.error(e.message),
        ),
    });
  const lang = i18n.language;
  return (
    <Card>
      <div className={styles.toolbar}>
        <Typography.Title level={4} className={styles.grow} style={{ margin: 0 }}>
          {t('settings.sections.api-tokens')}
        </Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          {t('settings.tokens.create')}
        </Button>
      </div>
      <Table<ApiToken>
        rowKey="id"
        loading={isPending}
        dataSource={data}
        pagination={false}
        scroll={{ x: 720 }}
        columns={[
          {
            key: 'name',
            title: t('settings.tokens.name'),
            render: (_, x) => (
              <>
                <div>{x.name}</div>
                <Typography.Text type="secondary" code>
                  {x.prefix}…
                </Typography.Text>
              </>
            ),
          },
          {
            key: 'scopes',
            title: t('settings.tokens.scopes'),
            render: (_, x) => (x.scopes.length ? x.scopes.map((s) => <Tag key={s}>{s}</Tag>) : <Tag>{t('settings.tokens.allScopes')}</Tag>),
          },
          { key: 'used', title: t('settings.tokens.lastUsed'), render: (_, x) => formatDateTime(x.lastUsedAt, lang) || '—' },
          { key: 'expires', title: t('settings.tokens.expires'), render: (_, x) => formatDateTime(x.expiresAt, lang) || t('settings.tokens.never') },
          {
            key: 'status',
            title: '',
            render: (_, x) =>
              x.revokedAt ? (
                <Tag>{t('settings.tokens.revoked')}</Tag>
              ) : (
                <Button size="small" danger onClick={() => revoke(x)}>
                  {t('settings.tokens.revoke')}
                </Button>
              ),
          },
        ]}
      />
      <Modal
        open={creating}
        title={t('settings.tokens.create')}
        onCancel={() => setCreating(false)}
        onOk={() => form.submit()}
        confirmLoading={create.isPending}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" preserve={false} onFinish={(v) => create.mutate(v)}>
          <Form.Item
            name="name"
            label={t('settings.tokens.name')}
            rules={[{ required: true, whitespace: true, message: t('validation.required') }, { max: 100 }]}
          >
            <Input />
          </Form.Item>
          <Form.Item name="scopes" label={t('settings.tokens.scopes')} extra={t('settings.tokens.scopesHint')}>
            <Select mode="tags" options={SCOPE_SUGGESTIONS.map((s) => ({ value: s, label: s }))} />
          </Form.Item>
          <Form.Item name="expiresAt" label={t('settings.tokens.expires')}>
            <DatePicker showTime style={{ width: '100%' }} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={!!created}
        title={t('settings.tokens.createdTitle')}
        onCancel={() => setCreated(null)}
        // The secret must not stay in the page once the dialog is closed.
        destroyOnHidden
        footer={
          <Button type="primary" onClick={() => setCreated(null)}>
            {t('settings.tokens.copied')}
          </Button>
        }
      >
        <Alert type="warning" showIcon title={t('settings.tokens.showOnce')} style={{ marginBottom: 12 }} />
        <Typography.Paragraph copyable code data-testid="new-token">
          {created?.token}
        </Typography.Paragraph>
      </Modal>
    </Card>
  );
}
