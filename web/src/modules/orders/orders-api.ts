import { api } from '#shared/api/client';
import type { ApiResponse } from '#shared/api/api-types';
import type { ListResponse } from '#shared/api/types';

export const ORDER_STATUSES = ['confirmed', 'shipped', 'delivered', 'completed', 'cancelled'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

// The server's answers, from the generated API types (server/src/modules/orders: declared once).
export type Order = ApiResponse<'/api/v1/orders/{id}'>;

export const orderKeys = {
  all: ['orders'] as const,
  one: (id: string) => ['orders', 'one', id] as const,
  related: (field: string, id: string) => ['orders', 'related', field, id] as const,
};

export type OrderMove = 'ship' | 'deliver' | 'complete';

export const ordersApi = {
  list: (query: Record<string, string | number | undefined>) => api<ListResponse<Order>>('/orders', { query }),
  get: (id: string) => api<Order>(`/orders/${id}`),
  fromQuote: (quoteId: string) => api<Order>('/orders', { method: 'POST', body: { quoteId } }),
  update: (id: string, body: Partial<{ name: string; shippingAddress: string | null; notes: string | null }>, version: number) =>
    api<Order>(`/orders/${id}`, { method: 'PATCH', body, ifMatch: version }),
  move: (id: string, action: OrderMove) => api<Order>(`/orders/${id}/${action}`, { method: 'POST' }),
  cancel: (id: string, reason: string) => api<Order>(`/orders/${id}/cancel`, { method: 'POST', body: { reason } }),
};

/** The next step of the flow from each status, if any. */
export const NEXT_MOVE: Partial<Record<OrderStatus, OrderMove>> = { confirmed: 'ship', shipped: 'deliver', delivered: 'complete' };

export const STATUS_COLOR: Record<OrderStatus, string> = {
  confirmed: 'blue',
  shipped: 'cyan',
  delivered: 'geekblue',
  completed: 'green',
  cancelled: 'default',
};
