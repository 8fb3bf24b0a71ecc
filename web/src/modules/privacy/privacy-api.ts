import { api } from '#shared/api/client';
import type { ApiBody, ApiItem } from '#shared/api/api-types';

export type ProcessingRecord = ApiItem<'/api/v1/privacy/processing-records'>;
export type PutProcessingBody = ApiBody<'/api/v1/privacy/processing-records/{object}', 'put'>;
export type LegalBasis = NonNullable<ProcessingRecord['legalBasis']>;

export const LEGAL_BASES: LegalBasis[] = [
  'consent',
  'contract',
  'legal_obligation',
  'vital_interest',
  'public_interest',
  'legitimate_interest',
  'publicly_available',
];

export const PROCESSING_KEY = ['privacy', 'processing-records'] as const;

export const privacyApi = {
  list: async (): Promise<ProcessingRecord[]> => (await api<{ data: ProcessingRecord[] }>('/privacy/processing-records')).data,
  put: (object: string, body: PutProcessingBody, version: number) =>
    api<ProcessingRecord>(`/privacy/processing-records/${encodeURIComponent(object)}`, { method: 'PUT', body, ifMatch: `"${version}"` }),
  /** The CSV for an auditor, in the UI language. */
  exportCsv: async (language: string): Promise<string> => {
    const res = await fetch('/api/v1/privacy/processing-records/export', { credentials: 'same-origin', headers: { 'Accept-Language': language } });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    return res.text();
  },
};
