import { api } from '#shared/api/client';
import type { ApiBody, ApiItem, ApiResponse } from '#shared/api/api-types';
import type { CrmRecord } from '#shared/api/types';

export type LeadSettings = ApiResponse<'/api/v1/lead-settings'>;
export type LeadSettingsPatch = ApiBody<'/api/v1/lead-settings', 'patch'>;
export type DedupRule = LeadSettings['dedupRules'][number];
export type DedupKind = DedupRule['kind'];
export type DedupAction = DedupRule['action'];
export type FieldMapping = LeadSettings['conversionMapping'][number];
type Matches = ApiResponse<'/api/v1/leads/check', 'post'>;
// A lead's stored matches carry no action; a check's do.
export type Duplicate = ApiResponse<'/api/v1/leads/{id}/matches'>['duplicates'][number] & { action?: DedupAction };
export type CustomerMatch = Matches['customerMatches'][number];
// Kept by hand: a lead is read by key like any record (CrmRecord) across the shared list and detail pages.
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
export type LeadCreated = Lead & Matches & { merged: boolean };
export type Capture = ApiItem<'/api/v1/leads/{id}/captures'>;

export type LeadForm = ApiItem<'/api/v1/lead-forms'>;
export type FormField = LeadForm['fields'][number];
export type Localized = LeadForm['successMessage'];
export type ConvertRequest = ApiBody<'/api/v1/leads/{id}/convert', 'post'>;
export type ConvertResult = ApiResponse<'/api/v1/leads/{id}/convert', 'post'>;

export const leadsApi = {
  create: (body: Record<string, unknown>) => api<LeadCreated>('/leads', { method: 'POST', body }),
  check: (body: Record<string, unknown>) => api<Matches>('/leads/check', { method: 'POST', body }),
  matches: (id: string) => api<ApiResponse<'/api/v1/leads/{id}/matches'>>(`/leads/${id}/matches`),
  captures: (id: string) => api<ApiResponse<'/api/v1/leads/{id}/captures'>>(`/leads/${id}/captures`).then((r) => r.data),
  convert: (id: string, body: ConvertRequest) => api<ConvertResult>(`/leads/${id}/convert`, { method: 'POST', body }),
  settings: () => api<LeadSettings>('/lead-settings'),
  saveSettings: (body: LeadSettingsPatch, version: number) => api<LeadSettings>('/lead-settings', { method: 'PATCH', body, ifMatch: version }),
  forms: () => api<ApiResponse<'/api/v1/lead-forms'>>('/lead-forms').then((r) => r.data),
  // The form page sends what its form holds (partial while editing); the server validates it.
  createForm: (body: Partial<LeadForm>) => api<LeadForm>('/lead-forms', { method: 'POST', body }),
  updateForm: (id: string, body: Partial<LeadForm>, version: number) => api<LeadForm>(`/lead-forms/${id}`, { method: 'PATCH', body, ifMatch: version }),
  removeForm: (id: string) => api<void>(`/lead-forms/${id}`, { method: 'DELETE' }),
};

/** The `<script>` tag an admin pastes into a website. */
export const snippetOf = (formId: string) => `<script src="${window.location.origin}/forms/${formId}.js" async></script>`;
