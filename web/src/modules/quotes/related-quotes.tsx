import { useQuery } from '@tanstack/react-query';
import { Button, Empty, List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useMe } from '#shared/auth/session';
import { can } from '#shared/auth/permissions';
import { formatDate, formatMoney } from '#shared/format/format';
import './messages';
import { quoteKeys, quotesApi, STATUS_COLOR } from './quotes-api';

type Props = { field: 'dealId' | 'companyId' | 'contactId'; id: string };

/** The latest version of each quote of a deal or a customer, with a shortcut to a new one. */
export function RelatedQuotes({ field, id }: Props) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const quotes = useQuery({
    queryKey: quoteKeys.related(field, id),
    queryFn: () => quotesApi.list({ filter: JSON.stringify({ [field]: { eq: id }, latest: { eq: true } }), sort: '-createdAt', limit: 50 }),
    enabled: can(me, 'quote', 'read'),
  });
  if (!can(me, 'quote', 'read')) return null;
  return (
    <div data-testid="related-quotes">
      <List
        loading={quotes.isPending}
        dataSource={quotes.data?.data ?? []}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('quotes.related.none')} /> }}
        renderItem={(q) => (
          <List.Item extra={<strong>{formatMoney(q.total, q.currency, i18n.language)}</strong>}>
            <List.Item.Meta
              title={
                <Space wrap>
                  <Link to={`/quotes/${q.id}`}>
                    {q.number} v{q.revision}
                  </Link>
                  <Tag color={STATUS_COLOR[q.status]}>{t(`quotes.status.${q.status}`)}</Tag>
                </Space>
              }
              description={
                <Typography.Text type="secondary">
                  {q.name} · {t('quotes.fields.validUntil')} {formatDate(q.validUntil, i18n.language) || '—'}
                </Typography.Text>
              }
            />
          </List.Item>
        )}
      />
      {can(me, 'quote', 'create') && (
        <Button type="dashed" block onClick={() => navigate(`/quotes/new?${field}=${id}`)} data-testid="new-quote">
          {t('quotes.related.add')}
        </Button>
      )}
    </div>
  );
}
