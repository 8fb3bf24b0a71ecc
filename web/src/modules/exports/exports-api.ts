import type { ApiBody, ApiResponse } from '#shared/api/api-types';
import { api, buildUrl } from '#shared/api/client';

export type ExportJob = ApiResponse<'/api/v1/exports/{id}'>;
export type ExportFormat = ExportJob['format'];
export type ExportStatus = ExportJob['status'];
type ExportBody = ApiBody<'/api/v1/exports', 'post'>;
/** The web always names the columns, with the labels the user sees. */
export type StartExport = ExportBody & { columns: NonNullable<ExportBody['columns']> };

export const EXPORT_ACTIVE: ExportStatus[] = ['queued', 'running'];

export const exportsApi = {
  start: (body: StartExport) => api<ExportJob>('/exports', { method: 'POST', body }),
  get: (id: string) => api<ExportJob>(`/exports/${id}`),
  list: () => api<ApiResponse<'/api/v1/exports'>>('/exports'),
  cancel: (id: string) => api<ExportJob>(`/exports/${id}/cancel`, { method: 'POST' }),
  downloadUrl: (id: string) => buildUrl(`/exports/${id}/download`),
};
