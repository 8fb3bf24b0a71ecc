import type { ApiResponse } from '#shared/api/api-types';
import { api } from '#shared/api/client';

export type DataQuality = ApiResponse<'/api/v1/data-quality/{object}'>;
export type DrillDown = DataQuality['stale']['drillDown'];

export const dataQualityApi = {
  get: (object: string, target: number, staleMonths: number) => api<DataQuality>(`/data-quality/${object}`, { query: { target, staleMonths } }),
  records: (d: DrillDown) => api<{ data: { id: string; name: string }[] }>(d.path, { query: { filter: d.filter, limit: 50 } }),
};
