import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '#platform/deps.ts';
import { ZIdParams } from '#platform/http/list-query.ts';
import {
  ZMarkedResponse,
  ZNotificationPreferences,
  ZNotificationsPage,
  ZNotificationsQuery,
  ZPutNotificationPreferencesRequest,
  ZUnreadCount,
} from './notifications.schema.ts';
import * as service from './notifications.service.ts';

export function notificationRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['notifications'];
  r.get(
    '/api/v1/notifications',
    { schema: { tags, summary: 'My notifications, newest first', querystring: ZNotificationsQuery, response: { 200: ZNotificationsPage } } },
    async (req) => service.listNotifications({ deps, ctx: req.ctx, query: req.query }),
  );
  r.get(
    '/api/v1/notifications/unread-count',
    { schema: { tags, summary: 'How many of my notifications are unread (the bell polls this)', response: { 200: ZUnreadCount } } },
    async (req) => service.unreadCount({ deps, ctx: req.ctx }),
  );
  r.post(
    '/api/v1/notifications/:id/read',
    { schema: { tags, summary: 'Mark one notification read', params: ZIdParams, response: { 200: ZMarkedResponse } } },
    async (req) => service.markRead({ deps, ctx: req.ctx, id: req.params.id }),
  );
  r.post('/api/v1/notifications/read-all', { schema: { tags, summary: 'Mark all my notifications read', response: { 200: ZMarkedResponse } } }, async (req) =>
    service.markRead({ deps, ctx: req.ctx, id: null }),
  );
  r.get(
    '/api/v1/notification-preferences',
    { schema: { tags, summary: 'My channel per kind: in_app, email (and in app) or none', response: { 200: ZNotificationPreferences } } },
    async (req) => service.getPreferences({ deps, ctx: req.ctx }),
  );
  r.put(
    '/api/v1/notification-preferences',
    { schema: { tags, summary: 'Choose my channel per kind', body: ZPutNotificationPreferencesRequest, response: { 200: ZNotificationPreferences } } },
    async (req) => service.putPreferences({ deps, ctx: req.ctx, preferences: req.body.preferences }),
  );
}
