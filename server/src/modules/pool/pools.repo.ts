import { sql } from 'kysely';
import type { Tx } from '#db/tx.ts';
import type { Pools } from '#db/schema.ts';
import type { Selectable } from 'kysely';

export type PoolRow = Selectable<Pools>;
export type PoolTeamRow = { pool_id: string; team_id: string; name: string };

/** The user's team and every team above it: a pool given to a team is seen by its sub-teams. */
const myTeams = (userId: string) => sql`(
  with recursive up(id) as (
    select team_id from users where id = ${userId} and team_id is not null
    union select t.parent_id from teams t join up on t.id = up.id where t.parent_id is not null
  ) select id from up)`;

/**
 * Live pools the user may see: those without teams (everyone's) and those given to one of the
 * user's teams or a team above it. `all` (admins) skips the team check.
 */
export async function listPools(tx: Tx, o: { userId: string | null; all: boolean; ids?: string[] }): Promise<PoolRow[]> {
  let q = tx.selectFrom('pools').selectAll().where('deleted_at', 'is', null);
  if (o.ids) q = q.where('id', '=', sql<string>`any(${sql`cast(${o.ids} as uuid[])`})`);
  if (!o.all) {
    const userId = o.userId ?? '00000000-0000-0000-0000-000000000000';
    q = q.where(
      sql<boolean>`(not exists (select 1 from pool_teams pt where pt.pool_id = pools.id)
        or exists (select 1 from pool_teams pt where pt.pool_id = pools.id and pt.team_id in ${myTeams(userId)}))`,
    );
  }
  return q.orderBy('position').orderBy('created_at').execute();
}

export async function findPool(tx: Tx, id: string, forUpdate = false): Promise<PoolRow | undefined> {
  let q = tx.selectFrom('pools').selectAll().where('id', '=', id).where('deleted_at', 'is', null);
  if (forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function poolTeams(tx: Tx, poolIds: string[]): Promise<PoolTeamRow[]> {
  if (!poolIds.length) return [];
  return tx
    .selectFrom('pool_teams as pt')
    .innerJoin('teams as t', (j) => j.onRef('t.tenant_id', '=', 'pt.tenant_id').onRef('t.id', '=', 'pt.team_id'))
    .select(['pt.pool_id', 'pt.team_id', 't.name'])
    .where('pt.pool_id', 'in', poolIds)
    .orderBy('t.name')
    .execute();
}

export async function replacePoolTeams(tx: Tx, o: { tenantId: string; poolId: string; teamIds: string[] }): Promise<void> {
  await tx.deleteFrom('pool_teams').where('pool_id', '=', o.poolId).execute();
  if (!o.teamIds.length) return;
  await tx
    .insertInto('pool_teams')
    .values(o.teamIds.map((team_id) => ({ tenant_id: o.tenantId, pool_id: o.poolId, team_id })))
    .execute();
}

export async function existingTeamIds(tx: Tx, ids: string[]): Promise<string[]> {
  if (!ids.length) return [];
  return (await tx.selectFrom('teams').select('id').where('id', 'in', ids).execute()).map((r) => r.id);
}

export async function poolNameTaken(tx: Tx, name: string, exceptId: string | null): Promise<boolean> {
  let q = tx.selectFrom('pools').select('id').where(sql<boolean>`lower(name) = lower(${name})`).where('deleted_at', 'is', null);
  if (exceptId) q = q.where('id', '<>', exceptId);
  return (await q.executeTakeFirst()) !== undefined;
}

export async function insertPool(tx: Tx, values: Record<string, unknown>): Promise<PoolRow> {
  return tx
    .insertInto('pools')
    .values(values as never)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Optimistic update: undefined when the version moved on. */
export async function updatePool(tx: Tx, id: string, values: Record<string, unknown>, version: number): Promise<PoolRow | undefined> {
  return tx
    .updateTable('pools')
    .set({ ...values, updated_at: new Date(), version: sql`version + 1` } as never)
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

/** Customers in each pool (one grouped index scan). */
export async function customerCounts(tx: Tx, poolIds: string[]): Promise<Map<string, number>> {
  if (!poolIds.length) return new Map();
  const rows = await tx
    .selectFrom('pool_customers')
    .select(['pool_id', sql<string>`count(*)`.as('n')])
    .where('pool_id', 'in', poolIds)
    .groupBy('pool_id')
    .execute();
  return new Map(rows.map((r) => [r.pool_id as string, Number(r.n)]));
}

/** Whether a user (not necessarily the caller) sees the pool: for assignment targets. */
export async function userSeesPool(tx: Tx, o: { userId: string; poolId: string }): Promise<boolean> {
  const { rows } = await sql<{ ok: boolean }>`
    select (not exists (select 1 from pool_teams pt where pt.pool_id = ${o.poolId})
      or exists (select 1 from pool_teams pt where pt.pool_id = ${o.poolId} and pt.team_id in ${myTeams(o.userId)})) as ok`.execute(tx);
  return rows[0]?.ok === true;
}
