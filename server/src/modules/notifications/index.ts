import type { KehuModule } from '#platform/module.ts';
import { notificationRoutes } from './notifications.routes.ts';
import { notifyRequestedSubscriber } from './notify-requested.subscribers.ts';

/** Tells users something in the caller's transaction, per their preference (bell, bell and e-mail, nothing). */
export { bilingual, notify, type NotifyOptions } from './notify.service.ts';
export { NOTIFICATION_KINDS, type NotificationKind } from './notifications.schema.ts';

/**
 * In-app notifications (the bell), per-user preferences per kind; the web polls the unread count.
 * A module that cannot import `notify` without a cycle emits `notification.requested` with notify's options as payload.
 */
export const notificationsModule: KehuModule = {
  name: 'notifications',
  register(app, deps) {
    notificationRoutes(app, deps);
    deps.subscribers.add(notifyRequestedSubscriber);
  },
};
