import { inTenant } from '#db/tx.ts';
import { hashPassword, verifyPassword } from '#platform/auth/password.ts';
import type { RequestContext } from '#platform/context.ts';
import type { Deps } from '#platform/deps.ts';
import { recordChange } from '#platform/events/record-change.ts';
import { wrongPassword } from './admin.errors.ts';
import { assertAdminRemains, requireAdmin, requireUser } from './admin-guards.service.ts';
import { lockTenant } from './admin.repo.ts';
import { auditedUser, loadUser } from './users.mapper.ts';
import * as repo from './users.repo.ts';
import type { TChangePasswordRequest, TUser } from './users.schema.ts';
import { loadForChange } from './users.service.ts';

// A password is audited as "changed", never with a value: '***' on both sides.
const PASSWORD_CHANGE = { before: { password: 'old' }, after: { password: 'new' }, sensitive: ['password'] } as const;

export type SetActiveOptions = { deps: Deps; ctx: RequestContext; id: string; active: boolean };

/**
 * Deactivation ends the user's sessions at once; their API tokens stop working because
 * authentication checks the user is active. The last active administrator cannot go.
 */
export async function setActive({ deps, ctx, id, active }: SetActiveOptions): Promise<TUser> {
  requireAdmin(ctx);
  return inTenant(deps.db.kysely, ctx.tenantId, async (tx) => {
    await lockTenant(tx, 'admins');
    const before = await loadForChange({ tx, id, version: undefined });
    // Activating an active user still clears a sign-in lockout, so admins have one "let them in" button.
    if (before.isActive === active && !(active && before.lockedUntil)) return before;
    await repo.updateUser(tx, id, { is_active: active, ...(active ? { failed_logins: 0, locked_until: null } : {}) });
    if (!active) {
      await repo.deleteSessions(tx, id);
      await assertAdminRemains(tx);
    }
    const after = (await loadUser(tx, id)) as TUser;
    const action = active ? 'activated' : 'deactivated';
    await recordChange(tx, ctx, { action, objectType: 'user', objectId: id, before: auditedUser(before), after: auditedUser(after) });
    return after;
  });
}

export type ResetPasswordOptions = { deps: Deps; ctx: RequestContext; id: string; password: string };

/** An administrator sets a new password: the lockout is cleared and every session of the user ends. */
export async function resetPassword({ deps, ctx, id, password }: ResetPasswordOptions): Promise<void> {
  requireAdmin(ctx);
  const hash = await hashPassword(password);
  await inTenant(deps.db.kysely, ctx.tenantId, async (tx) => {
    await loadForChange({ tx, id, version: undefined });
    await repo.updateUser(tx, id, { password_hash: hash, failed_logins: 0, locked_until: null });
    await repo.deleteSessions(tx, id);
    await recordChange(tx, ctx, { action: 'password_reset', objectType: 'user', objectId: id, ...PASSWORD_CHANGE });
  });
}

export type ChangePasswordOptions = { deps: Deps; ctx: RequestContext } & TChangePasswordRequest & { currentSessionId: string | undefined };

/** One's own password: the current one must be right; other sessions end, this one stays. */
export async function changePassword({ deps, ctx, ...o }: ChangePasswordOptions): Promise<void> {
  const id = requireUser(ctx);
  const current = await inTenant(deps.db.kysely, ctx.tenantId, (tx) => repo.passwordHashOf(tx, id));
  if (!(await verifyPassword(current, o.currentPassword))) throw wrongPassword();
  const hash = await hashPassword(o.newPassword);
  await inTenant(deps.db.kysely, ctx.tenantId, async (tx) => {
    await repo.updateUser(tx, id, { password_hash: hash, failed_logins: 0, locked_until: null });
    await repo.deleteSessions(tx, id, o.currentSessionId);
    await recordChange(tx, ctx, { action: 'password_changed', objectType: 'user', objectId: id, ...PASSWORD_CHANGE });
  });
}
