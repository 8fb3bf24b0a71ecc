import type { ApiBody, ApiItem, ApiResponse } from '#shared/api/api-types';
import { api } from '#shared/api/client';

export type Notification = ApiItem<'/api/v1/notifications'>;
export type NotificationsPage = ApiResponse<'/api/v1/notifications'>;
export type UnreadCount = ApiResponse<'/api/v1/notifications/unread-count'>;
export type Preference = ApiItem<'/api/v1/notification-preferences'>;
export type Channel = Preference['channel'];
type Marked = ApiResponse<'/api/v1/notifications/read-all', 'post'>;

export const NOTIFICATIONS_KEY = ['notifications'] as const;
export const UNREAD_KEY = ['notifications', 'unread'] as const;
/** How often the bell asks (docs/decisions.md: polling, not SSE). */
export const POLL_MS = 20_000;
/** The bell's panel: 360 px, less on a phone (the popover's own padding and a margin). */
export const PANEL_WIDTH = 'min(360px, calc(100vw - 48px))';

export const notificationsApi = {
  unread: () => api<UnreadCount>('/notifications/unread-count'),
  list: (o: { unread?: boolean; cursor?: string; limit?: number } = {}) =>
    api<NotificationsPage>('/notifications', { query: { unread: o.unread ? 'true' : undefined, cursor: o.cursor, limit: o.limit ?? 20 } }),
  markRead: (id: string) => api<Marked>(`/notifications/${id}/read`, { method: 'POST' }),
  markAllRead: () => api<Marked>('/notifications/read-all', { method: 'POST' }),
  preferences: async () => (await api<{ data: Preference[] }>('/notification-preferences')).data,
  putPreferences: async (preferences: ApiBody<'/api/v1/notification-preferences', 'put'>['preferences']) =>
    (await api<{ data: Preference[] }>('/notification-preferences', { method: 'PUT', body: { preferences } })).data,
};

/** The text in the UI language, falling back to the other one. */
export const pickText = (text: { zh: string; en: string } | null, language: string) =>
  text ? (language.toLowerCase().startsWith('zh') ? text.zh || text.en : text.en || text.zh) : '';
