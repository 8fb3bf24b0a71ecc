import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api } from '#shared/api/client';
import type { ListResponse, Ref } from '#shared/api/types';

export type PoolRules = {
  recycleEnabled: boolean;
  followupDays: number | null;
  dealDays: number | null;
  remindDays: number | null;
  maxHeld: number | null;
  maxClaimsPerDay: number | null;
  reclaimCooldownDays: number;
};

export type Pool = PoolRules & {
  id: string;
  /** The registry object the pool holds: 'company', or 'contact' (contacts without a company, B2C). */
  object: string;
  name: string;
  description: string | null;
  position: number;
  teamIds: string[];
  teams: Ref[];
  customerCount: number;
  mine: { held: number; claimsToday: number };
  version: number;
};

export type PoolInput = PoolRules & { name: string; description: string | null; position: number; teamIds: string[] };
/** Creating says what the pool holds; it is fixed afterwards. */
export type NewPoolInput = PoolInput & { object: string };

export type PoolCustomer = {
  object: string;
  id: string;
  name: string;
  industry: string | null;
  /** A contact's job title. */
  title: string | null;
  city: string | null;
  source: string | null;
  phones: string[];
  emails: string[];
  poolId: string;
  pooledAt: string | null;
  pooledReason: 'no_followup' | 'no_won_deal' | 'returned' | 'released' | null;
  returnReason: string | null;
  previousOwner: Ref | null;
  lastActivityAt: string | null;
  cooldownUntil: string | null;
  contacts: { id: string; name: string; title: string | null; phones: string[]; emails: string[] }[];
  contactCount: number;
};

export type ExpiringCustomer = {
  object: string;
  id: string;
  name: string;
  owner: Ref | null;
  poolId: string;
  poolName: string;
  reason: 'no_followup' | 'no_won_deal';
  dueAt: string;
  daysLeft: number;
  lastActivityAt: string | null;
  lastWonAt: string | null;
};

export type LockedCustomer = { object: string; id: string; name: string; owner: Ref | null; lastActivityAt: string | null };

/** A pooled record's REST path segment ('companies', 'contacts'), from the object registry. */
export type PathOf = (object: string) => string;

export const POOLS_KEY = ['pools'] as const;

export const poolApi = {
  list: async () => (await api<{ data: Pool[] }>('/pools')).data,
  create: (body: NewPoolInput) => api<Pool>('/pools', { method: 'POST', body }),
  update: (id: string, body: Partial<PoolInput>, version: number) => api<Pool>(`/pools/${id}`, { method: 'PATCH', body, ifMatch: `"${version}"` }),
  remove: (id: string) => api<void>(`/pools/${id}`, { method: 'DELETE' }),
  customers: (poolId: string, query: { q?: string; cursor?: string }) =>
    api<ListResponse<PoolCustomer>>(`/pools/${poolId}/customers`, { query: { limit: 50, ...query } }),
  claim: (poolId: string, recordId: string) => api<unknown>(`/pools/${poolId}/customers/${recordId}/claim`, { method: 'POST' }),
  assign: (poolId: string, recordId: string, userId: string) =>
    api<unknown>(`/pools/${poolId}/customers/${recordId}/assign`, { method: 'POST', body: { userId } }),
  /** `path`: the record's object path, 'companies' or 'contacts'. */
  returnToPool: (path: string, recordId: string, reason: string, poolId?: string) =>
    api<unknown>(`/${path}/${recordId}/return-to-pool`, { method: 'POST', body: { reason, ...(poolId ? { poolId } : {}) } }),
  lock: (path: string, recordId: string, locked: boolean) => api<unknown>(`/${path}/${recordId}/pool-lock`, { method: 'PUT', body: { locked } }),
  locked: async () => (await api<{ data: LockedCustomer[] }>('/pools/locked')).data,
  expiring: async (query: { days: number; ownerId?: string }) => (await api<{ data: ExpiringCustomer[] }>('/pools/expiring', { query })).data,
  teams: async () => (await api<ListResponse<Ref>>('/teams', { query: { limit: 500 } })).data,
};

export function usePools() {
  return useQuery({ queryKey: POOLS_KEY, queryFn: poolApi.list });
}

/** A pool's customers, 50 a page, following the server's cursor. */
export function usePoolCustomers(poolId: string | undefined, q: string) {
  return useInfiniteQuery({
    queryKey: ['pools', poolId, 'customers', q],
    queryFn: ({ pageParam }) => poolApi.customers(poolId as string, { ...(q ? { q } : {}), ...(pageParam ? { cursor: pageParam } : {}) }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: !!poolId,
    placeholderData: keepPreviousData,
  });
}

export function useLockedCustomers(enabled: boolean) {
  return useQuery({ queryKey: ['pools', 'locked'], queryFn: poolApi.locked, enabled });
}

export function useExpiring(days: number, ownerId: string | undefined) {
  return useQuery({ queryKey: ['pools', 'expiring', days, ownerId ?? 'me'], queryFn: () => poolApi.expiring({ days, ...(ownerId ? { ownerId } : {}) }) });
}
