import { useQuery } from '@tanstack/react-query';
import { api } from '#shared/api/client';

export const OPERATORS = ['eq', 'ne', 'in', 'nin', 'contains', 'startsWith', 'gt', 'gte', 'lt', 'lte', 'isEmpty', 'isNotEmpty'] as const;
export type Operator = (typeof OPERATORS)[number];
export const UNARY: readonly Operator[] = ['isEmpty', 'isNotEmpty'];
export const ENGAGEMENT_TYPES = [
  'form_submitted',
  'email_opened',
  'email_clicked',
  'page_visited',
  'content_downloaded',
  'webinar_attended',
  'meeting_held',
  'call_held',
] as const;
export type ConditionValue = string | number | string[] | null | undefined;
export type Condition = { field: string; operator: Operator; value?: ConditionValue };

export type AttributeRule = Condition & { id?: string; kind: 'attribute'; label?: string; points: number };
export type BehaviourRule = { id?: string; kind: 'behaviour'; label?: string; eventType: (typeof ENGAGEMENT_TYPES)[number]; points: number };
export type ScoringRule = AttributeRule | BehaviourRule;
export type ScoringGroup = { id: string; name: string; cap: number | null; position: number; active: boolean; rules: ScoringRule[]; version: number };
export type GroupInput = { name: string; cap: number | null; active: boolean; rules: ScoringRule[] };
export type ScoringSettings = { halfLifeDays: number; warmAt: number; hotAt: number; predictiveFields: string[]; version: number };
export type RuleField = { field: string; type: string; custom: boolean; label: string | null };
export type ModelStatus = {
  status: 'ready' | 'insufficient';
  reason: 'too_few_outcomes' | 'one_class_missing' | 'not_trained' | null;
  won: number;
  lost: number;
  needed: number;
  trainedAt: string | null;
};
export type Factor = { field: string; value: string; weight: number };
export type Prediction =
  | { status: 'ready'; probability: number; positive: Factor[]; negative: Factor[]; won: number; lost: number; trainedAt: string }
  | {
      status: 'insufficient';
      reason: 'too_few_outcomes' | 'one_class_missing' | 'not_trained';
      won: number;
      lost: number;
      needed: number;
      trainedAt: string | null;
    };
export type Contribution = {
  ruleId: string;
  kind: 'attribute' | 'behaviour';
  label: string;
  basePoints: number;
  points: number;
  occurrences?: number;
  condition?: Condition;
};
export type GroupResult = { groupId: string; name: string; cap: number | null; raw: number; points: number; capped: boolean; rules: Contribution[] };
export type Band = 'cold' | 'warm' | 'hot';
export type LeadScore = {
  leadId: string;
  score: number;
  band: Band;
  groups: GroupResult[];
  halfLifeDays: number | null;
  computedAt: string;
  prediction: Prediction;
};

const base = '/lead-scoring';
export const scoringApi = {
  settings: () => api<ScoringSettings>(`${base}/settings`),
  saveSettings: (body: Partial<Omit<ScoringSettings, 'version'>>, version: number) =>
    api<ScoringSettings>(`${base}/settings`, { method: 'PATCH', body, ...(version > 0 ? { ifMatch: version } : {}) }),
  fields: (withScore = false) => api<{ data: RuleField[] }>(`${base}/fields`, { query: { withScore } }).then((r) => r.data),
  groups: () => api<{ data: ScoringGroup[] }>(`${base}/groups`).then((r) => r.data),
  createGroup: (body: GroupInput) => api<ScoringGroup>(`${base}/groups`, { method: 'POST', body }),
  updateGroup: (id: string, body: Partial<GroupInput>, version: number) =>
    api<ScoringGroup>(`${base}/groups/${id}`, { method: 'PATCH', body, ifMatch: version }),
  removeGroup: (id: string) => api<void>(`${base}/groups/${id}`, { method: 'DELETE' }),
  model: () => api<ModelStatus>(`${base}/model`),
  refit: () => api<ModelStatus>(`${base}/model/refit`, { method: 'POST' }),
  leadScore: (leadId: string) => api<LeadScore>(`/leads/${leadId}/score`),
};

export const SCORING_KEY = ['lead-scoring'] as const;
export const useScoringSettings = () => useQuery({ queryKey: [...SCORING_KEY, 'settings'], queryFn: scoringApi.settings });
export const useScoringGroups = () => useQuery({ queryKey: [...SCORING_KEY, 'groups'], queryFn: scoringApi.groups });
export const useRuleFields = (withScore = false) =>
  useQuery({ queryKey: [...SCORING_KEY, 'fields', withScore], queryFn: () => scoringApi.fields(withScore), staleTime: 60_000 });
export const useModelStatus = () => useQuery({ queryKey: [...SCORING_KEY, 'model'], queryFn: scoringApi.model });
export const useLeadScore = (leadId: string) => useQuery({ queryKey: [...SCORING_KEY, 'lead', leadId], queryFn: () => scoringApi.leadScore(leadId) });
