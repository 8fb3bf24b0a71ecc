import { useQuery } from '@tanstack/react-query';
import { Button, Empty, List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { can } from '#shared/auth/permissions';
import { useMe } from '#shared/auth/session';
import { formatDate, formatMoney } from '#shared/format/format';
import './messages';
import { contractKeys, contractsApi, STATUS_COLOR } from './contracts-api';

type Props = { field: 'dealId' | 'companyId' | 'contactId'; id: string };

/** A customer's or a deal's contracts with what was received, and a customer's receivables totals. */
export function RelatedContracts({ field, id }: Props) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const readable = can(me, 'contract', 'read');
  const contracts = useQuery({
    queryKey: contractKeys.related(field, id),
    queryFn: () => contractsApi.list({ filter: JSON.stringify({ [field]: { eq: id } }), sort: '-createdAt', limit: 50 }),
    enabled: readable,
  });
  const totals = useQuery({
    queryKey: ['contracts', 'receivables', id],
    queryFn: () => contractsApi.receivables({ companyId: id }),
    enabled: readable && field === 'companyId',
  });
  if (!readable) return null;
  return (
    <div data-testid="related-contracts">
      {(totals.data?.data ?? []).map((r) => (
        <Typography.Paragraph key={r.currency} data-testid="customer-receivables">
          {t('contracts.receivables.contracted')} {formatMoney(r.contracted, r.currency, i18n.language)} · {t('contracts.receivables.received')}{' '}
          {formatMoney(r.received, r.currency, i18n.language)} · {t('contracts.receivables.outstanding')}{' '}
          {formatMoney(r.outstanding, r.currency, i18n.language)} ·{' '}
          <Typography.Text type={Number(r.overdue) > 0 ? 'danger' : undefined}>
            {t('contracts.receivables.overdue')} {formatMoney(r.overdue, r.currency, i18n.language)}
          </Typography.Text>
        </Typography.Paragraph>
      ))}
      <List
        loading={contracts.isPending}
        dataSource={contracts.data?.data ?? []}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('contracts.related.none')} /> }}
        renderItem={(c) => (
          <List.Item extra={<strong>{formatMoney(c.amount, c.currency, i18n.language)}</strong>}>
            <List.Item.Meta
              title={
                <Space wrap>
                  <Link to={`/contracts/${c.id}`}>{c.number}</Link>
                  <Tag color={STATUS_COLOR[c.status]}>{t(`contracts.status.${c.status}`)}</Tag>
                </Space>
              }
              description={
                <Typography.Text type="secondary">
                  {c.name} · {t('contracts.fields.receivedAmount')} {formatMoney(c.receivedAmount, c.currency, i18n.language)} · {t('contracts.fields.endsOn')}{' '}
                  {formatDate(c.endsOn, i18n.language) || '—'}
                </Typography.Text>
              }
            />
          </List.Item>
        )}
      />
      {can(me, 'contract', 'create') && field !== 'contactId' && (
        <Button type="dashed" block onClick={() => navigate(`/contracts/new?${field}=${id}`)} data-testid="new-contract">
          {t('contracts.related.add')}
        </Button>
      )}
    </div>
  );
}
