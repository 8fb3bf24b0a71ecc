import type { Tx } from '#db/tx.ts';
import { adminIds, managersAbove, roleMembers } from './approvers.repo.ts';
import type { TStep } from './approvals.schema.ts';

export type ResolveApproversOptions = { tx: Tx; step: TStep; ownerId: string | null };
/**
 * The users a step asks, in a stable order without repeats: named users, a role's active members,
 * the record owner's manager `level` steps up the team tree. Nobody found (an empty role, an owner
 * without a manager): the tenant's administrators, so a request never waits on no one.
 */
export async function resolveApprovers({ tx, step, ownerId }: ResolveApproversOptions): Promise<{ ids: string[]; fallback: boolean }> {
  const ids: string[] = [];
  for (const a of step.approvers) {
    if (a.type === 'user') ids.push(a.userId);
    else if (a.type === 'role') ids.push(...(await roleMembers(tx, a.roleId)));
    else if (ownerId) {
      const manager = (await managersAbove(tx, ownerId))[a.level - 1];
      if (manager) ids.push(manager);
    }
  }
  const unique = [...new Set(ids)];
  return unique.length ? { ids: unique, fallback: false } : { ids: await adminIds(tx), fallback: true };
}

/** Who an unanswered approver's task goes to when it escalates: their own manager, if they have one. */
export async function escalationTarget(tx: Tx, approverId: string): Promise<string | null> {
  return (await managersAbove(tx, approverId))[0] ?? null;
}
