import { api } from '#shared/api/client';
import type { Action } from '#shared/api/types';

export type ObjectCapability =
  | 'owned'
  | 'audited'
  | 'recycleBin'
  | 'customFields'
  | 'import'
  | 'export'
  | 'search'
  | 'timeline'
  | 'pool'
  | 'assignment'
  | 'dedup';

/** One object of the registry (GET /api/v1/objects): standard objects first, then custom ones. */
export type ObjectMeta = {
  /** Permission key and custom-field `object`: 'company', 'lead', 'pool', or a custom object's name. */
  name: string;
  /** REST path segment ('companies', a custom object's name); null for non-record objects (pool). */
  path: string | null;
  label: { zh: string; en: string };
  custom: boolean;
  /** Custom objects only, for /custom-objects/:id. */
  id: string | null;
  record: boolean;
  actions: Action[];
  sensitiveFields: string[];
  capabilities: string[];
};

export const OBJECTS_KEY = ['objects'] as const;

export const objectsApi = {
  list: async (): Promise<ObjectMeta[]> => (await api<{ data: ObjectMeta[] }>('/objects')).data,
};
