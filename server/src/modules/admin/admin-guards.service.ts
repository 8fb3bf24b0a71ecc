import type { Tx } from '#db/tx.ts';
import type { RequestContext } from '#platform/context.ts';
import { forbidden, lastAdmin, unauthorized } from './admin.errors.ts';
import { countActiveAdmins } from './admin.repo.ts';

/**
 * Writes to users, teams, roles and other people's tokens are for administrators only: a role
 * that could edit roles could make its holder an administrator.
 */
export function requireAdmin(ctx: RequestContext): string {
  if (!ctx.access.isAdmin || !ctx.userId) throw forbidden();
  return ctx.userId;
}

/** The signed-in user's id; every admin route runs authenticated, so its absence is a 401. */
export function requireUser(ctx: RequestContext): string {
  if (!ctx.userId) throw unauthorized();
  return ctx.userId;
}

/** Run after a change in the same transaction (under lockTenant 'admins'): rolls it back if no active admin is left. */
export async function assertAdminRemains(tx: Tx): Promise<void> {
  if ((await countActiveAdmins(tx)) === 0) throw lastAdmin();
}
