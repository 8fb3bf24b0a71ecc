import { z } from 'zod';

/**
 * What a notification is about; users choose a channel per kind. These are the built-in kinds; a
 * module adds its own by declaring them (KehuModule.notificationKinds), with a label per language in the web.
 */
export const NOTIFICATION_KINDS = [
  'task_reminder',
  'deal_stale',
  'deal_overdue',
  'lead_assigned',
  'workflow',
  'approval',
  'webhook',
  'mention',
  'system',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** in_app: the bell; email: the bell and an e-mail; none: nothing. */
export const NOTIFICATION_CHANNELS = ['in_app', 'email', 'none'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

const ZBilingual = z.object({ zh: z.string(), en: z.string() });
/** A built-in kind or one a module declares; GET /notification-preferences lists them all. */
const ZKind = z
  .string()
  .min(1)
  .max(64)
  .describe(`${NOTIFICATION_KINDS.join(', ')} or a kind a module declares`);

export const ZNotification = z.object({
  id: z.string(),
  kind: ZKind,
  title: ZBilingual,
  body: ZBilingual.nullable(),
  link: z.object({ object: z.string(), id: z.string() }).nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type TNotification = z.infer<typeof ZNotification>;

export const ZNotificationsQuery = z
  .object({
    unread: z.enum(['true', 'false']).optional().describe('true: only unread ones'),
    limit: z.coerce.number().int().min(1).max(100).default(20),
    cursor: z.string().max(200).optional(),
  })
  .strict();
export type TNotificationsQuery = z.infer<typeof ZNotificationsQuery>;

export const ZNotificationsPage = z.object({ data: z.array(ZNotification), nextCursor: z.string().nullable(), unread: z.number() });

export const ZUnreadCount = z.object({
  unread: z.number(),
  /** The newest notification's time: a client that saw it already need not reload the list. */
  latestAt: z.string().nullable(),
});

export const ZMarkedResponse = z.object({ marked: z.number(), unread: z.number() });

export const ZNotificationPreferences = z.object({
  data: z.array(z.object({ kind: ZKind, channel: z.enum(NOTIFICATION_CHANNELS) })),
});
export const ZPutNotificationPreferencesRequest = z
  .object({
    preferences: z
      .array(z.object({ kind: ZKind, channel: z.enum(NOTIFICATION_CHANNELS) }).strict())
      .min(1)
      .max(50)
      // The same kind twice: the last one counts (one upsert per kind; the fuzzer found a 500 here).
      .transform((list) => [...new Map(list.map((p) => [p.kind, p])).values()]),
  })
  .strict();
