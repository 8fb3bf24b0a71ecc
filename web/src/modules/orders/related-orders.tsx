import { useQuery } from '@tanstack/react-query';
import { Empty, List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { can } from '#shared/auth/permissions';
import { useMe } from '#shared/auth/session';
import { formatDate, formatMoney } from '#shared/format/format';
import './messages';
import { orderKeys, ordersApi, STATUS_COLOR } from './orders-api';

type Props = { field: 'dealId' | 'companyId' | 'contactId'; id: string };

/** The orders of a deal or a customer. */
export function RelatedOrders({ field, id }: Props) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const orders = useQuery({
    queryKey: orderKeys.related(field, id),
    queryFn: () => ordersApi.list({ filter: JSON.stringify({ [field]: { eq: id } }), sort: '-createdAt', limit: 50 }),
    enabled: can(me, 'order', 'read'),
  });
  if (!can(me, 'order', 'read')) return null;
  return (
    <List
      data-testid="related-orders"
      loading={orders.isPending}
      dataSource={orders.data?.data ?? []}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('orders.related.none')} /> }}
      renderItem={(o) => (
        <List.Item extra={<strong>{formatMoney(o.total, o.currency, i18n.language)}</strong>}>
          <List.Item.Meta
            title={
              <Space wrap>
                <Link to={`/orders/${o.id}`}>{o.number}</Link>
                <Tag color={STATUS_COLOR[o.status]}>{t(`orders.status.${o.status}`)}</Tag>
              </Space>
            }
            description={
              <Typography.Text type="secondary">
                {o.name} · {t('orders.fields.orderedOn')} {formatDate(o.orderedOn, i18n.language) || '—'}
              </Typography.Text>
            }
          />
        </List.Item>
      )}
    />
  );
}
