import { api } from '#shared/api/client';
import type { ListResponse } from '#shared/api/types';

type Texts = { zh?: string; en?: string };

/** An object an admin created at runtime (GET /api/v1/custom-objects). */
export type CustomObject = {
  id: string;
  /** The API path segment and the permission/custom-field name, e.g. 'distributors'. */
  name: string;
  label: { zh: string; en: string };
  description: Texts;
  createdAt: string;
  updatedAt: string;
  version: number;
};

export type CreateCustomObject = { name: string; label: { zh: string; en: string }; description?: Texts };
export type UpdateCustomObject = { label?: { zh: string; en: string }; description?: Texts };

/** Plural kebab-case, 2–40 characters: it becomes /api/v1/<name> and /o/<name>. */
export const OBJECT_NAME_RE = /^[a-z][a-z0-9-]{1,39}$/;

export const CUSTOM_OBJECTS_KEY = ['custom-objects'] as const;

export const customObjectsApi = {
  list: async (): Promise<CustomObject[]> => (await api<ListResponse<CustomObject>>('/custom-objects')).data,
  create: (body: CreateCustomObject) => api<CustomObject>('/custom-objects', { method: 'POST', body }),
  update: (id: string, body: UpdateCustomObject, version: number) => api<CustomObject>(`/custom-objects/${id}`, { method: 'PATCH', body, ifMatch: version }),
  remove: (id: string) => api<void>(`/custom-objects/${id}`, { method: 'DELETE' }),
};
