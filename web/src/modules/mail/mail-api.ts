import type { ApiBody, ApiItem, ApiResponse } from '#shared/api/api-types';
import { api } from '#shared/api/client';

export type SmtpSettings = ApiResponse<'/api/v1/mail/settings'>;
export type SmtpInput = ApiBody<'/api/v1/mail/settings', 'put'>;
export type TestResult = ApiResponse<'/api/v1/mail/settings/test', 'post'>;
export type MailTemplate = ApiItem<'/api/v1/mail/templates'>;
export type TemplateInput = ApiBody<'/api/v1/mail/templates', 'post'>;
export type MergeField = ApiItem<'/api/v1/mail/merge-fields'>;
export type SentMail = ApiItem<'/api/v1/mail/messages'>;
export type SentPage = ApiResponse<'/api/v1/mail/messages'>;

export type SendInput = ApiBody<'/api/v1/mail/send', 'post'>;
export type MailLocale = 'zh-CN' | 'en';
/** A template filled for a record: what would be sent, to whom, in which language. */
export type MailPreview = { subject: string; text: string; html: string; to: string | null; locale: MailLocale };

export const MAIL_SETTINGS_KEY = ['mail', 'settings'] as const;
export const TEMPLATES_KEY = ['mail', 'templates'] as const;
export const SENT_KEY = ['mail', 'messages'] as const;
export const recordMailKey = (object: string, id: string) => ['mail', 'messages', object, id] as const;

export const mailApi = {
  settings: () => api<SmtpSettings>('/mail/settings'),
  saveSettings: (body: SmtpInput) => api<SmtpSettings>('/mail/settings', { method: 'PUT', body }),
  test: (to: string) => api<TestResult>('/mail/settings/test', { method: 'POST', body: { to } }),
  templates: async () => (await api<{ data: MailTemplate[] }>('/mail/templates')).data,
  createTemplate: (body: TemplateInput) => api<MailTemplate>('/mail/templates', { method: 'POST', body }),
  updateTemplate: (id: string, version: number, body: Partial<TemplateInput>) =>
    api<MailTemplate>(`/mail/templates/${id}`, { method: 'PATCH', body, ifMatch: version }),
  removeTemplate: (id: string) => api<void>(`/mail/templates/${id}`, { method: 'DELETE' }),
  mergeFields: async (object: string | null) => (await api<{ data: MergeField[] }>('/mail/merge-fields', { query: { object: object ?? undefined } })).data,
  sent: (cursor?: string) => api<SentPage>('/mail/messages', { query: { limit: 20, cursor } }),
  forRecord: (object: string, recordId: string) => api<SentPage>('/mail/messages', { query: { object, recordId, limit: 20 } }),
  preview: (templateId: string, record: { object: string; id: string }, locale?: MailLocale) =>
    api<MailPreview>(`/mail/templates/${templateId}/preview`, { method: 'POST', body: { record, ...(locale ? { locale } : {}) } }),
  send: (body: SendInput) => api<{ id: string; messageId: string; status: SentMail['status'] }>('/mail/send', { method: 'POST', body }),
  resend: (id: string) => api<SentMail>(`/mail/messages/${id}/resend`, { method: 'POST' }),
};
