import type { ProcessRow } from './processes.repo.ts';
import type { RequestRow, TaskRow } from './requests.repo.ts';
import type { STEP_STATES, TApprovalProcess, TApprovalRequest, TApprovalTask, TOutcome, TStep } from './approvals.schema.ts';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());
const DEFAULT_OUTCOME: TOutcome = { fieldUpdates: [], notify: ['submitter'] };
const outcomeOf = (v: unknown): TOutcome => ({ ...DEFAULT_OUTCOME, ...((v ?? {}) as Partial<TOutcome>) });

export function toProcess(row: ProcessRow): TApprovalProcess {
  return {
    id: row.id,
    object: row.object,
    name: row.name,
    description: row.description,
    criteria: (row.criteria ?? null) as Record<string, unknown> | null,
    steps: row.steps as TStep[],
    onApproved: outcomeOf(row.on_approved),
    onRejected: outcomeOf(row.on_rejected),
    enabled: row.enabled,
    position: row.position,
    createdAt: iso(row.created_at) as string,
    updatedAt: iso(row.updated_at) as string,
    version: row.version,
  };
}

/** A step as a request keeps it: the process's step plus what became of it. */
export type RequestStep = TStep & { state: (typeof STEP_STATES)[number] };

export const stepsOf = (row: RequestRow) => row.steps as RequestStep[];
export const outcomeOfRequest = (row: RequestRow, approved: boolean) => outcomeOf(approved ? row.on_approved : row.on_rejected);

function toTask(t: TaskRow, names: Map<string, string>): TApprovalTask {
  return {
    id: t.id,
    stepIndex: t.step_index,
    approverId: t.approver_id,
    approverName: names.get(t.approver_id) ?? null,
    status: t.status as TApprovalTask['status'],
    comment: t.comment,
    delegatedFromId: t.delegated_from,
    delegatedFromName: t.delegated_from ? (names.get(t.delegated_from) ?? null) : null,
    createdAt: iso(t.created_at) as string,
    dueAt: iso(t.due_at),
    decidedAt: iso(t.decided_at),
  };
}

/** The request as `userId` sees it, with what they may do. */
export function toRequest(row: RequestRow, tasks: TaskRow[], names: Map<string, string>, userId: string | null): TApprovalRequest {
  const pending = row.status === 'pending';
  return {
    id: row.id,
    processId: row.process_id,
    processName: row.process_name,
    object: row.object,
    recordId: row.record_id,
    recordName: row.record_name,
    status: row.status as TApprovalRequest['status'],
    stepIndex: row.step_index,
    steps: stepsOf(row).map((s) => ({ name: s.name, mode: s.mode, state: s.state })),
    tasks: tasks.map((t) => toTask(t, names)),
    submittedById: row.submitted_by,
    submittedByName: row.submitted_by ? (names.get(row.submitted_by) ?? null) : null,
    submitComment: row.submit_comment,
    submittedAt: iso(row.submitted_at) as string,
    decidedAt: iso(row.decided_at),
    decisionComment: row.decision_comment,
    mine: {
      canDecide: pending && tasks.some((t) => t.status === 'pending' && t.approver_id === userId),
      canRecall: pending && row.submitted_by === userId,
    },
    version: row.version,
  };
}
