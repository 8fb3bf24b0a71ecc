import { api } from '#shared/api/client';
import type { ApiItem } from '#shared/api/api-types';

/** One object of the registry (GET /api/v1/objects): standard objects first, then custom ones; with its declared fields. */
export type ObjectMeta = ApiItem<'/api/v1/objects'>;
export type ObjectCapability = ObjectMeta['capabilities'][number];
/** A declared field: type, classification (personal / sensitive), filter and sort (custom fields come from /custom-fields). */
export type ObjectFieldMeta = ObjectMeta['fields'][number];

export const OBJECTS_KEY = ['objects'] as const;

export const objectsApi = {
  list: async (): Promise<ObjectMeta[]> => (await api<{ data: ObjectMeta[] }>('/objects')).data,
};
