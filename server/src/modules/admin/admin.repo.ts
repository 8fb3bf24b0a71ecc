import { sql } from 'kysely';
import type { Tx } from '#db/tx.ts';

export type LockName = 'admins' | 'teams';

/**
 * Serialises changes that must see each other within a tenant (the last-admin rule, the team
 * tree) without locking whole tables; released at commit.
 */
export async function lockTenant(tx: Tx, name: LockName): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtextextended(${`kehu.${name}:`} || current_setting('app.tenant'), 0))`.execute(tx);
}

/** Active users holding at least one administrator role. */
export async function countActiveAdmins(tx: Tx): Promise<number> {
  const row = await tx
    .selectFrom('users')
    .where('users.is_active', '=', true)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('user_roles')
          .innerJoin('roles', (j) => j.onRef('roles.tenant_id', '=', 'user_roles.tenant_id').onRef('roles.id', '=', 'user_roles.role_id'))
          .whereRef('user_roles.user_id', '=', 'users.id')
          .whereRef('user_roles.tenant_id', '=', 'users.tenant_id')
          .where('roles.is_admin', '=', true)
          .select(sql`1`.as('one')),
      ),
    )
    .select(sql<number>`count(*)`.as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
