import { api } from '#shared/api/client';
import type { ApiBody, ApiItem, ApiResponse } from '#shared/api/api-types';

export type Webhook = ApiItem<'/api/v1/webhooks'>;
export type CreatedWebhook = ApiResponse<'/api/v1/webhooks', 'post'>;
export type WebhookInput = ApiBody<'/api/v1/webhooks', 'post'>;
export type WebhookSecret = ApiResponse<'/api/v1/webhooks/{id}/secret'>;
export type EventType = ApiItem<'/api/v1/webhook-event-types'>;
export type Delivery = ApiItem<'/api/v1/webhooks/{id}/deliveries'>;
export type DeliveryDetail = ApiResponse<'/api/v1/webhook-deliveries/{id}'>;
export type Attempt = ApiResponse<'/api/v1/webhook-deliveries/{id}/replay', 'post'>;
export type DeliveryPage = ApiResponse<'/api/v1/webhooks/{id}/deliveries'>;

export const WEBHOOKS_KEY = ['webhooks'] as const;

export const webhooksApi = {
  list: async () => (await api<{ data: Webhook[] }>('/webhooks')).data,
  eventTypes: async () => (await api<{ data: EventType[] }>('/webhook-event-types')).data,
  create: (body: WebhookInput) => api<CreatedWebhook>('/webhooks', { method: 'POST', body }),
  update: (id: string, body: Partial<WebhookInput>) => api<Webhook>(`/webhooks/${id}`, { method: 'PATCH', body }),
  remove: (id: string) => api<void>(`/webhooks/${id}`, { method: 'DELETE' }),
  secret: (id: string) => api<WebhookSecret>(`/webhooks/${id}/secret`),
  rotate: (id: string, overlapHours: number) => api<WebhookSecret>(`/webhooks/${id}/rotate-secret`, { method: 'POST', body: { overlapHours } }),
  deliveries: (id: string, cursor?: string) => api<DeliveryPage>(`/webhooks/${id}/deliveries`, { query: { limit: 50, cursor } }),
  delivery: (id: string) => api<DeliveryDetail>(`/webhook-deliveries/${id}`),
  replay: (id: string) => api<Attempt>(`/webhook-deliveries/${id}/replay`, { method: 'POST' }),
};
