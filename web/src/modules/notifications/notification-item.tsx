import { List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatRelative } from './relative-time';
import { type Notification, pickText } from './notifications-api';

type Props = { item: Notification; href: string | null; onOpen: (n: Notification) => void; compact?: boolean };

/** One notification: kind, title, body, when; unread ones are bold with a dot. */
export function NotificationItem({ item, href, onOpen, compact }: Props) {
  const { t, i18n } = useTranslation();
  const unread = !item.readAt;
  return (
    <List.Item
      onClick={() => onOpen(item)}
      style={{ cursor: 'pointer', paddingInline: 8, background: unread ? 'rgba(91, 60, 196, 0.06)' : undefined }}
      data-testid="notification-item"
      data-unread={unread ? 'true' : 'false'}
    >
      <List.Item.Meta
        title={
          <span style={{ fontWeight: unread ? 600 : 400 }}>
            {unread && (
              <span
                role="img"
                aria-label={t('notifications.unread')}
                style={{ display: 'inline-block', width: 8, height: 8, borderRadius: 4, background: '#5b3cc4', marginInlineEnd: 6 }}
              />
            )}
            {pickText(item.title, i18n.language)}
          </span>
        }
        description={
          <>
            {item.body && (
              <Typography.Paragraph style={{ margin: 0 }} ellipsis={compact ? { rows: 2 } : false}>
                {pickText(item.body, i18n.language)}
              </Typography.Paragraph>
            )}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              <Tag bordered={false} style={{ marginInlineEnd: 6 }}>
                {t(`notifications.kinds.${item.kind}`, { defaultValue: item.kind })}
              </Tag>
              {formatRelative(item.createdAt, i18n.language)}
              {href && !compact && <> · {t('notifications.open')}</>}
            </Typography.Text>
          </>
        }
      />
    </List.Item>
  );
}
