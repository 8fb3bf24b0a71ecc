import { api } from '#shared/api/client';
import type { ListResponse } from '#shared/api/types';
import type { Filter } from '#shared/filter/filter-types';

export type SavedView = {
  id: string;
  object: string;
  name: string;
  filter: Filter | null;
  sort: string | null;
  columns: string[] | null;
  shared: boolean;
  ownerId?: string | null;
  version?: number;
};

export type SavedViewInput = Omit<SavedView, 'id' | 'ownerId' | 'version'>;

export const savedViewsApi = {
  list: async (object: string) =>
    (await api<ListResponse<SavedView>>('/saved-views', { query: { filter: JSON.stringify({ object: { eq: object } }), limit: 200 } })).data,
  create: (body: SavedViewInput) => api<SavedView>('/saved-views', { method: 'POST', body }),
  update: (id: string, body: Partial<SavedViewInput>, version?: number) =>
    api<SavedView>(`/saved-views/${id}`, { method: 'PATCH', body, ...(version !== undefined ? { ifMatch: version } : {}) }),
  remove: (id: string) => api<void>(`/saved-views/${id}`, { method: 'DELETE' }),
};
