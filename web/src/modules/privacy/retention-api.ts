import { api } from '#shared/api/client';

// Written out beside the server's zod schemas (server/src/modules/privacy/retention.schema.ts).
export type RetentionAction = 'anonymise' | 'delete';
export type RetentionPolicy = {
  id: string;
  object: string;
  label: { zh: string; en: string };
  field: string;
  months: number;
  action: RetentionAction;
  enabled: boolean;
  lastRunAt: string | null;
  lastResult: { anonymised: number; deleted: number; at: string } | null;
  version: number;
};
export type RetentionTarget = { object: string; label: { zh: string; en: string }; fields: string[] };
export type NewPolicy = { object: string; field: string; months: number; action: RetentionAction };

export const RETENTION_KEY = ['privacy', 'retention'] as const;
const base = '/privacy/retention-policies';

export const retentionApi = {
  list: async () => (await api<{ data: RetentionPolicy[] }>(base)).data,
  targets: async () => (await api<{ data: RetentionTarget[] }>(`${base}/targets`)).data,
  /** Saved switched off: the count it would act on is shown before it is switched on. */
  create: (body: NewPolicy) => api<RetentionPolicy>(base, { method: 'POST', body: { ...body, enabled: false } }),
  setEnabled: (p: RetentionPolicy, enabled: boolean, confirmCount?: number) =>
    api<RetentionPolicy>(`${base}/${p.id}`, {
      method: 'PATCH',
      body: { enabled, ...(confirmCount !== undefined ? { confirmCount } : {}) },
      ifMatch: `"${p.version}"`,
    }),
  remove: (id: string) => api<void>(`${base}/${id}`, { method: 'DELETE' }),
  preview: (id: string) => api<{ count: number; total: number }>(`${base}/${id}/preview`),
  run: (id: string, confirmCount: number) => api<RetentionPolicy>(`${base}/${id}/run`, { method: 'POST', body: { confirmCount } }),
};
