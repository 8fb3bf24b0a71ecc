import { notify } from '#modules/notifications/index.ts';
import { writeAudit } from '#platform/audit/audit.ts';
import { emitEvent } from '#platform/events/outbox.ts';
import { newId } from '#platform/ids.ts';
import { userNames } from './approvers.repo.ts';
import { resolveApprovers } from './approvers.service.ts';
import { type RequestStep, stepsOf } from './approvals.mapper.ts';
import { runOutcome } from './outcome.service.ts';
import type { Flow } from './flow.types.ts';
import { bilingual } from './messages.rules.ts';
import { cancelOpenTasks, insertTasks, updateRequest } from './requests.repo.ts';
import { matches } from './target.service.ts';
import { dueAfter } from './due.service.ts';

export type Verb = 'submitted' | 'approved' | 'rejected' | 'recalled' | 'step_approved' | 'reassigned' | 'escalated';

export type AnnounceOptions = { f: Flow; verb: Verb; detail?: { comment?: string | null; step?: string; to?: string | null } };
/**
 * What happened, where the record's 360 timeline and the audit trail read it (an audit entry on
 * the record), and for the outbox verbs (submitted, approved, rejected, recalled) an
 * `approval.<verb>` event about the record so rules and webhooks can react.
 */
export async function announce({ f, verb, detail = {} }: AnnounceOptions) {
  const r = f.request;
  const changes: Record<string, { from: unknown; to: unknown }> = { approval: { from: null, to: r.process_name } };
  if (detail.step) changes.step = { from: null, to: detail.step };
  if (detail.comment) changes.comment = { from: null, to: detail.comment };
  if (detail.to) changes.approver = { from: null, to: detail.to };
  await writeAudit(f.tx, f.ctx, { action: `approval_${verb}`, objectType: r.object, objectId: r.record_id, changes });
  if (verb === 'submitted' || verb === 'approved' || verb === 'rejected' || verb === 'recalled')
    await emitEvent(f.tx, f.ctx, {
      type: `approval.${verb}`,
      objectType: r.object,
      objectId: r.record_id,
      payload: {
        approvalId: r.id,
        processId: r.process_id,
        processName: r.process_name,
        status: r.status,
        actorId: f.ctx.userId,
        comment: detail.comment ?? null,
      },
    });
}

async function save(f: Flow, values: Record<string, unknown>) {
  f.request = await updateRequest(f.tx, f.request.id, values);
}

export type OpenTasksOptions = { f: Flow; stepIndex: number; userIds: readonly string[]; delegatedFrom?: string | null };
/** Opens tasks for users on the current step and tells them; due when the step has a timeout. */
export async function openTasks({ f, stepIndex, userIds, delegatedFrom = null }: OpenTasksOptions) {
  const step = stepsOf(f.request)[stepIndex] as RequestStep;
  const due = await dueAfter({ f, step });
  await insertTasks(
    f.tx,
    userIds.map((approver) => ({
      tenant_id: f.ctx.tenantId,
      id: newId(),
      request_id: f.request.id,
      step_index: stepIndex,
      approver_id: approver,
      status: 'pending',
      delegated_from: delegatedFrom,
      due_at: due,
      created_at: f.now,
    })),
  );
  const submitter = f.request.submitted_by ? ((await userNames(f.tx, [f.request.submitted_by]))[0]?.name ?? '') : '';
  const params = { record: f.request.record_name ?? '', process: f.request.process_name, step: step.name, submitter };
  await notify({
    tx: f.tx,
    tenantId: f.ctx.tenantId,
    userIds,
    kind: 'approval',
    title: bilingual('notify_pending_title', params),
    body: bilingual('notify_pending_body', params),
    link: { object: f.request.object, id: f.request.record_id },
    dedupeKey: `approval:${f.request.id}:${stepIndex}:${f.now.getTime()}`,
  });
}

/**
 * Moves to the first step from `from` whose criteria the record meets (the others are skipped),
 * opening its approvers' tasks; past the last step, the request is approved.
 */
export async function advance(f: Flow, from: number): Promise<void> {
  const steps = stepsOf(f.request).map((s) => ({ ...s }));
  for (let i = from; i < steps.length; i++) {
    const step = steps[i] as RequestStep;
    if (!(await matches({ tx: f.tx, target: f.target, recordId: f.request.record_id, filter: step.criteria }))) {
      step.state = 'skipped';
      continue;
    }
    step.state = 'pending';
    await save(f, { step_index: i, steps: JSON.stringify(steps) });
    const { ids } = await resolveApprovers({ tx: f.tx, step, ownerId: f.request.record_owner_id ?? f.request.submitted_by });
    await openTasks({ f, stepIndex: i, userIds: ids });
    return;
  }
  await save(f, { steps: JSON.stringify(steps) });
  await finish({ f, status: 'approved', comment: null });
}

export type FinishOptions = { f: Flow; status: 'approved' | 'rejected' | 'recalled'; comment: string | null };
/** Ends a request: its state, open tasks cancelled, the timeline and event, then the outcome's field updates and notices. */
export async function finish({ f, status, comment }: FinishOptions): Promise<void> {
  const steps = stepsOf(f.request).map((s, i) =>
    i === f.request.step_index && s.state === 'pending' ? { ...s, state: status === 'recalled' ? ('cancelled' as const) : status } : s,
  );
  await save(f, { status, steps: JSON.stringify(steps), decided_at: f.now, decided_by: f.ctx.userId, decision_comment: comment });
  await cancelOpenTasks(f.tx, f.request.id, f.now);
  await announce({ f, verb: status, detail: { comment } });
  await runOutcome({ f, status, comment });
}
