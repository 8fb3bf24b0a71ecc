import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Empty, List, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { NotificationItem } from './notification-item';
import { NOTIFICATIONS_KEY, type Notification, notificationsApi, PANEL_WIDTH } from './notifications-api';
import { useNotificationLink } from './use-notification-link';

type Props = { unread: number; onClose: () => void };

/** The bell's popover: the latest notifications, mark all read, the way to the centre. */
export function BellPanel({ unread, onClose }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const linkOf = useNotificationLink();
  const latest = useQuery({ queryKey: [...NOTIFICATIONS_KEY, 'list', 'latest'], queryFn: () => notificationsApi.list({ limit: 8 }) });
  const refresh = () => qc.invalidateQueries({ queryKey: NOTIFICATIONS_KEY });
  const openItem = async (n: Notification) => {
    const href = linkOf(n);
    if (!n.readAt) await notificationsApi.markRead(n.id).catch(() => {});
    await refresh();
    if (href) {
      onClose();
      navigate(href);
    }
  };
  return (
    <div style={{ width: PANEL_WIDTH }} data-testid="notification-popover">
      <div style={{ display: 'flex', alignItems: 'center', marginBottom: 4 }}>
        <strong style={{ flex: 1 }}>{t('notifications.title')}</strong>
        <Button
          size="small"
          type="link"
          disabled={unread === 0}
          onClick={async () => {
            await notificationsApi.markAllRead();
            await refresh();
          }}
          data-testid="notifications-mark-all"
        >
          {t('notifications.markAllRead')}
        </Button>
      </div>
      {latest.isPending ? (
        <Spin style={{ display: 'block', margin: 16 }} />
      ) : latest.data?.data.length ? (
        <List
          size="small"
          style={{ maxHeight: 420, overflow: 'auto' }}
          dataSource={latest.data.data}
          renderItem={(n) => <NotificationItem key={n.id} item={n} href={linkOf(n)} onOpen={openItem} compact />}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.empty')} />
      )}
      <Button
        block
        type="text"
        onClick={() => {
          onClose();
          navigate('/notifications');
        }}
        data-testid="notifications-view-all"
      >
        {t('notifications.viewAll')}
      </Button>
    </div>
  );
}
