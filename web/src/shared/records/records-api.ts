import { api } from '#shared/api/client';
import { type ListParams, toListQuery } from '#shared/api/list-query';
import type { CrmRecord, ListResponse } from '#shared/api/types';
import type { ObjectName } from './object-def';

export type TimelineItem = {
  kind: 'activity' | 'change';
  at: string;
  id?: string;
  [key: string]: unknown;
};

export const recordsApi = {
  list: (object: ObjectName, params: ListParams, signal?: AbortSignal) =>
    api<ListResponse<CrmRecord>>(`/${object}`, { query: toListQuery(params), ...(signal ? { signal } : {}) }),
  get: (object: ObjectName, id: string) => api<CrmRecord>(`/${object}/${id}`),
  create: (object: ObjectName, body: Record<string, unknown>) => api<CrmRecord>(`/${object}`, { method: 'POST', body }),
  update: (object: ObjectName, id: string, body: Record<string, unknown>, version: number) =>
    api<CrmRecord>(`/${object}/${id}`, { method: 'PATCH', body, ifMatch: version }),
  remove: (object: ObjectName, id: string) => api<void>(`/${object}/${id}`, { method: 'DELETE' }),
  restore: (object: ObjectName, id: string) => api<CrmRecord>(`/${object}/${id}/restore`, { method: 'POST', body: {} }),
  /** Unmasks one sensitive field; the server audits the reveal. */
  reveal: (object: ObjectName, id: string, field: string) => api<{ value: string }>(`/${object}/${id}/reveal`, { method: 'POST', body: { field } }),
  timeline: (object: ObjectName, id: string, cursor?: string | null) =>
    api<ListResponse<TimelineItem>>(`/${object}/${id}/timeline`, { query: { limit: 30, cursor: cursor ?? undefined } }),
};

export const recordKeys = {
  all: (object: ObjectName) => [object] as const,
  list: (object: ObjectName, params: ListParams) => [object, 'list', params] as const,
  one: (object: ObjectName, id: string) => [object, 'one', id] as const,
  timeline: (object: ObjectName, id: string) => [object, 'timeline', id] as const,
};
