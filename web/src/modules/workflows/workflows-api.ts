import type { ApiBody, ApiItem, ApiQuery, ApiResponse } from '#shared/api/api-types';
import { api } from '#shared/api/client';

export type WorkflowRule = ApiItem<'/api/v1/workflow-rules'>;
export type RuleInput = ApiBody<'/api/v1/workflow-rules', 'post'>;
export type Trigger = RuleInput['trigger'];
export type TriggerType = Trigger['type'];
export type RuleAction = RuleInput['actions'][number];
export type ActionType = RuleAction['type'];
export type ValueSpec = Extract<RuleAction, { type: 'update_fields' }>['updates'][number]['value'];
export type DryRunResult = ApiResponse<'/api/v1/workflow-rules/dry-run', 'post'>;
export type WorkflowRun = ApiItem<'/api/v1/workflow-runs'>;
export type RunsQuery = ApiQuery<'/api/v1/workflow-runs'>;
export type RunStatus = WorkflowRun['status'];

// Records over the server's unions: a trigger or action added there fails the web build until offered here.
const TRIGGERS: Record<TriggerType, true> = {
  created: true,
  updated: true,
  deleted: true,
  restored: true,
  stage_changed: true,
  date: true,
  schedule: true,
  form_submitted: true,
  webhook: true,
};
const ACTIONS: Record<ActionType, true> = {
  update_fields: true,
  create_task: true,
  assign: true,
  add_tags: true,
  remove_tags: true,
  notify: true,
  send_email: true,
  call_webhook: true,
  start_approval: true,
  move_to_pool: true,
  create_record: true,
  wait: true,
};
const STATUSES: Record<RunStatus, true> = { succeeded: true, failed: true, skipped: true, stopped: true, waiting: true };
export const TRIGGER_TYPES = Object.keys(TRIGGERS) as TriggerType[];
export const ACTION_TYPES = Object.keys(ACTIONS) as ActionType[];
export const RUN_STATUSES = Object.keys(STATUSES) as RunStatus[];

/** What the e-mail and webhook actions pick from (Settings > Mail templates, Settings > Webhooks). */
export type MailTemplateOption = ApiItem<'/api/v1/mail/templates'>;
export type WebhookOption = ApiItem<'/api/v1/webhooks'>;
export type ApprovalProcessOption = ApiItem<'/api/v1/approval-processes'>;
export type PoolOption = ApiItem<'/api/v1/pools'>;
export type LeadFormOption = ApiItem<'/api/v1/lead-forms'>;

export const RULES_KEY = ['workflow-rules'] as const;
export const RUNS_KEY = ['workflow-runs'] as const;

export const workflowsApi = {
  list: async () => (await api<{ data: WorkflowRule[] }>('/workflow-rules')).data,
  create: (body: RuleInput) => api<WorkflowRule>('/workflow-rules', { method: 'POST', body }),
  update: (id: string, body: Partial<RuleInput>, version?: number) => api<WorkflowRule>(`/workflow-rules/${id}`, { method: 'PATCH', body, ifMatch: version }),
  remove: (id: string) => api<void>(`/workflow-rules/${id}`, { method: 'DELETE' }),
  reorder: async (ids: string[]) => (await api<{ data: WorkflowRule[] }>('/workflow-rules/order', { method: 'PUT', body: { ids } })).data,
  dryRun: (body: { recordId: string; rule: RuleInput }) => api<DryRunResult>('/workflow-rules/dry-run', { method: 'POST', body }),
  mailTemplates: async () => (await api<{ data: MailTemplateOption[] }>('/mail/templates')).data,
  webhooks: async () => (await api<{ data: WebhookOption[] }>('/webhooks')).data,
  hookToken: (id: string) => api<{ token: string; path: string }>(`/workflow-rules/${id}/hook-token`, { method: 'POST' }),
  leadForms: async () => (await api<{ data: LeadFormOption[] }>('/lead-forms')).data,
  pools: async () => (await api<{ data: PoolOption[] }>('/pools')).data,
  approvalProcesses: async () => (await api<{ data: ApprovalProcessOption[] }>('/approval-processes')).data,
  runs: (query: Partial<RunsQuery>) => api<{ data: WorkflowRun[]; nextCursor: string | null }>('/workflow-runs', { query }),
};
