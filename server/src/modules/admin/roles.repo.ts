import { type Insertable, type Selectable, sql, type Updateable } from 'kysely';
import type { Roles } from '#db/schema.ts';
import type { Tx } from '#db/tx.ts';
import { type Catalog, column } from '#platform/query/catalog.ts';
import { cursorColumns, orderBy } from '#platform/query/sort.ts';
import type { ListPlan } from './list-page.mapper.ts';

export type RoleRow = Selectable<Roles> & { user_count: number };

export const ROLE_CATALOG: Catalog = {
  name: column('name', 'text', { nullable: false }),
  isAdmin: column('is_admin', 'boolean', { nullable: false }),
  createdAt: column('created_at', 'datetime', { nullable: false }),
  updatedAt: column('updated_at', 'datetime', { nullable: false }),
};

const userCount = sql<number>`(select count(*) from user_roles ur where ur.tenant_id = roles.tenant_id and ur.role_id = roles.id)`.as('user_count');

export async function listRoles(tx: Tx, plan: ListPlan, q: string | undefined) {
  let query = tx.selectFrom('roles').selectAll().select(userCount).select(cursorColumns(plan.keys));
  if (plan.where) query = query.where(plan.where);
  if (plan.after) query = query.where(plan.after);
  if (q) query = query.where('name', 'ilike', `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  return query
    .orderBy(orderBy(plan.keys))
    .limit(plan.limit + 1)
    .execute();
}

export const findRole = (tx: Tx, id: string, forUpdate = false) => {
  const query = tx.selectFrom('roles').selectAll().select(userCount).where('id', '=', id);
  return (forUpdate ? query.forUpdate() : query).executeTakeFirst();
};

export const findRoleByName = (tx: Tx, name: string) => tx.selectFrom('roles').select('id').where('name', '=', name).executeTakeFirst();

export async function insertRole(tx: Tx, values: Insertable<Roles>) {
  await tx.insertInto('roles').values(values).execute();
  return findRole(tx, values.id);
}

export async function updateRole(tx: Tx, id: string, values: Updateable<Roles>) {
  await tx
    .updateTable('roles')
    .set({ ...values, updated_at: sql`now()`, version: sql`version + 1` })
    .where('id', '=', id)
    .execute();
  return findRole(tx, id);
}

export const deleteRole = (tx: Tx, id: string) => tx.deleteFrom('roles').where('id', '=', id).execute();

/** The subset of `ids` that name roles of this tenant (RLS hides the others). */
export async function existingRoleIds(tx: Tx, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await tx.selectFrom('roles').select('id').where('id', 'in', ids).execute();
  return new Set(rows.map((r) => r.id));
}

/** Every role's name and grants, for read models that explain who may read what (records of processing). */
export const allRoleGrants = (tx: Tx) => tx.selectFrom('roles').select(['name', 'is_admin', 'permissions', 'field_permissions']).orderBy('name').execute();
