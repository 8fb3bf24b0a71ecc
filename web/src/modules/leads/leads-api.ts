import { api } from '#shared/api/client';
import type { CrmRecord, Ref } from '#shared/api/types';

export type DedupKind = 'email' | 'phone' | 'company_name' | 'fuzzy_name';
export type DedupAction = 'block' | 'warn' | 'merge';
export type Duplicate = { id: string; name: string; rule: DedupKind; action?: DedupAction; owner: Ref | null };
export type CustomerMatch = { object: 'contact' | 'company'; id: string; name: string; matchedOn: string; owner: Ref | null };
export type Lead = CrmRecord & {
  name: string;
  companyName: string | null;
  status: 'new' | 'contacted' | 'nurturing' | 'qualified' | 'unqualified' | 'converted';
  unqualifiedReason: string | null;
  confirmation: 'none' | 'pending' | 'confirmed';
  duplicateOf: string | null;
  convertedAt: string | null;
  convertedContactId: string | null;
  convertedCompanyId: string | null;
  convertedDealId: string | null;
  formId: string | null;
};
export type LeadCreated = Lead & { duplicates: Duplicate[]; customerMatches: CustomerMatch[]; merged: boolean };
export type Capture = { id: string; channel: string; outcome: string; formId: string | null; matchedRule: string | null; createdAt: string };

export type Localized = { zh?: string; en?: string };
export type FormField = { key: string; label: Localized; required: boolean };
export type LeadForm = {
  id: string;
  name: string;
  fields: FormField[];
  allowedOrigins: string[];
  successMessage: Localized;
  redirectUrl: string | null;
  doubleOptIn: boolean;
  ownerId: string | null;
  source: string | null;
  campaign: string | null;
  active: boolean;
  submissions: number;
  version: number;
};
export type DedupRule = { kind: DedupKind; action: DedupAction; enabled: boolean; threshold?: number };
export type FieldMapping = { from: string; target: 'contact' | 'company'; to: string };
export type LeadSettings = {
  dedupRules: DedupRule[];
  conversionMapping: FieldMapping[];
  mail: { from: string | null; smtpConfigured: boolean; envSmtp: boolean };
  version: number;
};
export type ConvertRequest = {
  contact: { mode: 'create' } | { mode: 'link'; id: string };
  company: { mode: 'create'; name?: string } | { mode: 'link'; id: string } | { mode: 'none' };
  deal?: { name: string; amount?: string } | null;
};
export type ConvertResult = { contact: Ref & { created: boolean }; company: (Ref & { created: boolean }) | null; deal: Ref | null };

export const leadsApi = {
  create: (body: Record<string, unknown>) => api<LeadCreated>('/leads', { method: 'POST', body }),
  check: (body: Record<string, unknown>) => api<{ duplicates: Duplicate[]; customerMatches: CustomerMatch[] }>('/leads/check', { method: 'POST', body }),
  matches: (id: string) => api<{ duplicates: Duplicate[]; customerMatches: CustomerMatch[] }>(`/leads/${id}/matches`),
  captures: (id: string) => api<{ data: Capture[] }>(`/leads/${id}/captures`).then((r) => r.data),
  convert: (id: string, body: ConvertRequest) => api<ConvertResult>(`/leads/${id}/convert`, { method: 'POST', body }),
  settings: () => api<LeadSettings>('/lead-settings'),
  saveSettings: (body: Partial<Omit<LeadSettings, 'version' | 'mail'>> & { mail?: { smtpUrl?: string | null; from?: string | null } }, version: number) =>
    api<LeadSettings>('/lead-settings', { method: 'PATCH', body, ifMatch: version }),
  forms: () => api<{ data: LeadForm[] }>('/lead-forms').then((r) => r.data),
  createForm: (body: Partial<LeadForm>) => api<LeadForm>('/lead-forms', { method: 'POST', body }),
  updateForm: (id: string, body: Partial<LeadForm>, version: number) => api<LeadForm>(`/lead-forms/${id}`, { method: 'PATCH', body, ifMatch: version }),
  removeForm: (id: string) => api<void>(`/lead-forms/${id}`, { method: 'DELETE' }),
};

/** The `<script>` tag an admin pastes into a website. */
export const snippetOf = (formId: string) => `<script src="${window.location.origin}/forms/${formId}.js" async></script>`;
