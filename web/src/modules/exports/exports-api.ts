import { api, buildUrl } from '#shared/api/client';

export type ExportFormat = 'csv' | 'xlsx';
export type ExportStatus = 'queued' | 'running' | 'done' | 'failed' | 'cancelled' | 'expired';
export type ExportJob = {
  id: string;
  object: string;
  format: ExportFormat;
  status: ExportStatus;
  fileName: string;
  progress: { written: number; total: number | null; percent: number | null };
  sizeBytes: number;
  error: string | null;
  downloadUrl: string | null;
  createdAt: string;
  finishedAt: string | null;
  expiresAt: string | null;
};
export type StartExport = {
  object: string;
  format: ExportFormat;
  filter?: string | undefined;
  sort?: string | undefined;
  q?: string | undefined;
  columns: { key: string; label: string }[];
};

export const EXPORT_ACTIVE: ExportStatus[] = ['queued', 'running'];

export const exportsApi = {
  start: (body: StartExport) => api<ExportJob>('/exports', { method: 'POST', body }),
  get: (id: string) => api<ExportJob>(`/exports/${id}`),
  list: () => api<{ data: ExportJob[] }>('/exports'),
  cancel: (id: string) => api<ExportJob>(`/exports/${id}/cancel`, { method: 'POST' }),
  downloadUrl: (id: string) => buildUrl(`/exports/${id}/download`),
};
