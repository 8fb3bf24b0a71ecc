import type { Tx } from '#db/tx.ts';
import * as repo from './users.repo.ts';
import type { TUser } from './users.schema.ts';

export function toUser(row: repo.UserRow, roleIds: string[]): TUser {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    teamId: row.team_id,
    roleIds,
    locale: row.locale as TUser['locale'],
    timezone: row.timezone,
    isActive: row.is_active,
    lastLoginAt: row.last_login_at?.toISOString() ?? null,
    lockedUntil: row.locked_until?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
  };
}

/** The user as the audit trail compares it: sign-in bookkeeping is not a change anyone made. */
export const auditedUser = ({ lastLoginAt: _l, lockedUntil: _u, ...user }: TUser) => user;

/** One user with their role ids, or undefined when the id is not in this tenant. */
export async function loadUser(tx: Tx, id: string, forUpdate = false): Promise<TUser | undefined> {
  const row = await repo.findUser(tx, id, forUpdate);
  if (!row) return undefined;
  const roles = await repo.roleIdsOf(tx, [id]);
  return toUser(row, roles.get(id) ?? []);
}
