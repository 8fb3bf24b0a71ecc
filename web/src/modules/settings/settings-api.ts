import { api } from '#shared/api/client';
import type { ApiItem } from '#shared/api/api-types';
import type { Action, ListResponse, Scope } from '#shared/api/types';
import type { UserRow } from '#shared/users/users-api';

// Kept by hand: the list routes of teams, roles and tokens declare every field optional (they
// take `fields=`), so their generated items are too loose for the screens.
export type Team = { id: string; name: string; parentId: string | null; managerId?: string | null; memberCount: number; childCount: number; version: number };
export type FieldRules = Record<string, Record<string, { read: boolean; edit: boolean }>>;
export type Role = {
  id: string;
  name: string;
  description: string | null;
  isAdmin: boolean;
  permissions: Record<string, Partial<Record<Action, Scope>>>;
  fieldPermissions: FieldRules;
  userCount: number;
  version: number;
};
export type ApiToken = {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
  createdAt: string;
  token?: string;
};
export type AuditEntry = ApiItem<'/api/v1/audit-log'>;
export type AuditQuery = { objectType?: string; actorId?: string; action?: string; from?: string; to?: string; cursor?: string };

const all = async <T>(path: string) => (await api<ListResponse<T>>(path, { query: { limit: 500 } })).data;
const patch = <T>(path: string, body: unknown, version?: number) =>
  api<T>(path, { method: 'PATCH', body, ...(version !== undefined ? { ifMatch: version } : {}) });

export const settingsApi = {
  users: {
    create: (body: { email: string; name: string; password: string; teamId?: string | null; roleIds: string[]; locale?: string | null }) =>
      api<UserRow>('/users', { method: 'POST', body }),
    update: (id: string, body: Partial<{ name: string; email: string; teamId: string | null; roleIds: string[] }>, version?: number) =>
      patch<UserRow>(`/users/${id}`, body, version),
    setActive: (id: string, active: boolean) => api<UserRow>(`/users/${id}/${active ? 'activate' : 'deactivate'}`, { method: 'POST', body: {} }),
    resetPassword: (id: string, password: string) => api<void>(`/users/${id}/reset-password`, { method: 'POST', body: { password } }),
  },
  teams: {
    list: () => all<Team>('/teams'),
    create: (body: { name: string; parentId: string | null; managerId?: string | null }) => api<Team>('/teams', { method: 'POST', body }),
    update: (id: string, body: { name?: string; parentId?: string | null; managerId?: string | null }, version?: number) =>
      patch<Team>(`/teams/${id}`, body, version),
    remove: (id: string) => api<void>(`/teams/${id}`, { method: 'DELETE' }),
  },
  roles: {
    list: () => all<Role>('/roles'),
    create: (body: Omit<Role, 'id' | 'userCount' | 'version'>) => api<Role>('/roles', { method: 'POST', body }),
    update: (id: string, body: Partial<Omit<Role, 'id' | 'userCount' | 'version'>>, version?: number) => patch<Role>(`/roles/${id}`, body, version),
    remove: (id: string) => api<void>(`/roles/${id}`, { method: 'DELETE' }),
  },
  tokens: {
    list: () => all<ApiToken>('/api-tokens'),
    create: (body: { name: string; expiresAt?: string | null; scopes: string[] }) => api<ApiToken>('/api-tokens', { method: 'POST', body }),
    revoke: (id: string) => api<ApiToken>(`/api-tokens/${id}/revoke`, { method: 'POST', body: {} }),
  },
  audit: (q: AuditQuery) => api<ListResponse<AuditEntry>>('/audit-log', { query: { ...q, limit: 50 } }),
};
