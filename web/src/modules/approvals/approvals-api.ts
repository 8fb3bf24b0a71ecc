import { api } from '#shared/api/client';
import type { ApiBody, ApiItem, ApiResponse } from '#shared/api/api-types';

export type ApprovalProcess = ApiItem<'/api/v1/approval-processes'>;
export type ProcessInput = ApiBody<'/api/v1/approval-processes', 'post'>;
export type ApprovalStep = ProcessInput['steps'][number];
export type ApproverSpec = ApprovalStep['approvers'][number];
export type ApprovalRequest = ApiResponse<'/api/v1/approvals/{id}'>;
export type ApprovalTask = ApprovalRequest['tasks'][number];
export type RecordApprovals = ApiResponse<'/api/v1/approvals/records/{object}/{recordId}'>;
export type ApprovalPage = ApiResponse<'/api/v1/approvals'>;
export type Box = 'inbox' | 'submitted' | 'all';

export const approvalKeys = {
  processes: ['approval-processes'] as const,
  all: ['approvals'] as const,
  box: (box: Box) => ['approvals', 'box', box] as const,
  record: (object: string, id: string) => ['approvals', 'record', object, id] as const,
};

export const approvalsApi = {
  processes: async () => (await api<{ data: ApprovalProcess[] }>('/approval-processes')).data,
  createProcess: (body: ProcessInput) => api<ApprovalProcess>('/approval-processes', { method: 'POST', body }),
  updateProcess: (id: string, body: Partial<ProcessInput>) => api<ApprovalProcess>(`/approval-processes/${id}`, { method: 'PATCH', body }),
  removeProcess: (id: string) => api<void>(`/approval-processes/${id}`, { method: 'DELETE' }),
  list: (box: Box, cursor?: string) => api<ApprovalPage>('/approvals', { query: { box, limit: 50, cursor } }),
  forRecord: (object: string, id: string) => api<RecordApprovals>(`/approvals/records/${encodeURIComponent(object)}/${id}`),
  submit: (body: { object: string; recordId: string; processId?: string; comment?: string }) => api<ApprovalRequest>('/approvals', { method: 'POST', body }),
  approve: (id: string, comment?: string) => api<ApprovalRequest>(`/approvals/${id}/approve`, { method: 'POST', body: { comment } }),
  reject: (id: string, comment: string) => api<ApprovalRequest>(`/approvals/${id}/reject`, { method: 'POST', body: { comment } }),
  recall: (id: string, comment?: string) => api<ApprovalRequest>(`/approvals/${id}/recall`, { method: 'POST', body: { comment } }),
  reassign: (id: string, userId: string, comment?: string) => api<ApprovalRequest>(`/approvals/${id}/reassign`, { method: 'POST', body: { userId, comment } }),
};
