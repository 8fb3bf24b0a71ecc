import type { ApiBody, ApiItem, ApiQuery, ApiResponse } from '#shared/api/api-types';
import { api } from '#shared/api/client';

export type DedupObject = ApiQuery<'/api/v1/duplicates'>['object'];
export type ClusterPage = ApiResponse<'/api/v1/duplicates'>;
export type Cluster = ClusterPage['data'][number];
export type RecordSummary = Cluster['records'][number];
export type Evidence = Cluster['pairs'][number]['evidence'][number];
export type Run = ApiItem<'/api/v1/duplicates/runs'>;
export type Comparison = ApiResponse<'/api/v1/duplicates/compare'>;
export type ComparedField = Comparison['fields'][number];
export type MergeEntry = ApiItem<'/api/v1/duplicates/merges'>;

export const dedupKeys = {
  all: (object: DedupObject) => ['duplicates', object] as const,
  clusters: (object: DedupObject, cursor?: string) => ['duplicates', object, 'clusters', cursor ?? ''] as const,
  runs: (object: DedupObject) => ['duplicates', object, 'runs'] as const,
  history: (object: DedupObject) => ['duplicates', object, 'history'] as const,
  compare: (object: DedupObject, ids: string[]) => ['duplicates', object, 'compare', ...ids] as const,
};

export const dedupApi = {
  clusters: (object: DedupObject, cursor?: string) => api<ClusterPage>('/duplicates', { query: { object, limit: 20, cursor } }),
  runs: (object: DedupObject) => api<ApiResponse<'/api/v1/duplicates/runs'>>('/duplicates/runs', { query: { object } }),
  scan: (object: DedupObject) => api<Run>('/duplicates/scan', { method: 'POST', body: { object } }),
  compare: (object: DedupObject, ids: string[]) => api<Comparison>('/duplicates/compare', { query: { object, ids: ids.join(',') } }),
  dismiss: (object: DedupObject, ids: string[]) =>
    api<ApiResponse<'/api/v1/duplicates/dismiss', 'post'>>('/duplicates/dismiss', { method: 'POST', body: { object, ids } }),
  merge: (body: ApiBody<'/api/v1/duplicates/merge', 'post'>) =>
    api<ApiResponse<'/api/v1/duplicates/merge', 'post'>>('/duplicates/merge', { method: 'POST', body }),
  bulkMerge: (object: DedupObject, clusterIds: string[]) =>
    api<ApiResponse<'/api/v1/duplicates/merge-bulk', 'post'>>('/duplicates/merge-bulk', { method: 'POST', body: { object, clusterIds } }),
  history: (object: DedupObject) => api<ApiResponse<'/api/v1/duplicates/merges'>>('/duplicates/merges', { query: { object, limit: 50 } }),
  undo: (id: string) => api<ApiResponse<'/api/v1/duplicates/merges/{id}/undo', 'post'>>(`/duplicates/merges/${id}/undo`, { method: 'POST' }),
};

const STANDARD_PAGES: Record<string, string> = { contact: 'contacts', company: 'companies', lead: 'leads' };

/** Where a record of this object opens in the app (a custom object's records under /o/<name>). */
export const recordPath = (object: DedupObject, id: string) => (STANDARD_PAGES[object] ? `/${STANDARD_PAGES[object]}/${id}` : `/o/${object}/${id}`);
