// Notifications (issue #18): the header's bell with the unread count (polled) and the centre page
// with per-kind preferences.
import { lazy } from 'react';
import './messages';

export { NotificationBell } from './notification-bell';
/** The centre, loaded on its route only (the bell is in the shell). */
export const NotificationsPage = lazy(() => import('./notifications-page').then((m) => ({ default: m.NotificationsPage })));
