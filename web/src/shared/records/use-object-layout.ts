import { useQuery } from '@tanstack/react-query';
import type { ApiBody } from '#shared/api/api-types';
import { api } from '#shared/api/client';
import type { ObjectLayout } from './layout';
import type { EntityName } from './object-def';

export const layoutKeys = {
  all: ['layouts'] as const,
  one: (entity: EntityName) => ['layouts', entity] as const,
};

export const layoutsApi = {
  get: (entity: EntityName) => api<ObjectLayout>(`/layouts/${encodeURIComponent(entity)}`),
  save: (entity: EntityName, body: ApiBody<'/api/v1/layouts/{object}', 'put'>, version: number) =>
    api<ObjectLayout>(`/layouts/${encodeURIComponent(entity)}`, { method: 'PUT', body, ifMatch: version }),
};

/**
 * The admin's layout of an object (list columns, detail sections), cached for a minute; while it
 * loads, or if it cannot be read, the pages use their defaults. `entity` is the registry name.
 */
export function useObjectLayout(entity: EntityName): { layout: ObjectLayout | null; loading: boolean } {
  const q = useQuery({ queryKey: layoutKeys.one(entity), queryFn: () => layoutsApi.get(entity), staleTime: 60_000, retry: false });
  return { layout: q.data ?? null, loading: q.isPending };
}
