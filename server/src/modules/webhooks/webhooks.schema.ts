import { z } from 'zod';

const ZEventType = z
  .string()
  .max(100)
  .regex(/^(\*|[a-z][a-z0-9_]*\.(\*|[a-z][a-z0-9_]*))$/, 'webhooks.bad_event_pattern');

export const ZCreateWebhookRequest = z
  .object({
    name: z.string().trim().min(1).max(200),
    url: z.string().trim().min(1).max(2000),
    /** Event types (`contact.created`) or prefixes (`contact.*`, `*`); none: only workflow rules call it. */
    events: z.array(ZEventType).max(200),
    /** The list API's filter grammar over the record the event is about, e.g. `{"city":{"eq":"北京"}}`. */
    filter: z.record(z.string(), z.unknown()).nullable().optional(),
    isActive: z.boolean().optional(),
  })
  .strict();
export type TCreateWebhookRequest = z.infer<typeof ZCreateWebhookRequest>;

export const ZUpdateWebhookRequest = ZCreateWebhookRequest.partial().strict();
export type TUpdateWebhookRequest = z.infer<typeof ZUpdateWebhookRequest>;

export const DISABLED_REASONS = ['gone', 'failing', 'manual'] as const;

export const ZWebhook = z.object({
  id: z.string(),
  name: z.string(),
  url: z.string(),
  events: z.array(z.string()),
  filter: z.record(z.string(), z.unknown()).nullable(),
  owner: z.object({ id: z.string(), name: z.string() }).nullable(),
  isActive: z.boolean(),
  /** Why it stopped: the receiver answered 410 Gone, it kept failing, or an admin switched it off. */
  disabledReason: z.enum(DISABLED_REASONS).nullable(),
  disabledAt: z.string().nullable(),
  consecutiveFailures: z.number().int(),
  /** Until then deliveries carry a second signature made with the secret before the last rotation. */
  previousSecretExpiresAt: z.string().nullable(),
  /** Set when its filter names a field the owner may no longer read: deliveries are skipped until the filter or the role is fixed. */
  attention: z.object({ reason: z.literal('field_not_readable'), fields: z.array(z.string()) }).nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type TWebhook = z.infer<typeof ZWebhook>;

/** Returned once on creation and by the reveal and rotate routes. */
export const ZWebhookSecret = z.object({ secret: z.string(), previousSecretExpiresAt: z.string().nullable() });
export const ZCreatedWebhook = ZWebhook.extend({ secret: z.string() });

export const ZRotateSecretRequest = z
  .object({
    /** How long the old secret keeps signing beside the new one (0: stop at once). */
    overlapHours: z.number().int().min(0).max(168).default(24),
  })
  .strict();

/** `skipped`: never sent, its filter names a field the owner may no longer read (`lastError` field_not_readable). */
export const DELIVERY_STATUSES = ['pending', 'delivered', 'failed', 'skipped'] as const;

export const ZWebhookDelivery = z.object({
  id: z.string(),
  webhookId: z.string(),
  eventId: z.string(),
  eventType: z.string(),
  objectType: z.string().nullable(),
  objectId: z.string().nullable(),
  status: z.enum(DELIVERY_STATUSES),
  attempts: z.number().int(),
  nextAttemptAt: z.string().nullable(),
  lastStatus: z.number().int().nullable(),
  lastError: z.string().nullable(),
  /** With a skipped delivery: the fields of the filter the owner may no longer read. */
  reasonFields: z.array(z.string()).nullable(),
  createdAt: z.string(),
  deliveredAt: z.string().nullable(),
});
export type TWebhookDelivery = z.infer<typeof ZWebhookDelivery>;

export const ZWebhookAttempt = z.object({
  id: z.string(),
  attempt: z.number().int(),
  manual: z.boolean(),
  requestHeaders: z.record(z.string(), z.string()),
  startedAt: z.string(),
  durationMs: z.number().int(),
  responseStatus: z.number().int().nullable(),
  /** The first 4 KB of the answer. */
  responseBody: z.string().nullable(),
  responseTruncated: z.boolean(),
  /** timeout, refused_address, or the connection's error code. */
  error: z.string().nullable(),
});
export type TWebhookAttempt = z.infer<typeof ZWebhookAttempt>;

export const ZWebhookDeliveryDetail = ZWebhookDelivery.extend({ requestBody: z.string(), attemptLog: z.array(ZWebhookAttempt) });

export const ZDeliveriesQuery = z
  .object({
    limit: z.coerce.number().int().min(1).max(200).default(50),
    cursor: z.string().max(200).optional(),
    status: z.enum(DELIVERY_STATUSES).optional(),
  })
  .strict();
export type TDeliveriesQuery = z.infer<typeof ZDeliveriesQuery>;

export const ZEventTypes = z.object({
  data: z.array(z.object({ type: z.string(), object: z.string(), label: z.object({ zh: z.string(), en: z.string() }) })),
});
