import { useQuery } from '@tanstack/react-query';
import { api } from '#shared/api/client';
import type { ListResponse } from '#shared/api/types';

export type UserRow = {
  id: string;
  email: string;
  name: string;
  isActive?: boolean;
  isAdmin?: boolean;
  teamId?: string | null;
  roleIds?: string[];
  locale?: string | null;
  timezone?: string | null;
  lastLoginAt?: string | null;
  version?: number;
};

export const USERS_KEY = ['users'] as const;
export const listUsers = async () => (await api<ListResponse<UserRow>>('/users', { query: { limit: 500 } })).data;

/** All users of the tenant, cached; small tenants only need one page. */
export function useUsers() {
  return useQuery({ queryKey: USERS_KEY, queryFn: listUsers, staleTime: 60_000, retry: false });
}
