import { type Insertable, type SqlBool, sql, type Updateable } from 'kysely';
import type { Users } from '#db/schema.ts';
import type { Tx } from '#db/tx.ts';
import { type Catalog, column } from '#platform/query/catalog.ts';
import { cursorColumns, orderBy } from '#platform/query/sort.ts';
import type { ListPlan } from './list-page.mapper.ts';

// The password hash never leaves this file except through passwordHashOf.
const COLUMNS = [
  'id',
  'email',
  'name',
  'team_id',
  'locale',
  'timezone',
  'is_active',
  'last_login_at',
  'locked_until',
  'created_at',
  'updated_at',
  'version',
] as const;

export const USER_CATALOG: Catalog = {
  email: { ...column('email', 'text', { nullable: false }), expr: sql`cast(email as text)` },
  name: column('name', 'text', { nullable: false }),
  teamId: column('team_id', 'uuid'),
  roleIds: {
    type: 'tags',
    expr: sql`array(select cast(ur.role_id as text) from user_roles ur where ur.tenant_id = users.tenant_id and ur.user_id = users.id)`,
    nullable: true,
    sortable: false,
  },
  isActive: column('is_active', 'boolean', { nullable: false }),
  locale: column('locale', 'text'),
  lastLoginAt: column('last_login_at', 'datetime'),
  createdAt: column('created_at', 'datetime', { nullable: false }),
  updatedAt: column('updated_at', 'datetime', { nullable: false }),
};

export type ListUsersOptions = { plan: ListPlan; q: string | undefined; onlyIds: string[] | null };

export async function listUsers(tx: Tx, { plan, q, onlyIds }: ListUsersOptions) {
  let query = tx.selectFrom('users').select(COLUMNS).select(cursorColumns(plan.keys));
  if (plan.where) query = query.where(plan.where);
  if (plan.after) query = query.where(plan.after);
  if (onlyIds) query = onlyIds.length ? query.where('id', 'in', onlyIds) : query.where(sql<SqlBool>`false`);
  if (q) {
    const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) => eb.or([eb('name', 'ilike', like), eb(sql`cast(email as text)`, 'ilike', like)]));
  }
  return query
    .orderBy(orderBy(plan.keys))
    .limit(plan.limit + 1)
    .execute();
}

export const findUser = (tx: Tx, id: string, forUpdate = false) => {
  const query = tx.selectFrom('users').select(COLUMNS).where('id', '=', id);
  return (forUpdate ? query.forUpdate() : query).executeTakeFirst();
};
export type UserRow = NonNullable<Awaited<ReturnType<typeof findUser>>>;

export const emailTaken = async (tx: Tx, email: string, exceptId?: string) => {
  let query = tx.selectFrom('users').select('id').where('email', '=', email);
  if (exceptId) query = query.where('id', '<>', exceptId);
  return !!(await query.executeTakeFirst());
};

export const passwordHashOf = async (tx: Tx, id: string) =>
  (await tx.selectFrom('users').select('password_hash').where('id', '=', id).executeTakeFirst())?.password_hash ?? null;

export const insertUser = (tx: Tx, values: Insertable<Users>) => tx.insertInto('users').values(values).execute();

/** Every change bumps the version, so role and team changes invalidate cached ETags too. */
export async function updateUser(tx: Tx, id: string, values: Updateable<Users>): Promise<void> {
  await tx
    .updateTable('users')
    .set({ ...values, updated_at: sql`now()`, version: sql`version + 1` })
    .where('id', '=', id)
    .execute();
}

export async function roleIdsOf(tx: Tx, userIds: readonly string[]): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>();
  if (userIds.length === 0) return map;
  const rows = await tx.selectFrom('user_roles').select(['user_id', 'role_id']).where('user_id', 'in', userIds).orderBy('role_id').execute();
  for (const row of rows) map.set(row.user_id, [...(map.get(row.user_id) ?? []), row.role_id]);
  return map;
}

export async function setUserRoles(tx: Tx, tenantId: string, userId: string, roleIds: readonly string[]): Promise<void> {
  await tx.deleteFrom('user_roles').where('user_id', '=', userId).execute();
  if (roleIds.length === 0) return;
  await tx
    .insertInto('user_roles')
    .values(roleIds.map((roleId) => ({ tenant_id: tenantId, user_id: userId, role_id: roleId })))
    .execute();
}

/** Ends the user's web sessions, except the one making the request when it is given. */
export async function deleteSessions(tx: Tx, userId: string, keepSessionId?: string): Promise<void> {
  let query = tx.deleteFrom('sessions').where('user_id', '=', userId);
  if (keepSessionId) query = query.where('id', '<>', keepSessionId);
  await query.execute();
}
