import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Empty, List, Segmented, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { NotificationItem } from './notification-item';
import { NotificationPreferences } from './notification-preferences';
import { NOTIFICATIONS_KEY, type Notification, notificationsApi } from './notifications-api';
import { useNotificationLink } from './use-notification-link';
import { useUnread } from './use-unread';

/** The notification centre: all or unread, mark read, and my preferences per kind. */
export function NotificationsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [filter, setFilter] = useState<'all' | 'unread'>('all');
  const unread = useUnread();
  const linkOf = useNotificationLink();
  const list = useInfiniteQuery({
    queryKey: [...NOTIFICATIONS_KEY, 'list', filter],
    queryFn: ({ pageParam }) => notificationsApi.list({ unread: filter === 'unread', cursor: pageParam, limit: 30 }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = list.data?.pages.flatMap((p) => p.data) ?? [];
  const refresh = () => qc.invalidateQueries({ queryKey: NOTIFICATIONS_KEY });
  const openItem = async (n: Notification) => {
    if (!n.readAt) await notificationsApi.markRead(n.id).catch(() => {});
    await refresh();
    const href = linkOf(n);
    if (href) navigate(href);
  };

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <div style={{ display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap', marginBottom: 12 }}>
          <Typography.Title level={4} style={{ margin: 0, flex: 1 }}>
            {t('notifications.title')}
          </Typography.Title>
          <Segmented
            value={filter}
            onChange={(v) => setFilter(v as 'all' | 'unread')}
            options={[
              { value: 'all', label: t('notifications.all') },
              { value: 'unread', label: t('notifications.unreadCount', { count: unread }) },
            ]}
            data-testid="notifications-filter"
          />
          <Button
            disabled={unread === 0}
            onClick={async () => {
              await notificationsApi.markAllRead();
              await refresh();
            }}
            data-testid="notifications-page-mark-all"
          >
            {t('notifications.markAllRead')}
          </Button>
        </div>
        <List
          loading={list.isPending}
          dataSource={items}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.empty')} /> }}
          renderItem={(n) => <NotificationItem key={n.id} item={n} href={linkOf(n)} onOpen={openItem} />}
          data-testid="notifications-list"
        />
        {list.hasNextPage && (
          <Button block onClick={() => list.fetchNextPage()} loading={list.isFetchingNextPage}>
            {t('notifications.more')}
          </Button>
        )}
      </Card>
      <NotificationPreferences />
    </Space>
  );
}
