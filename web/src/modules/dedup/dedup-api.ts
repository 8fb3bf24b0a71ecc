import { api } from '#shared/api/client';

export type DedupObject = 'contact' | 'company' | 'lead';
export type Evidence = { field: string; similarity: number; weight: number };
export type RecordSummary = {
  id: string;
  name: string;
  emails: string[];
  phones: string[];
  company: string | null;
  owner: { id: string; name: string } | null;
  createdAt: string;
  updatedAt: string;
};
export type Cluster = { id: string; score: number; records: RecordSummary[]; pairs: { a: string; b: string; score: number; evidence: Evidence[] }[] };
export type ClusterPage = { data: Cluster[]; nextCursor: string | null; total: number };
export type Run = {
  id: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  phase: string;
  scanned: number;
  compared: number;
  found: number;
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
};
export type ComparedField = { field: string; values: unknown[]; chosen: number | 'union'; value: unknown };
export type Comparison = { records: Record<string, unknown>[]; fields: ComparedField[]; evidence: Evidence[]; score: number | null };
export type MergeEntry = {
  id: string;
  survivorId: string;
  survivorName: string | null;
  mergedId: string;
  mergedName: string | null;
  moved: Record<string, number>;
  createdAt: string;
  undoneAt: string | null;
};

export const dedupKeys = {
  all: (object: DedupObject) => ['duplicates', object] as const,
  clusters: (object: DedupObject, cursor?: string) => ['duplicates', object, 'clusters', cursor ?? ''] as const,
  runs: (object: DedupObject) => ['duplicates', object, 'runs'] as const,
  history: (object: DedupObject) => ['duplicates', object, 'history'] as const,
  compare: (object: DedupObject, ids: string[]) => ['duplicates', object, 'compare', ...ids] as const,
};

export const dedupApi = {
  clusters: (object: DedupObject, cursor?: string) => api<ClusterPage>('/duplicates', { query: { object, limit: 20, cursor } }),
  runs: (object: DedupObject) => api<{ data: Run[] }>('/duplicates/runs', { query: { object } }),
  scan: (object: DedupObject) => api<Run>('/duplicates/scan', { method: 'POST', body: { object } }),
  compare: (object: DedupObject, ids: string[]) => api<Comparison>('/duplicates/compare', { query: { object, ids: ids.join(',') } }),
  dismiss: (object: DedupObject, ids: string[]) => api<{ dismissed: number }>('/duplicates/dismiss', { method: 'POST', body: { object, ids } }),
  merge: (body: { object: DedupObject; survivorId: string; mergedIds: string[]; choices: Record<string, string> }) =>
    api<{ survivorId: string; merges: { id: string }[] }>('/duplicates/merge', { method: 'POST', body }),
  bulkMerge: (object: DedupObject, clusterIds: string[]) =>
    api<{ merged: number; results: { clusterId: string; error: string | null }[] }>('/duplicates/merge-bulk', { method: 'POST', body: { object, clusterIds } }),
  history: (object: DedupObject) => api<{ data: MergeEntry[]; nextCursor: string | null }>('/duplicates/merges', { query: { object, limit: 50 } }),
  undo: (id: string) => api<{ survivorId: string; restoredId: string }>(`/duplicates/merges/${id}/undo`, { method: 'POST' }),
};

/** Where a record of this object opens in the app. */
export const recordPath = (object: DedupObject, id: string) => `/${object === 'company' ? 'companies' : object === 'lead' ? 'leads' : 'contacts'}/${id}`;
