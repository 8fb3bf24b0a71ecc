import type { Tx } from '#db/tx.ts';
import type { RequestContext } from '#platform/context.ts';
import type { Deps } from '#platform/deps.ts';
import { newId } from '#platform/ids.ts';
import { loadVisible, present } from '#platform/records/record-service.ts';
import { approvalsErrors } from './approvals.errors.ts';
import type { RequestStep } from './approvals.mapper.ts';
import { advance, announce } from './flow.service.ts';
import type { Flow } from './flow.types.ts';
import { enabledProcesses, findProcess, type ProcessRow } from './processes.repo.ts';
import { insertRequest, pendingFor } from './requests.repo.ts';
import { matches, type Target, targetOf } from './target.service.ts';

export type SubmitApprovalOptions = {
  tx: Tx;
  deps: Deps;
  ctx: RequestContext;
  object: string;
  recordId: string;
  /** Omitted: the first enabled process of the object (by position) whose entry criteria the record meets. */
  processId?: string | undefined;
  comment?: string | undefined;
  now?: Date;
};

/** What people read a record as in lists of approvals: its name, else its title or subject. */
function nameOf(view: Record<string, unknown>): string | null {
  for (const key of ['name', 'fullName', 'title', 'subject']) if (typeof view[key] === 'string' && view[key]) return (view[key] as string).slice(0, 300);
  return null;
}

/** A process by id as a caller outside the module may know it (a workflow rule checking its "start an approval" action). */
export async function approvalProcessOf(tx: Tx, id: string): Promise<{ id: string; object: string; name: string; enabled: boolean } | undefined> {
  const p = await findProcess(tx, id);
  return p && { id: p.id, object: p.object, name: p.name, enabled: p.enabled };
}

export type ApplicableProcessesOptions = { tx: Tx; target: Target; recordId: string };
/** Enabled processes of the record's object whose entry criteria it meets, in order. */
export async function applicableProcesses({ tx, target, recordId }: ApplicableProcessesOptions): Promise<ProcessRow[]> {
  const found: ProcessRow[] = [];
  for (const p of await enabledProcesses(tx, target.def.object)) if (await matches({ tx, target, recordId, filter: p.criteria })) found.push(p);
  return found;
}

/**
 * Submits a record for approval in the caller's transaction, as `ctx`'s user, who must be able to
 * edit it (a person from the record page, or a workflow rule as its owner). The record is locked
 * from then on (lock.service.ts). Steps are copied from the process, so editing the process later
 * changes no request in flight.
 */
export async function submitApproval(o: SubmitApprovalOptions): Promise<{ id: string; status: string; processId: string }> {
  const { tx, deps, ctx } = o;
  const target = await targetOf({ tx, deps, name: o.object });
  if (!target) throw approvalsErrors.missing(o.object);
  const row = await loadVisible({ tx, ctx, def: target.def, id: o.recordId, action: 'update' });
  if (await pendingFor(tx, target.def.object, row.id)) throw approvalsErrors.alreadyPending();
  let process: ProcessRow | undefined;
  if (o.processId) {
    process = await findProcess(tx, o.processId);
    if (!process) throw approvalsErrors.processNotFound();
    if (!process.enabled || process.object !== target.def.object || !(await matches({ tx, target, recordId: row.id, filter: process.criteria })))
      throw approvalsErrors.processNotApplicable();
  } else {
    process = (await applicableProcesses({ tx, target, recordId: row.id }))[0];
    if (!process) throw approvalsErrors.noProcess();
  }
  const [view] = await present({ tx, deps, ctx: { ...ctx, access: { ...ctx.access, isAdmin: true } }, def: target.def, rows: [row] });
  const now = o.now ?? new Date();
  const steps: RequestStep[] = (process.steps as RequestStep[]).map((s) => ({ ...s, state: 'waiting' }));
  let request: Flow['request'];
  try {
    request = await insertRequest(tx, {
      tenant_id: ctx.tenantId,
      id: newId(),
      process_id: process.id,
      process_name: process.name,
      object: target.def.object,
      record_id: row.id,
      record_name: nameOf((view ?? {}) as Record<string, unknown>),
      record_owner_id: row.owner_id,
      status: 'pending',
      step_index: 0,
      steps: JSON.stringify(steps),
      on_approved: JSON.stringify(process.on_approved ?? {}),
      on_rejected: JSON.stringify(process.on_rejected ?? {}),
      submitted_by: ctx.userId,
      submit_comment: o.comment || null,
      submitted_at: now,
    });
  } catch (error) {
    // Two submits at once: the one-pending-per-record index let one through.
    if ((error as { code?: string }).code === '23505') throw approvalsErrors.alreadyPending();
    throw error;
  }
  const flow: Flow = { tx, deps, ctx, target, request, now };
  await announce({ f: flow, verb: 'submitted', detail: { comment: o.comment ?? null } });
  await advance(flow, 0);
  return { id: flow.request.id, status: flow.request.status, processId: process.id };
}
