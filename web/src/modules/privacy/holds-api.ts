import { api } from '#shared/api/client';

// Written out beside the server's zod schemas (server/src/modules/privacy/holds.schema.ts, deadlines.schema.ts).
export const HOLD_OBJECTS = ['contact', 'company'] as const;
type UserRef = { id: string; name: string } | null;

export type LegalHold = {
  id: string;
  object: (typeof HOLD_OBJECTS)[number] | null;
  recordId: string | null;
  recordName: string | null;
  requestId: string | null;
  reason: string;
  active: boolean;
  placedAt: string;
  placedBy: UserRef;
  releasedAt: string | null;
  releasedBy: UserRef;
  releaseReason: string | null;
};

export type PlaceHold = { object?: (typeof HOLD_OBJECTS)[number]; recordId?: string; requestId?: string; reason: string };
export type PrivacySettings = { piplDays: number; gdprDays: number; remindDays: number };

export const HOLDS_KEY = ['privacy', 'legal-holds'] as const;
const base = '/privacy/legal-holds';

export const holdsApi = {
  list: async (query: { requestId?: string; active?: boolean } = {}): Promise<LegalHold[]> => (await api<{ data: LegalHold[] }>(base, { query })).data,
  place: (body: PlaceHold) => api<LegalHold>(base, { method: 'POST', body }),
  release: (id: string, reason: string | undefined) => api<LegalHold>(`${base}/${id}/release`, { method: 'POST', body: reason ? { reason } : {} }),
  settings: () => api<PrivacySettings>('/privacy/settings'),
  saveSettings: (body: Partial<PrivacySettings>) => api<PrivacySettings>('/privacy/settings', { method: 'PATCH', body }),
};
