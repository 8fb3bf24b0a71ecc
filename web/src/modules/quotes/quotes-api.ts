import { api, buildUrl } from '#shared/api/client';
import type { ApiResponse } from '#shared/api/api-types';
import type { ListResponse } from '#shared/api/types';

export const QUOTE_STATUSES = ['draft', 'in_approval', 'approved', 'sent', 'accepted', 'rejected', 'expired'] as const;
export type QuoteStatus = (typeof QUOTE_STATUSES)[number];

// The server's answers, from the generated API types (server/src/modules/quotes: declared once).
export type Quote = ApiResponse<'/api/v1/quotes/{id}'>;
export type QuoteLine = Quote['lines'][number];

export type LineInput = {
  productId?: string | null;
  description?: string | null;
  quantity: string;
  unitPrice?: string | null;
  discountPercent?: string | null;
  taxRate?: string | null;
};
export type QuoteInput = Partial<{
  name: string;
  dealId: string | null;
  companyId: string | null;
  contactId: string | null;
  priceBookId: string | null;
  currency: string;
  validUntil: string | null;
  headerDiscount: string;
  terms: string | null;
  lines: LineInput[];
}>;

export const quoteKeys = {
  all: ['quotes'] as const,
  one: (id: string) => ['quotes', 'one', id] as const,
  related: (field: string, id: string) => ['quotes', 'related', field, id] as const,
  family: (familyId: string) => ['quotes', 'family', familyId] as const,
};

export const quotesApi = {
  list: (query: Record<string, string | number | undefined>) => api<ListResponse<Quote>>('/quotes', { query }),
  get: (id: string) => api<Quote>(`/quotes/${id}`),
  create: (body: QuoteInput) => api<Quote>('/quotes', { method: 'POST', body }),
  update: (id: string, body: QuoteInput, version: number) => api<Quote>(`/quotes/${id}`, { method: 'PATCH', body, ifMatch: version }),
  remove: (id: string) => api<void>(`/quotes/${id}`, { method: 'DELETE' }),
  submit: (id: string, comment?: string) =>
    api<{ quote: Quote; approvalId: string | null }>(`/quotes/${id}/submit`, { method: 'POST', body: comment ? { comment } : {} }),
  send: (id: string) => api<Quote>(`/quotes/${id}/send`, { method: 'POST' }),
  decide: (id: string, outcome: 'accepted' | 'rejected') => api<Quote>(`/quotes/${id}/decide`, { method: 'POST', body: { outcome } }),
  /** Queues the e-mail with the PDF attached; an approved quote becomes sent. */
  email: (id: string, body: { to?: string; message?: string; locale: 'zh-CN' | 'en' }) =>
    api<{ quote: Quote; mailId: string; to: string }>(`/quotes/${id}/email`, { method: 'POST', body }),
  /** Where the browser opens the quote's PDF (the session cookie authenticates it). */
  pdfUrl: (id: string, locale: 'zh-CN' | 'en') => buildUrl(`/quotes/${id}/pdf`, { locale }),
  /** An order from an accepted quote (lines copied). */
  createOrder: (quoteId: string) => api<{ id: string; number: string }>('/orders', { method: 'POST', body: { quoteId } }),
  revise: (id: string) => api<Quote>(`/quotes/${id}/revise`, { method: 'POST' }),
  family: async (familyId: string) =>
    (await api<ListResponse<Quote>>('/quotes', { query: { filter: JSON.stringify({ familyId: { eq: familyId } }), sort: '-revision', limit: 50 } })).data,
};

export const STATUS_COLOR: Record<QuoteStatus, string> = {
  draft: 'default',
  in_approval: 'orange',
  approved: 'blue',
  sent: 'cyan',
  accepted: 'green',
  rejected: 'red',
  expired: 'volcano',
};
