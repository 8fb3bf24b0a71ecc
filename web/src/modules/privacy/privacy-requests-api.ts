import { api } from '#shared/api/client';

// Written out beside the server's zod schemas (server/src/modules/privacy/requests.schema.ts).
export const REQUEST_KINDS = ['access', 'correction', 'erasure', 'restriction', 'objection'] as const;
export const REQUEST_CHANNELS = ['agent', 'email', 'web', 'phone', 'letter'] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];
export type RequestStatus = 'received' | 'verified' | 'completed' | 'rejected';

type UserRef = { id: string; name: string } | null;

export type PrivacyRequest = {
  id: string;
  kind: RequestKind;
  status: RequestStatus;
  law: 'pipl' | 'gdpr';
  locale: 'zh-CN' | 'en';
  channel: (typeof REQUEST_CHANNELS)[number];
  subjectEmail: string | null;
  subjectPhone: string | null;
  subjectName: string | null;
  receivedAt: string;
  dueAt: string;
  overdue: boolean;
  extension: { at: string; reason: string } | null;
  handler: UserRef;
  verifiedAt: string | null;
  verifiedBy: UserRef;
  note: string | null;
  result: Record<string, unknown> | null;
  completedAt: string | null;
  export: { size: number; createdAt: string; downloadedAt: string | null } | null;
  version: number;
  createdAt: string;
};

export type CreatePrivacyRequest = {
  kind: RequestKind;
  law: 'pipl' | 'gdpr';
  locale: 'zh-CN' | 'en';
  channel: PrivacyRequest['channel'];
  subjectEmail?: string | null;
  subjectPhone?: string | null;
  subjectName?: string | null;
  note?: string | null;
};

export type SubjectPreview = {
  objects: {
    object: string;
    label: { zh: string; en: string };
    role: 'subject' | 'related';
    fields: string[];
    records: { id: string; name: string | null; deleted: boolean }[];
  }[];
  auditEntries: number;
  isUser: boolean;
  suppressed: boolean;
};

export const REQUESTS_KEY = ['privacy', 'requests'] as const;

const base = '/privacy/requests';

export const requestsApi = {
  list: async (open: boolean): Promise<PrivacyRequest[]> => (await api<{ data: PrivacyRequest[] }>(base, { query: open ? { open: true } : {} })).data,
  get: (id: string) => api<PrivacyRequest>(`${base}/${id}`),
  create: (body: CreatePrivacyRequest) => api<PrivacyRequest>(base, { method: 'POST', body }),
  update: (r: PrivacyRequest, body: { status?: 'completed' | 'rejected'; note?: string | null }) =>
    api<PrivacyRequest>(`${base}/${r.id}`, { method: 'PATCH', body, ifMatch: `"${r.version}"` }),
  verify: (id: string) => api<PrivacyRequest>(`${base}/${id}/verify`, { method: 'POST' }),
  preview: (id: string) => api<SubjectPreview>(`${base}/${id}/preview`),
  buildExport: (id: string) => api<PrivacyRequest>(`${base}/${id}/export`, { method: 'POST' }),
  erase: (id: string) => api<PrivacyRequest>(`${base}/${id}/erase`, { method: 'POST', body: { confirm: true } }),
  extend: (id: string, body: { days: number; reason: string }) => api<PrivacyRequest>(`${base}/${id}/extend`, { method: 'POST', body }),
  optOut: (id: string) => api<PrivacyRequest>(`${base}/${id}/opt-out`, { method: 'POST' }),
  /** The package's one download: a plain link, so the browser saves the zip with the session cookie. */
  downloadUrl: (id: string) => `/api/v1${base}/${id}/export`,
};
