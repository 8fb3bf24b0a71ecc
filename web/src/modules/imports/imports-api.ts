import { api, buildUrl } from '#shared/api/client';
import { toApiError } from '#shared/api/problem';

/** A registry object with the import capability (GET /api/v1/objects): contact, company, lead, deal, activity or a custom object. */
export type ImportObject = string;
export type MappingEntry = { column: number; field: string };
/** `field`: match by a unique field's value, `field` naming it (one of the import's `matchFields`). */
export type DedupRule = { match: 'none' | 'email' | 'phone' | 'nameCompany' | 'field'; field?: string; action: 'skip' | 'update' | 'create' };
export type ImportStatus = 'uploaded' | 'queued' | 'running' | 'done' | 'failed' | 'cancelled' | 'rolling_back' | 'rolled_back';
export type CrmPreset = 'salesforce' | 'hubspot' | 'zoho' | 'suitecrm';
export type MappingTemplate = { id: string; object: ImportObject; name: string; mapping: { header: string; field: string }[]; updatedAt: string };
export type ImportJob = {
  id: string;
  object: ImportObject;
  fileName: string;
  encoding: string;
  /** XLSX: the workbook's sheets in order, and the one imported; null for CSV and vCard. */
  sheets: string[] | null;
  sheet: string | null;
  columns: string[];
  sample: string[][];
  totalRows: number | null;
  mapping: MappingEntry[];
  preset: CrmPreset | null;
  dedup: DedupRule;
  /** The match rules the object supports (besides none), from its import spec. */
  matches: Exclude<DedupRule['match'], 'none' | 'field'>[];
  /** Whether name matching also compares the parent record (a contact's company). */
  matchesParent: boolean;
  /** Unique fields rows may match by: the object's keys (a product's `sku`), then its unique custom fields (`custom.<key>`). */
  matchFields: string[];
  status: ImportStatus;
  progress: {
    processed: number;
    created: number;
    updated: number;
    skipped: number;
    failed: number;
    rowsPerSecond: number | null;
    etaSeconds: number | null;
  };
  error: string | null;
};

export const ACTIVE: ImportStatus[] = ['queued', 'running', 'rolling_back'];

export const importsApi = {
  /** The file goes up as a raw stream (the server never holds it whole). */
  upload: async (object: ImportObject, file: File, language: string): Promise<ImportJob> => {
    const res = await fetch(buildUrl('/imports', { object, fileName: file.name }), {
      method: 'POST',
      headers: { 'Content-Type': 'application/octet-stream', 'X-Requested-With': 'kehu', 'Accept-Language': language, Accept: 'application/json' },
      credentials: 'same-origin',
      body: file,
    });
    if (!res.ok) throw await toApiError(res);
    return (await res.json()) as ImportJob;
  },
  get: (id: string) => api<ImportJob>(`/imports/${id}`),
  fields: () => api<Record<ImportObject, string[]>>('/imports/fields'),
  configure: (id: string, body: { mapping: MappingEntry[]; dedup: DedupRule }) => api<ImportJob>(`/imports/${id}`, { method: 'PATCH', body }),
  start: (id: string) => api<ImportJob>(`/imports/${id}/start`, { method: 'POST' }),
  rollback: (id: string) => api<ImportJob>(`/imports/${id}/rollback`, { method: 'POST' }),
  cancel: (id: string) => api<ImportJob>(`/imports/${id}/cancel`, { method: 'POST' }),
  /** Another sheet of the workbook: the answer carries its columns, sample and suggested mapping. */
  chooseSheet: (id: string, sheet: string) => api<ImportJob>(`/imports/${id}`, { method: 'PATCH', body: { sheet } }),
  applyTemplate: (id: string, templateId: string) => api<ImportJob>(`/imports/${id}`, { method: 'PATCH', body: { templateId } }),
  templates: (object: ImportObject) => api<{ data: MappingTemplate[]; presets: CrmPreset[] }>('/imports/templates', { query: { object } }),
  saveTemplate: (body: { object: ImportObject; name: string; mapping: { header: string; field: string }[] }) =>
    api<MappingTemplate>('/imports/templates', { method: 'POST', body }),
  deleteTemplate: (id: string) => api<void>(`/imports/templates/${id}`, { method: 'DELETE' }),
  errorsUrl: (id: string) => buildUrl(`/imports/${id}/errors.csv`),
};
