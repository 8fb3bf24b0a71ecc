import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, Select, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '#shared/auth/session';
import { api } from '#shared/api/client';
import { isApiError } from '#shared/api/problem';
import { allTimeZones, zoneOffset } from '#shared/format/time-zone';
import { ConflictAlert } from '#shared/ui/conflict-alert';
import '../messages';
import { currencyOptions } from '#shared/format/currencies';
import { regionOptions } from './regions';

type Tenant = { id: string; name: string; locale: string; timezone: string; currency: string; phoneRegion: string; version: number };
type Values = Pick<Tenant, 'name' | 'locale' | 'timezone' | 'currency' | 'phoneRegion'>;
const KEY = ['tenant'];

/** The tenant's defaults for new users and new records: name, language, time zone, currency, phone region. */
export function TenantPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const { refresh } = useAuth();
  const qc = useQueryClient();
  const [conflict, setConflict] = useState(false);
  const q = useQuery({ queryKey: KEY, queryFn: () => api<Tenant>('/tenant'), retry: false });
  const zones = useMemo(() => allTimeZones().map((z) => ({ value: z, label: `${z} (${zoneOffset(z)})` })), []);
  const currencies = useMemo(() => currencyOptions(i18n.language), [i18n.language]);
  const regions = useMemo(() => regionOptions(i18n.language), [i18n.language]);
  const save = useMutation({
    mutationFn: (v: Values) => api<Tenant>('/tenant', { method: 'PATCH', body: v, ...(q.data ? { ifMatch: q.data.version } : {}) }),
    onSuccess: async (saved) => {
      qc.setQueryData(KEY, saved);
      setConflict(false);
      message.success(t('common.saved'));
      // The tenant's zone is the display zone of everyone without their own.
      await refresh();
    },
    onError: (e) => (isApiError(e) && e.isConflict ? setConflict(true) : message.error(e.message)),
  });
  return (
    <Card loading={q.isPending} data-testid="tenant-settings">
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('settings.sections.general')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('tenantSettings.intro')}</Typography.Paragraph>
      {q.isError && <Alert type="error" showIcon title={t('tenantSettings.loadFailed')} description={q.error.message} style={{ marginBottom: 16 }} />}
      {conflict && (
        <ConflictAlert
          onReload={() => {
            setConflict(false);
            void q.refetch();
          }}
        />
      )}
      {q.data && (
        <Form<Values> layout="vertical" style={{ maxWidth: 480 }} initialValues={q.data} onFinish={(v) => save.mutate(v)} key={q.data.version}>
          <Form.Item
            name="name"
            label={t('tenantSettings.name')}
            rules={[{ required: true, whitespace: true, message: t('validation.required') }, { max: 100 }]}
          >
            <Input data-testid="tenant-name" />
          </Form.Item>
          <Form.Item name="locale" label={t('settings.tenant.locale')}>
            <Select
              options={[
                { value: 'zh-CN', label: '简体中文' },
                { value: 'en', label: 'English' },
              ]}
              data-testid="tenant-locale"
            />
          </Form.Item>
          <Form.Item name="timezone" label={t('settings.tenant.timezone')} extra={t('tenantSettings.timezoneHint')}>
            <Select showSearch={{ optionFilterProp: 'label' }} options={zones} data-testid="tenant-timezone" />
          </Form.Item>
          <Form.Item name="currency" label={t('settings.tenant.currency')} extra={t('tenantSettings.currencyHint')}>
            <Select showSearch={{ optionFilterProp: 'label' }} options={currencies} data-testid="tenant-currency" />
          </Form.Item>
          <Form.Item name="phoneRegion" label={t('tenantSettings.phoneRegion')} extra={t('tenantSettings.phoneRegionHint')}>
            <Select showSearch={{ optionFilterProp: 'label' }} options={regions} data-testid="tenant-phone-region" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="tenant-save">
            {t('common.save')}
          </Button>
        </Form>
      )}
    </Card>
  );
}
