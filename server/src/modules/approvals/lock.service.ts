import type { WriteGuard } from '#platform/records/write-guards.ts';
import { approvalsErrors } from './approvals.errors.ts';
import { lockedRecords } from './requests.repo.ts';

/**
 * The record lock, registered with the record service's write guards (so custom objects are
 * locked too): while a request is pending, only administrators and the current step's open
 * approvers may update, delete or restore the record (423 otherwise).
 */
export const recordLock: WriteGuard = async ({ tx, ctx, object, ids }) => {
  const refused = new Map<string, ReturnType<typeof approvalsErrors.recordLocked>>();
  if (ctx.access.isAdmin || ids.length === 0) return refused;
  for (const row of await lockedRecords(tx, object, ids))
    if (!ctx.userId || !(row.approvers ?? []).includes(ctx.userId)) refused.set(row.record_id, approvalsErrors.recordLocked());
  return refused;
};
