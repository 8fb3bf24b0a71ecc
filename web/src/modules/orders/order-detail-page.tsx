import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Input, Modal, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Timeline } from '#modules/activities';
import { QuoteLinesTable } from '#modules/quotes';
import type { CrmRecord } from '#shared/api/types';
import { canOnRecord } from '#shared/auth/permissions';
import { useMe } from '#shared/auth/session';
import { formatDate, formatDateTime } from '#shared/format/format';
import { CustomFieldFacts } from '#shared/records/detail/custom-field-facts';
import { PageSpinner } from '#shared/ui/page-spinner';
import { orderObject } from './order-object';
import { NEXT_MOVE, type Order, orderKeys, ordersApi, STATUS_COLOR } from './orders-api';

/** One order: its lines and totals, its customer and quote, the next step of its status flow or cancelling it. */
export function OrderDetailPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const qc = useQueryClient();
  const order = useQuery({ queryKey: orderKeys.one(id), queryFn: () => ordersApi.get(id) });
  const [cancelling, setCancelling] = useState(false);
  const [reason, setReason] = useState('');
  if (order.isPending) return <PageSpinner />;
  if (order.isError) return <Alert type="error" message={order.error.message} />;
  const o = order.data;
  const mayEdit = canOnRecord(me, 'order', 'update', o.ownerId);
  const next = NEXT_MOVE[o.status];
  const act = async (run: () => Promise<Order>) => {
    try {
      const after = await run();
      qc.setQueryData(orderKeys.one(o.id), after);
      message.success(t('orders.done.moved', { status: t(`orders.status.${after.status}`) }));
      await qc.invalidateQueries({ queryKey: orderKeys.all });
      return true;
    } catch (e) {
      message.error((e as Error).message);
      return false;
    }
  };
  const when = (v: string | null) => formatDateTime(v, i18n.language) || '—';

  return (
    <div data-testid="order-detail">
      <Card style={{ marginBottom: 16 }}>
        <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap align="start">
          <div>
            <Link to="/orders">{t('nav.orders')}</Link>
            <Typography.Title level={3} style={{ margin: 0 }}>
              {o.number}{' '}
              <Tag color={STATUS_COLOR[o.status]} data-testid="order-status">
                {t(`orders.status.${o.status}`)}
              </Tag>
            </Typography.Title>
            <Typography.Text>{o.name}</Typography.Text>
            <div>
              <Typography.Text type="secondary">
                {o.company && (
                  <>
                    {t('orders.fields.company')}: <Link to={`/companies/${o.company.id}`}>{o.company.name}</Link> ·{' '}
                  </>
                )}
                {o.deal && (
                  <>
                    {t('orders.fields.deal')}: <Link to={`/deals/${o.deal.id}`}>{o.deal.name}</Link> ·{' '}
                  </>
                )}
                {o.quote && (
                  <>
                    {t('orders.fields.quote')}: <Link to={`/quotes/${o.quote.id}`}>{o.quote.name}</Link> ·{' '}
                  </>
                )}
                {t('orders.fields.orderedOn')}: {formatDate(o.orderedOn, i18n.language) || '—'} · {o.owner?.name}
              </Typography.Text>
            </div>
            <CustomFieldFacts def={orderObject} record={o as unknown as CrmRecord} />
          </div>
          {mayEdit && (
            <Space wrap>
              {next && (
                <Button type="primary" onClick={() => void act(() => ordersApi.move(o.id, next))} data-testid={`order-${next}`}>
                  {t(`orders.actions.${next}`)}
                </Button>
              )}
              {o.status === 'confirmed' && (
                <Button danger onClick={() => setCancelling(true)} data-testid="order-cancel">
                  {t('orders.actions.cancel')}
                </Button>
              )}
            </Space>
          )}
        </Space>
      </Card>
      <Card style={{ marginBottom: 16 }} size="small">
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('orders.fields.shippingAddress')}>{o.shippingAddress || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('orders.fields.shippedAt')}>{when(o.shippedAt)}</Descriptions.Item>
          <Descriptions.Item label={t('orders.fields.deliveredAt')}>{when(o.deliveredAt)}</Descriptions.Item>
          <Descriptions.Item label={t('orders.fields.completedAt')}>{when(o.completedAt)}</Descriptions.Item>
          {o.status === 'cancelled' && <Descriptions.Item label={t('orders.fields.cancelReason')}>{o.cancelReason}</Descriptions.Item>}
          {o.notes && <Descriptions.Item label={t('orders.fields.notes')}>{o.notes}</Descriptions.Item>}
        </Descriptions>
      </Card>
      <Card title={t('orders.lines')} style={{ marginBottom: 16 }}>
        <QuoteLinesTable quote={o} />
      </Card>
      <Card title={t('detail.history')} size="small" data-testid="order-history">
        <Timeline object="orders" id={o.id} fields={orderObject.fields} only="change" />
      </Card>
      <Modal
        open={cancelling}
        title={t('orders.cancelTitle')}
        onCancel={() => setCancelling(false)}
        okButtonProps={{ danger: true, disabled: !reason.trim(), id: 'order-cancel-confirm' }}
        okText={t('orders.actions.cancel')}
        onOk={async () => {
          if (await act(() => ordersApi.cancel(o.id, reason.trim()))) setCancelling(false);
        }}
        destroyOnHidden
      >
        <Input.TextArea
          rows={3}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          placeholder={t('orders.cancelReasonPlaceholder')}
          data-testid="order-cancel-reason"
        />
      </Modal>
    </div>
  );
}
