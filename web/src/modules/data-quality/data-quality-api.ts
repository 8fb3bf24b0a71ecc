import { api } from '#shared/api/client';

export type DrillDown = { path: string; filter: string };
export type DataQuality = {
  object: 'contact' | 'company';
  total: number;
  target: number;
  completeness: { field: string; filled: number; missing: number; percent: number; meetsTarget: boolean; drillDown: DrillDown | null }[];
  invalid: { field: 'email' | 'phone'; count: number }[];
  stale: { months: number; count: number; drillDown: DrillDown };
  duplicates: { count: number | null; reviewPath: string };
};

export const dataQualityApi = {
  get: (object: string, target: number, staleMonths: number) => api<DataQuality>(`/data-quality/${object}`, { query: { target, staleMonths } }),
  records: (d: DrillDown) => api<{ data: { id: string; name: string }[] }>(d.path, { query: { filter: d.filter, limit: 50 } }),
};
