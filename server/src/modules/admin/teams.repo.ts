import { type Insertable, type Selectable, sql, type Updateable } from 'kysely';
import type { Teams } from '#db/schema.ts';
import type { Tx } from '#db/tx.ts';
import { type Catalog, column } from '#platform/query/catalog.ts';
import { cursorColumns, orderBy } from '#platform/query/sort.ts';
import type { ListPlan } from './list-page.mapper.ts';

export type TeamRow = Selectable<Teams> & { member_count: number; child_count: number };

export const TEAM_CATALOG: Catalog = {
  name: column('name', 'text', { nullable: false }),
  parentId: column('parent_id', 'uuid'),
  createdAt: column('created_at', 'datetime', { nullable: false }),
  updatedAt: column('updated_at', 'datetime', { nullable: false }),
};

const counts = [
  sql<number>`(select count(*) from users u where u.tenant_id = teams.tenant_id and u.team_id = teams.id)`.as('member_count'),
  sql<number>`(select count(*) from teams c where c.tenant_id = teams.tenant_id and c.parent_id = teams.id)`.as('child_count'),
];

export async function listTeams(tx: Tx, plan: ListPlan, q: string | undefined) {
  let query = tx.selectFrom('teams').selectAll().select(counts).select(cursorColumns(plan.keys));
  if (plan.where) query = query.where(plan.where);
  if (plan.after) query = query.where(plan.after);
  if (q) query = query.where('name', 'ilike', `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  return query
    .orderBy(orderBy(plan.keys))
    .limit(plan.limit + 1)
    .execute();
}

export const findTeam = (tx: Tx, id: string, forUpdate = false) => {
  const query = tx.selectFrom('teams').selectAll().select(counts).where('id', '=', id);
  return (forUpdate ? query.forUpdate() : query).executeTakeFirst();
};

export const activeUserExists = async (tx: Tx, id: string) =>
  !!(await tx.selectFrom('users').select('id').where('id', '=', id).where('is_active', '=', true).executeTakeFirst());

export const teamExists = async (tx: Tx, id: string) => !!(await tx.selectFrom('teams').select('id').where('id', '=', id).executeTakeFirst());

export async function insertTeam(tx: Tx, values: Insertable<Teams>) {
  await tx.insertInto('teams').values(values).execute();
  return findTeam(tx, values.id);
}

export async function updateTeam(tx: Tx, id: string, values: Updateable<Teams>) {
  await tx
    .updateTable('teams')
    .set({ ...values, updated_at: sql`now()`, version: sql`version + 1` })
    .where('id', '=', id)
    .execute();
  return findTeam(tx, id);
}

export const deleteTeam = (tx: Tx, id: string) => tx.deleteFrom('teams').where('id', '=', id).execute();

/** The team and every team above it, to refuse a parent that would close a cycle. */
export async function ancestorsOf(tx: Tx, id: string): Promise<string[]> {
  const result = await sql<{ id: string }>`
    with recursive up as (
      select id, parent_id from teams where id = ${id}
      union
      select t.id, t.parent_id from teams t join up on t.id = up.parent_id
    )
    select id from up
  `.execute(tx);
  return result.rows.map((r) => r.id);
}
