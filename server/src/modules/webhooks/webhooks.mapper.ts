import type { AttemptRow, DeliveryRow } from './deliveries.repo.ts';
import type { SubscriptionRow } from './webhooks.repo.ts';
import type { TWebhook, TWebhookAttempt, TWebhookDelivery } from './webhooks.schema.ts';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export const webhookToApi = (r: SubscriptionRow, attention: string[] = []): TWebhook => ({
  id: r.id,
  name: r.name,
  url: r.url,
  events: r.events,
  filter: (r.filter as Record<string, unknown> | null) ?? null,
  owner: { id: r.owner_id, name: r.owner_name ?? '' },
  isActive: r.is_active,
  disabledReason: (r.disabled_reason as TWebhook['disabledReason']) ?? null,
  disabledAt: iso(r.disabled_at),
  consecutiveFailures: r.consecutive_failures,
  previousSecretExpiresAt:
    r.previous_secret_sealed && r.previous_secret_expires_at && new Date(r.previous_secret_expires_at) > new Date() ? iso(r.previous_secret_expires_at) : null,
  attention: attention.length > 0 ? { reason: 'field_not_readable', fields: attention } : null,
  createdAt: iso(r.created_at) as string,
  updatedAt: iso(r.updated_at) as string,
  version: r.version,
});

export const deliveryToApi = (r: DeliveryRow): TWebhookDelivery => ({
  id: r.id,
  webhookId: r.subscription_id,
  eventId: r.event_id,
  eventType: r.event_type,
  objectType: r.object_type,
  objectId: r.object_id,
  status: r.status as TWebhookDelivery['status'],
  attempts: r.attempts,
  nextAttemptAt: r.status === 'pending' ? iso(r.next_attempt_at) : null,
  lastStatus: r.last_status,
  lastError: r.last_error,
  reasonFields: r.reason_fields,
  createdAt: iso(r.created_at) as string,
  deliveredAt: iso(r.delivered_at),
});

export const attemptToApi = (r: AttemptRow): TWebhookAttempt => ({
  id: r.id,
  attempt: r.attempt,
  manual: r.manual,
  requestHeaders: r.request_headers as Record<string, string>,
  startedAt: iso(r.started_at) as string,
  durationMs: r.duration_ms,
  responseStatus: r.response_status,
  responseBody: r.response_body,
  responseTruncated: r.response_truncated,
  error: r.error,
});
