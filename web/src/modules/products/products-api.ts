import { api } from '#shared/api/client';
import type { ApiItem, ApiResponse } from '#shared/api/api-types';
import type { ListResponse } from '#shared/api/types';

// The server's answers, from the generated API types (server/src/modules/products: declared once).
export type PriceBook = ApiResponse<'/api/v1/price-books/{id}'>;
export type PriceBookEntry = ApiItem<'/api/v1/price-books/{id}/entries'>;
export type Product = ApiResponse<'/api/v1/products/{id}'>;

export const productKeys = {
  books: ['price-books'] as const,
  entries: (id: string) => ['price-books', id, 'entries'] as const,
  picker: (q: string) => ['products', 'picker', q] as const,
};

export const productsApi = {
  priceBooks: async () => (await api<ListResponse<PriceBook>>('/price-books', { query: { limit: 200, sort: 'name' } })).data,
  createPriceBook: (body: Partial<PriceBook>) => api<PriceBook>('/price-books', { method: 'POST', body }),
  updatePriceBook: (id: string, body: Partial<PriceBook>, version: number) => api<PriceBook>(`/price-books/${id}`, { method: 'PATCH', body, ifMatch: version }),
  entries: async (id: string) => (await api<{ data: PriceBookEntry[] }>(`/price-books/${id}/entries`)).data,
  putEntries: async (id: string, entries: { productId: string; unitPrice: string }[]) =>
    (await api<{ data: PriceBookEntry[] }>(`/price-books/${id}/entries`, { method: 'PUT', body: { entries } })).data,
  products: async (q: string) =>
    (await api<ListResponse<Product>>('/products', { query: { q, limit: 50, sort: 'sku', filter: JSON.stringify({ active: { eq: true } }) } })).data,
};
