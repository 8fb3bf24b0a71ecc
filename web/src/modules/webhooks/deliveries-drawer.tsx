import { ReloadOutlined } from '@ant-design/icons';
import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Drawer, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '#shared/format/format';
import { DeliveryDetail } from './delivery-detail';
import { eventLabel } from './event-options';
import { type Delivery, type Webhook, webhooksApi } from './webhooks-api';

const COLORS: Record<Delivery['status'], string> = { pending: 'orange', delivered: 'green', failed: 'red', skipped: 'default' };

/** A webhook's delivery log, newest first; a row opens its attempts, and any delivery can be sent again. */
export function DeliveriesDrawer({ webhook, onClose }: { webhook: Webhook | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const { data: types = [] } = useQuery({ queryKey: ['webhook-event-types'], queryFn: webhooksApi.eventTypes, enabled: !!webhook });
  const key = ['webhook-deliveries', webhook?.id];
  const pages = useInfiniteQuery({
    queryKey: key,
    enabled: !!webhook,
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => webhooksApi.deliveries(webhook?.id ?? '', pageParam),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const rows = pages.data?.pages.flatMap((p) => p.data) ?? [];
  const replay = async (d: Delivery) => {
    try {
      const a = await webhooksApi.replay(d.id);
      if (a.responseStatus && a.responseStatus < 300) message.success(t('webhooks.replayed', { status: a.responseStatus }));
      else message.error(t('webhooks.replayFailed', { error: a.responseStatus ?? a.error }));
    } catch (e) {
      message.error((e as Error).message);
    }
    await qc.invalidateQueries({ queryKey: key });
    await qc.invalidateQueries({ queryKey: ['webhook-delivery', d.id] });
  };
  return (
    <Drawer
      open={!!webhook}
      onClose={onClose}
      size="large"
      title={`${t('webhooks.deliveries')} · ${webhook?.name ?? ''}`}
      extra={
        <Button icon={<ReloadOutlined />} onClick={() => void pages.refetch()} data-testid="deliveries-refresh">
          {t('webhooks.refresh')}
        </Button>
      }
      data-testid="deliveries-drawer"
    >
      <Table<Delivery>
        rowKey="id"
        size="small"
        loading={pages.isPending}
        dataSource={rows}
        pagination={false}
        locale={{ emptyText: t('webhooks.noDeliveries') }}
        expandable={{ expandedRowRender: (d) => <DeliveryDetail id={d.id} />, expandRowByClick: true }}
        scroll={{ x: 640 }}
        columns={[
          { key: 'time', title: t('webhooks.created'), render: (_, d) => formatDateTime(d.createdAt, i18n.language) },
          { key: 'event', title: t('webhooks.event'), render: (_, d) => eventLabel(d.eventType, types, t, i18n.language) },
          {
            key: 'status',
            title: t('webhooks.status'),
            render: (_, d) => (
              <Space direction="vertical" size={0}>
                <Tag color={COLORS[d.status]} data-testid="delivery-status">
                  {t(`webhooks.deliveryStatus.${d.status}`)}
                </Tag>
                {d.nextAttemptAt && (
                  <Typography.Text type="secondary">{t('webhooks.nextAttempt', { time: formatDateTime(d.nextAttemptAt, i18n.language) })}</Typography.Text>
                )}
              </Space>
            ),
          },
          { key: 'attempts', title: t('webhooks.attempts'), dataIndex: 'attempts' },
          {
            key: 'response',
            title: t('webhooks.response'),
            render: (_, d) =>
              d.status === 'skipped' ? (
                <Typography.Text type="warning" data-testid="delivery-skipped">
                  {t('webhooks.skippedReason', { fields: (d.reasonFields ?? []).join(', ') })}
                </Typography.Text>
              ) : (
                (d.lastStatus ?? d.lastError ?? '—')
              ),
          },
          {
            key: 'replay',
            title: '',
            render: (_, d) =>
              d.status !== 'skipped' && (
                <Button
                  size="small"
                  onClick={(e) => {
                    e.stopPropagation();
                    void replay(d);
                  }}
                  data-testid="delivery-replay"
                >
                  {t('webhooks.replay')}
                </Button>
              ),
          },
        ]}
      />
      {pages.hasNextPage && (
        <Button block style={{ marginTop: 12 }} onClick={() => void pages.fetchNextPage()} loading={pages.isFetchingNextPage}>
          {t('webhooks.more')}
        </Button>
      )}
    </Drawer>
  );
}
