import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '#shared/api/client';

type Tenant = { id?: string; name?: string; locale: string; timezone: string; currency: string; version?: number };

const ZONES = [
  'Asia/Shanghai',
  'Asia/Hong_Kong',
  'Asia/Taipei',
  'Asia/Singapore',
  'Asia/Tokyo',
  'Europe/London',
  'Europe/Berlin',
  'America/New_York',
  'America/Los_Angeles',
  'UTC',
];
const CURRENCIES = ['CNY', 'USD', 'EUR', 'HKD', 'JPY', 'GBP', 'SGD'];

/** The tenant's defaults for new users and new records: language, time zone, currency. */
export function TenantPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const q = useQuery({ queryKey: ['tenant'], queryFn: () => api<Tenant>('/tenant'), retry: false });
  const save = useMutation({
    mutationFn: (v: Tenant) =>
      api<Tenant>('/tenant', {
        method: 'PATCH',
        body: { locale: v.locale, timezone: v.timezone, currency: v.currency },
        ...(q.data?.version ? { ifMatch: q.data.version } : {}),
      }),
    onSuccess: () => message.success(t('common.saved')),
    onError: (e) => message.error(e.message),
  });
  return (
    <Card loading={q.isPending}>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('settings.sections.general')}
      </Typography.Title>
      {q.isError && <Alert type="info" showIcon title={t('settings.tenant.unavailable')} style={{ marginBottom: 16 }} />}
      <Form<Tenant>
        layout="vertical"
        style={{ maxWidth: 420 }}
        initialValues={q.data ?? { locale: 'zh-CN', timezone: 'Asia/Shanghai', currency: 'CNY' }}
        onFinish={(v) => save.mutate(v)}
        key={q.data?.version ?? 0}
      >
        <Form.Item name="locale" label={t('settings.tenant.locale')}>
          <Select
            options={[
              { value: 'zh-CN', label: '简体中文' },
              { value: 'en', label: 'English' },
            ]}
          />
        </Form.Item>
        <Form.Item name="timezone" label={t('settings.tenant.timezone')}>
          <Select showSearch options={ZONES.map((z) => ({ value: z, label: z }))} />
        </Form.Item>
        <Form.Item name="currency" label={t('settings.tenant.currency')}>
          <Select options={CURRENCIES.map((c) => ({ value: c, label: c }))} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending} disabled={q.isError}>
          {t('common.save')}
        </Button>
      </Form>
    </Card>
  );
}
