import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Popover, Spin } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { PANEL_WIDTH } from './notifications-api';
import { useUnread } from './use-unread';

/** The header's bell: unread count (polled), the latest notifications, mark all read, the centre. */
// The list (antd List and friends) loads when the bell is first opened, not with the shell.
const BellPanel = lazy(() => import('./bell-panel').then((m) => ({ default: m.BellPanel })));

/**
 * The header's bell: unread count (polled); opening it shows the latest notifications. On a phone
 * (`compact`) it opens the centre instead: a popover does not fit beside the other buttons there.
 */
export function NotificationBell({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const unread = useUnread();
  const button = (
    <Button
      type="text"
      aria-label={t('notifications.bellLabel', { count: unread })}
      data-testid="notification-bell"
      onClick={compact ? () => navigate('/notifications') : undefined}
      icon={
        <Badge count={unread} size="small" overflowCount={99} data-testid="notification-badge">
          <BellOutlined />
        </Badge>
      }
    />
  );
  if (compact) return button;
  return (
    <Popover
      content={
        // The fallback has the panel's width, so the popover is placed (and kept on screen) at its final size.
        <Suspense fallback={<Spin style={{ display: 'block', width: PANEL_WIDTH, padding: 16 }} />}>
          <BellPanel unread={unread} onClose={() => setOpen(false)} />
        </Suspense>
      }
      trigger="click"
      placement="bottomRight"
      open={open}
      onOpenChange={setOpen}
      destroyOnHidden
    >
      {button}
    </Popover>
  );
}
