import { useQuery } from '@tanstack/react-query';
import { api } from '#shared/api/client';
import type { Condition } from './scoring-api';

export const METHODS = ['round_robin', 'load_balanced', 'fixed_user'] as const;
export type Method = (typeof METHODS)[number];
export type AssignmentRule = {
  id: string;
  name: string;
  position: number;
  active: boolean;
  match: 'all' | 'any';
  conditions: Condition[];
  method: Method;
  userIds: string[];
  teamId: string | null;
  capacity: number | null;
  workingDaysOnly: boolean;
  lastUserId: string | null;
  version: number;
};
export type RuleInput = Omit<AssignmentRule, 'id' | 'position' | 'lastUserId' | 'version'>;
export type AssignmentSettings = { assignOnCapture: boolean; assignOnHot: boolean; workingDays: number[]; holidays: string[]; version: number };
export type Away = { userId: string; userName: string; until: string | null; note: string | null };
export type QueueEntry = {
  leadId: string;
  name: string;
  companyName: string | null;
  region: string | null;
  source: string | null;
  score: number | null;
  scoreBand: string | null;
  reason: 'no_rule' | 'no_user_available' | 'not_working_day';
  queuedAt: string;
  attempts: number;
};
export type RecentAssignment = {
  id: string;
  leadId: string;
  leadName: string;
  userName: string;
  ruleName: string | null;
  method: string;
  trigger: string;
  assignedAt: string;
  score: number | null;
  scoreBand: string | null;
};
export type AssignResult = { leadId: string; outcome: 'assigned' | 'queued' | 'skipped'; userId: string | null; reason: string | null };

const base = '/lead-assignment';
export const assignmentApi = {
  rules: () => api<{ data: AssignmentRule[] }>(`${base}/rules`).then((r) => r.data),
  create: (body: RuleInput) => api<AssignmentRule>(`${base}/rules`, { method: 'POST', body }),
  update: (id: string, body: Partial<RuleInput>, version: number) => api<AssignmentRule>(`${base}/rules/${id}`, { method: 'PATCH', body, ifMatch: version }),
  remove: (id: string) => api<void>(`${base}/rules/${id}`, { method: 'DELETE' }),
  reorder: (ids: string[]) => api<{ data: AssignmentRule[] }>(`${base}/rules/order`, { method: 'PUT', body: { ids } }).then((r) => r.data),
  settings: () => api<AssignmentSettings>(`${base}/settings`),
  saveSettings: (body: Partial<Omit<AssignmentSettings, 'version'>>) => api<AssignmentSettings>(`${base}/settings`, { method: 'PATCH', body }),
  away: () => api<{ data: Away[] }>(`${base}/away`).then((r) => r.data),
  setAway: (userId: string, body: { until: string | null; note: string | null }) => api<void>(`${base}/away/${userId}`, { method: 'PUT', body }),
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
