import { inTenant, type Tx } from '#db/tx.ts';
import type { RequestContext } from '#platform/context.ts';
import type { Deps } from '#platform/deps.ts';
import { approvalsErrors } from './approvals.errors.ts';
import { stepsOf } from './approvals.mapper.ts';
import { activeUsers, userNames } from './approvers.repo.ts';
import { advance, announce, finish, openTasks } from './flow.service.ts';
import type { Flow } from './flow.types.ts';
import { findRequest, setTask, type TaskRow, tasksOf, updateRequest } from './requests.repo.ts';
import { targetOf } from './target.service.ts';

type Base = { deps: Deps; ctx: RequestContext; id: string };

export type LockedFlowOptions = Base & { tx: Tx; now?: Date };
/** The request locked for a change, pending, with its target object; 404 / 409 otherwise. */
export async function lockedFlow({ tx, deps, ctx, id, now = new Date() }: LockedFlowOptions): Promise<Flow> {
  const request = await findRequest(tx, id, true);
  if (!request) throw approvalsErrors.notFound();
  if (request.status !== 'pending') throw approvalsErrors.alreadyDecided();
  const target = await targetOf({ tx, deps, name: request.object });
  if (!target) throw approvalsErrors.notFound();
  return { tx, deps, ctx, target, request, now };
}

/** The caller's open task on the current step: 409 if they already answered (this or an earlier step), 403 if they were never asked. */
async function myTask(f: Flow): Promise<TaskRow> {
  const tasks = (await tasksOf(f.tx, [f.request.id])).filter((t) => t.approver_id === f.ctx.userId);
  const open = tasks.find((t) => t.status === 'pending' && t.step_index === f.request.step_index);
  if (open) return open;
  throw tasks.length ? approvalsErrors.alreadyDecided() : approvalsErrors.notYours();
}

export type ApproveTaskOptions = { f: Flow; task: TaskRow; comment: string | null };
/** One approval of a task: with `any` it decides the step, with `all` the step waits for every approver. */
export async function approveTask({ f, task, comment }: ApproveTaskOptions): Promise<void> {
  await setTask(f.tx, task.id, { status: 'approved', comment, decided_at: f.now });
  const step = stepsOf(f.request)[f.request.step_index];
  const open = (await tasksOf(f.tx, [f.request.id])).filter((t) => t.step_index === f.request.step_index && t.status === 'pending');
  if (step?.mode === 'all' && open.length) {
    await announce({ f, verb: 'step_approved', detail: { comment, step: step.name } });
    return;
  }
  const steps = stepsOf(f.request).map((s, i) => (i === f.request.step_index ? { ...s, state: 'approved' as const } : s));
  f.request = await updateRequest(f.tx, f.request.id, { steps: JSON.stringify(steps) });
  // The others' tasks on this step are moot once it is decided.
  for (const t of open) await setTask(f.tx, t.id, { status: 'cancelled', decided_at: f.now });
  if (f.request.step_index + 1 < steps.length) await announce({ f, verb: 'step_approved', detail: { comment, step: step?.name ?? '' } });
  await advance(f, f.request.step_index + 1);
}

export async function approve(o: Base & { comment?: string | undefined }): Promise<void> {
  await inTenant(o.deps.db.kysely, o.ctx.tenantId, async (tx) => {
    const f = await lockedFlow({ tx, deps: o.deps, ctx: o.ctx, id: o.id });
    await approveTask({ f, task: await myTask(f), comment: o.comment || null });
  });
}

/** A rejection ends the request at once, whatever the step's mode; it needs a reason. */
export async function reject(o: Base & { comment?: string | undefined }): Promise<void> {
  if (!o.comment?.trim()) throw approvalsErrors.commentRequired();
  await inTenant(o.deps.db.kysely, o.ctx.tenantId, async (tx) => {
    const f = await lockedFlow({ tx, deps: o.deps, ctx: o.ctx, id: o.id });
    const task = await myTask(f);
    await setTask(tx, task.id, { status: 'rejected', comment: o.comment as string, decided_at: f.now });
    await finish({ f, status: 'rejected', comment: o.comment as string });
  });
}

/** Only the submitter takes a request back, while it is pending. */
export async function recall(o: Base & { comment?: string | undefined }): Promise<void> {
  await inTenant(o.deps.db.kysely, o.ctx.tenantId, async (tx) => {
    const request = await findRequest(tx, o.id, true);
    if (!request) throw approvalsErrors.notFound();
    if (request.submitted_by !== o.ctx.userId) throw approvalsErrors.notSubmitter();
    const f = await lockedFlow({ tx, deps: o.deps, ctx: o.ctx, id: o.id });
    await finish({ f, status: 'recalled', comment: o.comment || null });
  });
}

/** Hands the caller's open task to another active user (delegation); the step's mode is unchanged. */
export async function reassign(o: Base & { userId: string; comment?: string | undefined }): Promise<void> {
  if (o.userId === o.ctx.userId) throw approvalsErrors.badDelegate();
  await inTenant(o.deps.db.kysely, o.ctx.tenantId, async (tx) => {
    const f = await lockedFlow({ tx, deps: o.deps, ctx: o.ctx, id: o.id });
    const task = await myTask(f);
    if (!(await activeUsers(tx, [o.userId])).length) throw approvalsErrors.badDelegate();
    const open = (await tasksOf(tx, [f.request.id])).some((t) => t.step_index === task.step_index && t.status === 'pending' && t.approver_id === o.userId);
    await setTask(tx, task.id, { status: 'reassigned', comment: o.comment || null, decided_at: f.now });
    if (!open) await openTasks({ f, stepIndex: task.step_index, userIds: [o.userId], delegatedFrom: task.approver_id });
    const to = (await userNames(tx, [o.userId]))[0]?.name ?? null;
    await announce({ f, verb: 'reassigned', detail: { comment: o.comment ?? null, to } });
  });
}
