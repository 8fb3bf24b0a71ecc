import { useQuery } from '@tanstack/react-query';
import { Card, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatMoney } from '#shared/format/format';
import './messages';
import { contractsApi, type ReceivablesRow } from './contracts-api';

const BUCKETS = ['notDue', 'days1to30', 'days31to60', 'days61to90', 'days90plus'] as const;

/** Receivables (应收账款) by customer: outstanding, overdue and ageing buckets, within the user's scope. */
export function ReceivablesPage() {
  const { t, i18n } = useTranslation();
  const report = useQuery({ queryKey: ['contracts', 'receivables'], queryFn: () => contractsApi.receivables() });
  const money = (key: keyof ReceivablesRow) => ({
    title: t(`contracts.receivables.${key}`),
    dataIndex: key,
    align: 'right' as const,
    render: (v: string, r: ReceivablesRow) => formatMoney(v, r.currency, i18n.language),
  });
  return (
    <Card>
      <Typography.Title level={3}>{t('contracts.receivables.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('contracts.receivables.asOf', { day: report.data?.asOf ?? '' })}</Typography.Paragraph>
      <Table
        rowKey={(r) => `${r.companyId}-${r.currency}`}
        size="small"
        loading={report.isPending}
        dataSource={report.data?.data ?? []}
        data-testid="receivables"
        scroll={{ x: true }}
        columns={[
          {
            title: t('contracts.fields.companyId'),
            dataIndex: 'company',
            render: (name: string, r) => (r.companyId ? <Link to={`/companies/${r.companyId}`}>{name}</Link> : '—'),
          },
          money('contracted'),
          money('received'),
          money('outstanding'),
          money('overdue'),
          ...BUCKETS.map((b) => money(b)),
        ]}
      />
    </Card>
  );
}
