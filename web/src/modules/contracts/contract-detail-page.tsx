import { useQuery } from '@tanstack/react-query';
import { Button, Card, Descriptions, Space, Tabs, Tag, Typography, message } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { formatDate, formatMoney } from '#shared/format/format';
import { ContractActions } from './contract-actions';
import { filesPart, invoicesPart, paymentsPart, planPart } from './contract-parts';
import { contractKeys, contractsApi, STATUS_COLOR } from './contracts-api';
import { RelatedPartTab } from './related-part-tab';

/** A contract: its facts and totals, and tabs for attachments, the payment plan, payments and invoices. */
export function ContractDetailPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const query = useQuery({ queryKey: contractKeys.one(id), queryFn: () => contractsApi.get(id) });
  const c = query.data;
  if (!c) return null;
  const m = (v: string) => formatMoney(v, c.currency, i18n.language);
  const refetch = () => void query.refetch();
  const submit = async () => {
    try {
      await contractsApi.submit(c.id);
      refetch();
    } catch (e) {
      void message.error((e as Error).message);
    }
  };
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <Space align="center" wrap>
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="contract-title">
            {c.number} · {c.name}
          </Typography.Title>
          <Tag color={STATUS_COLOR[c.status]} data-testid="contract-status">
            {t(`contracts.status.${c.status}`)}
          </Tag>
          {c.status === 'draft' && (
            <Button type="primary" onClick={() => void submit()} data-testid="contract-submit">
              {t('contracts.actions.submit')}
            </Button>
          )}
          <ContractActions contract={c} onDone={refetch} />
        </Space>
        <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginTop: 16 }}>
          <Descriptions.Item label={t('contracts.fields.companyId')}>
            {c.company ? <Link to={`/companies/${c.company.id}`}>{c.company.name}</Link> : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('contracts.fields.signingParty')}>{c.signingParty ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('contracts.fields.term')}>
            {formatDate(c.startsOn, i18n.language) || '—'} ~ {formatDate(c.endsOn, i18n.language) || '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('contracts.fields.amount')}>
            <strong data-testid="contract-amount-value">{m(c.amount)}</strong>
          </Descriptions.Item>
          <Descriptions.Item label={t('contracts.fields.receivedAmount')}>
            <span data-testid="contract-received">{m(c.receivedAmount)}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('contracts.fields.creditAmount')}>
            <span data-testid="contract-credit">{m(c.creditAmount ?? '0')}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('contracts.fields.invoicedAmount')}>{m(c.invoicedAmount)}</Descriptions.Item>
          <Descriptions.Item label={t('contracts.fields.signedOn')}>
            <span data-testid="contract-signed-on-value">{formatDate(c.signedOn, i18n.language) || '—'}</span>
          </Descriptions.Item>
          {c.status === 'terminated' && (
            <Descriptions.Item label={t('contracts.fields.terminatedReason')}>
              <span data-testid="contract-terminated-reason">{c.terminatedReason ?? '—'}</span>
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      <Card>
        <Tabs
          items={[
            { key: 'files', label: t('contracts.tabs.files'), children: <RelatedPartTab contract={c} part={filesPart} /> },
            { key: 'plan', label: t('contracts.tabs.plan'), children: <RelatedPartTab contract={c} part={planPart} onChanged={refetch} /> },
            { key: 'payments', label: t('contracts.tabs.payments'), children: <RelatedPartTab contract={c} part={paymentsPart} onChanged={refetch} /> },
            { key: 'invoices', label: t('contracts.tabs.invoices'), children: <RelatedPartTab contract={c} part={invoicesPart} /> },
          ]}
        />
      </Card>
    </Space>
  );
}
