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
  userId?: string | null;
  /** True for the signed-in user's own views. */
  mine?: boolean;
  version?: number;
};

export type SavedViewInput = Omit<SavedView, 'id' | 'userId' | 'mine' | 'version'>;

export const savedViewsApi = {
  list: async (object: string) => (await api<ListResponse<SavedView>>('/saved-views', { query: { object } })).data,
  create: (body: SavedViewInput) => api<SavedView>('/saved-views', { method: 'POST', body }),
  update: (id: string, body: Partial<SavedViewInput>, version?: number) =>
    api<SavedView>(`/saved-views/${id}`, { method: 'PATCH', body, ...(version !== undefined ? { ifMatch: version } : {}) }),
  remove: (id: string) => api<void>(`/saved-views/${id}`, { method: 'DELETE' }),
};
