import { sql } from 'kysely';
import type { Tx } from '#db/tx.ts';

export const activeUsers = (tx: Tx, ids: readonly string[]) =>
  ids.length
    ? tx
        .selectFrom('users')
        .select(['id', 'name'])
        .where('id', 'in', [...ids])
        .where('is_active', '=', true)
        .execute()
    : Promise.resolve([]);

export const rolesExist = (tx: Tx, ids: readonly string[]) =>
  ids.length
    ? tx
        .selectFrom('roles')
        .select('id')
        .where('id', 'in', [...ids])
        .execute()
    : Promise.resolve([]);

/** Active users holding the role. */
export async function roleMembers(tx: Tx, roleId: string): Promise<string[]> {
  const rows = await tx
    .selectFrom('user_roles')
    .innerJoin('users', (j) => j.onRef('users.tenant_id', '=', 'user_roles.tenant_id').onRef('users.id', '=', 'user_roles.user_id'))
    .select('users.id')
    .where('user_roles.role_id', '=', roleId)
    .where('users.is_active', '=', true)
    .orderBy('users.id')
    .execute();
  return rows.map((r) => r.id);
}

/**
 * The managers above a user, nearest first: the manager of the user's team (unless it is the user),
 * then of each parent team, skipping teams without one and repeats; inactive managers are passed over.
 */
export async function managersAbove(tx: Tx, userId: string): Promise<string[]> {
  const { rows } = await sql<{ manager_id: string }>`
    with recursive up as (
      select t.id, t.parent_id, t.manager_id, 0 as depth from teams t join users u on u.tenant_id = t.tenant_id and u.team_id = t.id where u.id = ${userId}
      union all
      select t.id, t.parent_id, t.manager_id, up.depth + 1 from teams t join up on t.id = up.parent_id where up.depth < 20
    )
    select up.manager_id from up join users m on m.id = up.manager_id and m.is_active
    where up.manager_id is not null and up.manager_id <> ${userId}
    order by up.depth`.execute(tx);
  return [...new Set(rows.map((r) => r.manager_id))];
}

/** Active administrators, the fallback when a step names nobody who can act. */
export async function adminIds(tx: Tx): Promise<string[]> {
  const rows = await tx
    .selectFrom('user_roles')
    .innerJoin('roles', (j) => j.onRef('roles.tenant_id', '=', 'user_roles.tenant_id').onRef('roles.id', '=', 'user_roles.role_id'))
    .innerJoin('users', (j) => j.onRef('users.tenant_id', '=', 'user_roles.tenant_id').onRef('users.id', '=', 'user_roles.user_id'))
    .select('users.id')
    .distinct()
    .where('roles.is_admin', '=', true)
    .where('users.is_active', '=', true)
    .orderBy('users.id')
    .execute();
  return rows.map((r) => r.id);
}

export const userNames = (tx: Tx, ids: readonly string[]) =>
  ids.length
    ? tx
        .selectFrom('users')
        .select(['id', 'name'])
        .where('id', 'in', [...new Set(ids)])
        .execute()
    : Promise.resolve([]);

/** The first administrator role (the demo's "director" step). */
export async function adminRoleId(tx: Tx): Promise<string | null> {
  const row = await tx.selectFrom('roles').select('id').where('is_admin', '=', true).orderBy('created_at').executeTakeFirst();
  return row?.id ?? null;
}
