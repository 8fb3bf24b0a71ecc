import { approvalProcessOf, submitApproval } from '#modules/approvals/index.ts';
import { poolOf, returnToPoolInTx } from '#modules/pool/index.ts';
import type { ActionContext } from './actions.service.ts';
import { renderTemplate } from './formula.rules.ts';
import type { TAction } from './workflows.schema.ts';

type StartApproval = Extract<TAction, { type: 'start_approval' }>;
type MoveToPool = Extract<TAction, { type: 'move_to_pool' }>;

export type StartApprovalOptions = { a: ActionContext; action: StartApproval; view: Record<string, unknown> };
/** Actions that hand the record to another module through its public contract (approvals, the public pool). */

/**
 * Submits the record to an approval process as the rule's owner, in the run's transaction (so it
 * happens once per rule and event, and not at all in a dry run). A record already waiting for an
 * approval, or one no enabled process applies to, is the approvals module's refusal, logged.
 */
export async function startApproval({ a, action, view }: StartApprovalOptions) {
  const comment = action.comment ? renderTemplate(action.comment, view, a.target.def.object).slice(0, 2000) : undefined;
  const request = await submitApproval({
    tx: a.tx,
    deps: a.deps,
    ctx: a.ctx,
    object: a.target.def.object,
    recordId: a.recordId,
    processId: action.processId ?? undefined,
    comment,
    now: a.now,
  });
  const process = await approvalProcessOf(a.tx, request.processId);
  return { approvalId: request.id, processId: request.processId, process: process?.name ?? null, status: request.status, comment: comment ?? null };
}

export type MoveToPoolOptions = { a: ActionContext; action: MoveToPool; view: Record<string, unknown> };
/**
 * Puts the record into a public pool as the rule's owner (退回 by someone other than the owner is
 * a release), with the rendered reason, through the pool module: its history, the record's
 * timeline and the `<object>.pool_released` event follow, and the company's contacts go with it.
 */
export async function moveToPool({ a, action, view }: MoveToPoolOptions) {
  const reason = renderTemplate(action.reason, view, a.target.def.object).slice(0, 500);
  const move = await returnToPoolInTx(a.tx, {
    deps: a.deps,
    ctx: a.ctx,
    object: a.target.def.object,
    recordId: a.recordId,
    reason,
    poolId: action.poolId ?? undefined,
  });
  const pool = await poolOf(a.tx, move.poolId);
  return { poolId: move.poolId, pool: pool?.name ?? null, reason };
}
