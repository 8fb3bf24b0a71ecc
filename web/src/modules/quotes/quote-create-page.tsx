import { useQuery } from '@tanstack/react-query';
import { Card, Form, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '#shared/api/client';
import type { ListResponse, Ref } from '#shared/api/types';
import { useNavigate, useSearchParams } from 'react-router';
import { QuoteEditor } from './quote-editor';
import { quotesApi } from './quotes-api';

/** A new quote from a deal (`?dealId=`) or a customer (`?companyId=` / `?contactId=`). */
export function QuoteCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [companyId, setCompanyId] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const given = {
    ...(params.get('dealId') ? { dealId: params.get('dealId') } : {}),
    ...(params.get('companyId') ? { companyId: params.get('companyId') } : {}),
    ...(params.get('contactId') ? { contactId: params.get('contactId') } : {}),
  };
  const pick = Object.keys(given).length === 0;
  const companies = useQuery({
    queryKey: ['companies', 'quote-picker', search],
    queryFn: () => api<ListResponse<Ref>>('/companies', { query: { q: search, limit: 20, fields: 'id,name' } }),
    enabled: pick,
  });
  const origin = pick ? { companyId } : given;
  const deal = useQuery({
    queryKey: ['deals', 'one', given.dealId ?? ''],
    queryFn: () => api<{ currency: string }>(`/deals/${given.dealId}`),
    enabled: !!given.dealId,
  });
  if (given.dealId && deal.isPending) return null;
  return (
    <Card>
      <Typography.Title level={3}>{t('quotes.new')}</Typography.Title>
      {pick && (
        <Form layout="vertical">
          <Form.Item label={t('quotes.fields.company')} required>
            <Select
              showSearch
              allowClear
              filterOption={false}
              onSearch={setSearch}
              value={companyId}
              onChange={(v) => setCompanyId(v ?? null)}
              style={{ maxWidth: 420 }}
              options={(companies.data?.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
              data-testid="quote-company"
            />
          </Form.Item>
        </Form>
      )}
      <QuoteEditor
        origin={origin}
        currency={deal.data?.currency}
        submitLabel={t('quotes.actions.create')}
        onCancel={() => navigate(-1)}
        onSubmit={async (body) => {
          const quote = await quotesApi.create(body);
          navigate(`/quotes/${quote.id}`, { replace: true });
        }}
      />
    </Card>
  );
}
