import { useQuery } from '@tanstack/react-query';
import type { ApiBody, ApiItem, ApiResponse } from '#shared/api/api-types';
import { api } from '#shared/api/client';

// The scoring contracts come from the server's API (score-engine.ts and scoring.schema.ts there).
export type ScoringGroup = ApiItem<'/api/v1/lead-scoring/groups'>;
export type GroupInput = ApiBody<'/api/v1/lead-scoring/groups', 'post'>;
/** A rule as the editor holds it: a new one has no id yet. */
export type ScoringRule = NonNullable<GroupInput['rules']>[number];
export type AttributeRule = Extract<ScoringRule, { kind: 'attribute' }>;
export type BehaviourRule = Extract<ScoringRule, { kind: 'behaviour' }>;
export type Operator = AttributeRule['operator'];
export type ConditionValue = AttributeRule['value'];
export type Condition = Pick<AttributeRule, 'field' | 'operator' | 'value'>;
export type ScoringSettings = ApiResponse<'/api/v1/lead-scoring/settings'>;
export type RuleField = ApiItem<'/api/v1/lead-scoring/fields'>;
export type ModelStatus = ApiResponse<'/api/v1/lead-scoring/model'>;
export type LeadScore = ApiResponse<'/api/v1/leads/{id}/score'>;
export type Prediction = LeadScore['prediction'];
export type Factor = Extract<Prediction, { status: 'ready' }>['positive'][number];
export type GroupResult = LeadScore['groups'][number];
export type Contribution = GroupResult['rules'][number];
export type Band = LeadScore['band'];

// Records over the server's unions, in the order the editor offers them: a value added or
// removed there fails the web build until it is here too.
const OPERATOR_SET: Record<Operator, true> = {
  eq: true,
  ne: true,
  in: true,
  nin: true,
  contains: true,
  startsWith: true,
  gt: true,
  gte: true,
  lt: true,
  lte: true,
  isEmpty: true,
  isNotEmpty: true,
};
export const OPERATORS = Object.keys(OPERATOR_SET) as readonly Operator[];
export const UNARY: readonly Operator[] = ['isEmpty', 'isNotEmpty'];
const ENGAGEMENT_SET: Record<BehaviourRule['eventType'], true> = {
  form_submitted: true,
  email_opened: true,
  email_clicked: true,
  page_visited: true,
  content_downloaded: true,
  webinar_attended: true,
  meeting_held: true,
  call_held: true,
};
export const ENGAGEMENT_TYPES = Object.keys(ENGAGEMENT_SET) as readonly BehaviourRule['eventType'][];

const base = '/lead-scoring';
export const scoringApi = {
  settings: () => api<ScoringSettings>(`${base}/settings`),
  saveSettings: (body: ApiBody<'/api/v1/lead-scoring/settings', 'patch'>, version: number) =>
    api<ScoringSettings>(`${base}/settings`, { method: 'PATCH', body, ...(version > 0 ? { ifMatch: version } : {}) }),
  fields: (withScore = false) => api<ApiResponse<'/api/v1/lead-scoring/fields'>>(`${base}/fields`, { query: { withScore } }).then((r) => r.data),
  groups: () => api<ApiResponse<'/api/v1/lead-scoring/groups'>>(`${base}/groups`).then((r) => r.data),
  createGroup: (body: GroupInput) => api<ScoringGroup>(`${base}/groups`, { method: 'POST', body }),
  updateGroup: (id: string, body: ApiBody<'/api/v1/lead-scoring/groups/{id}', 'patch'>, version: number) =>
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
