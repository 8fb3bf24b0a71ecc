import { useQuery } from '@tanstack/react-query';
import { Button, Card, DatePicker, Form, Input, Select, Space, Typography, message } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { api } from '#shared/api/client';
import type { ListResponse, Ref } from '#shared/api/types';
import { contractsApi } from './contracts-api';

type Values = { name: string; companyId?: string; signingParty?: string; amount: string; currency: string; term?: [Dayjs, Dayjs] };

/** A new contract for a customer (`?companyId=`) or from a deal (`?dealId=`: its customer, amount and currency come along). */
export function ContractCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [search, setSearch] = useState('');
  const [saving, setSaving] = useState(false);
  const dealId = params.get('dealId');
  const companies = useQuery({
    queryKey: ['companies', 'contract-picker', search],
    queryFn: () => api<ListResponse<Ref>>('/companies', { query: { q: search, limit: 20, fields: 'id,name' } }),
  });
  const submit = async (v: Values) => {
    setSaving(true);
    try {
      const contract = await contractsApi.create({
        name: v.name,
        ...(v.companyId ? { companyId: v.companyId } : {}),
        ...(dealId ? { dealId } : {}),
        ...(v.signingParty ? { signingParty: v.signingParty } : {}),
        amount: v.amount,
        currency: v.currency,
        ...(v.term ? { startsOn: v.term[0].format('YYYY-MM-DD'), endsOn: v.term[1].format('YYYY-MM-DD') } : {}),
      });
      navigate(`/contracts/${contract.id}`, { replace: true });
    } catch (e) {
      void message.error((e as Error).message);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Card>
      <Typography.Title level={3}>{t('contracts.new')}</Typography.Title>
      <Form<Values>
        layout="vertical"
        style={{ maxWidth: 560 }}
        initialValues={{ currency: 'CNY', companyId: params.get('companyId') ?? undefined }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item name="name" label={t('contracts.fields.name')} rules={[{ required: true }]}>
          <Input data-testid="contract-name" />
        </Form.Item>
        {!dealId && (
          <Form.Item name="companyId" label={t('contracts.fields.companyId')} rules={[{ required: true }]}>
            <Select
              showSearch
              filterOption={false}
              onSearch={setSearch}
              options={(companies.data?.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
              data-testid="contract-company"
            />
          </Form.Item>
        )}
        <Form.Item name="signingParty" label={t('contracts.fields.signingParty')}>
          <Input />
        </Form.Item>
        <Space>
          <Form.Item name="amount" label={t('contracts.fields.amount')} rules={[{ required: true, pattern: /^\d+(\.\d{1,2})?$/ }]}>
            <Input data-testid="contract-amount" style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="currency" label={t('contracts.fields.currency')} rules={[{ required: true }]}>
            <Input style={{ width: 90 }} maxLength={3} />
          </Form.Item>
        </Space>
        <Form.Item name="term" label={t('contracts.fields.term')}>
          <DatePicker.RangePicker data-testid="contract-term" />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={saving} data-testid="contract-save">
            {t('contracts.actions.create')}
          </Button>
          <Button onClick={() => navigate(-1)}>{t('common.cancel', { defaultValue: 'Cancel' })}</Button>
        </Space>
      </Form>
    </Card>
  );
}
