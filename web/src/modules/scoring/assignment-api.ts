import { useQuery } from '@tanstack/react-query';
import { api } from '#shared/api/client';
import type { ApiBody, ApiItem, ApiResponse } from '#shared/api/api-types';

export type AssignmentRule = ApiItem<'/api/v1/lead-assignment/rules'>;
/** A rule as the editor holds it: every field the server would otherwise default. */
export type RuleInput = Required<ApiBody<'/api/v1/lead-assignment/rules', 'post'>>;
export type Method = AssignmentRule['method'];
// A record over the server's union: a method added there fails the web build until it is here.
const METHOD_SET: Record<Method, true> = { round_robin: true, load_balanced: true, fixed_user: true };
export const METHODS = Object.keys(METHOD_SET) as readonly Method[];
export type AssignmentSettings = ApiResponse<'/api/v1/lead-assignment/settings'>;
export type Away = ApiItem<'/api/v1/lead-assignment/away'>;
export type QueueEntry = ApiItem<'/api/v1/lead-assignment/queue'>;
export type RecentAssignment = ApiItem<'/api/v1/lead-assignment/recent'>;
export type AssignResult = ApiResponse<'/api/v1/leads/{id}/assign', 'post'>;

const base = '/lead-assignment';
export const assignmentApi = {
  rules: () => api<{ data: AssignmentRule[] }>(`${base}/rules`).then((r) => r.data),
  create: (body: RuleInput) => api<AssignmentRule>(`${base}/rules`, { method: 'POST', body }),
  update: (id: string, body: ApiBody<'/api/v1/lead-assignment/rules/{id}', 'patch'>, version: number) =>
    api<AssignmentRule>(`${base}/rules/${id}`, { method: 'PATCH', body, ifMatch: version }),
  remove: (id: string) => api<void>(`${base}/rules/${id}`, { method: 'DELETE' }),
  reorder: (ids: string[]) => api<{ data: AssignmentRule[] }>(`${base}/rules/order`, { method: 'PUT', body: { ids } }).then((r) => r.data),
  settings: () => api<AssignmentSettings>(`${base}/settings`),
  saveSettings: (body: ApiBody<'/api/v1/lead-assignment/settings', 'patch'>) => api<AssignmentSettings>(`${base}/settings`, { method: 'PATCH', body }),
  away: () => api<{ data: Away[] }>(`${base}/away`).then((r) => r.data),
  setAway: (userId: string, body: ApiBody<'/api/v1/lead-assignment/away/{userId}', 'put'>) => api<void>(`${base}/away/${userId}`, { method: 'PUT', body }),
  clearAway: (userId: string) => api<void>(`${base}/away/${userId}`, { method: 'DELETE' }),
  recent: () => api<{ data: RecentAssignment[] }>(`${base}/recent`).then((r) => r.data),
  queue: () => api<{ data: QueueEntry[] }>(`${base}/queue`).then((r) => r.data),
  assign: (leadId: string, userId?: string) => api<AssignResult>(`/leads/${leadId}/assign`, { method: 'POST', body: userId ? { userId } : {} }),
  teams: () => api<{ data: { id: string; name: string }[] }>('/teams', { query: { limit: 500 } }).then((r) => r.data),
};

export const ASSIGNMENT_KEY = ['lead-assignment'] as const;
export const useAssignmentRules = () => useQuery({ queryKey: [...ASSIGNMENT_KEY, 'rules'], queryFn: assignmentApi.rules });
export const useAssignmentSettings = () => useQuery({ queryKey: [...ASSIGNMENT_KEY, 'settings'], queryFn: assignmentApi.settings });
export const useAway = () => useQuery({ queryKey: [...ASSIGNMENT_KEY, 'away'], queryFn: assignmentApi.away });
export const useQueue = () => useQuery({ queryKey: [...ASSIGNMENT_KEY, 'queue'], queryFn: assignmentApi.queue });
export const useRecent = () => useQuery({ queryKey: [...ASSIGNMENT_KEY, 'recent'], queryFn: assignmentApi.recent });
export const useTeamOptions = () => useQuery({ queryKey: [...ASSIGNMENT_KEY, 'teams'], queryFn: assignmentApi.teams, staleTime: 60_000 });
