import { inTenant, type Tx } from '#db/tx.ts';
import { requireAccess, scopeOf } from '#platform/access/access.ts';
import type { RequestContext } from '#platform/context.ts';
import type { Deps } from '#platform/deps.ts';
import { notFound } from '#platform/errors/app-error.ts';
import { recordChange } from '#platform/events/record-change.ts';
import { newId } from '#platform/ids.ts';
import { claimsToday, heldCount } from './moves.repo.ts';
import { poolErrors } from './pool.errors.ts';
import type { TCreatePoolRequest, TPool, TUpdatePoolRequest } from './pool.schema.ts';
import { poolTarget } from './pool-targets.definition.ts';
import * as repo from './pools.repo.ts';

const COLUMNS: Record<string, string> = {
  name: 'name',
  description: 'description',
  position: 'position',
  recycleEnabled: 'recycle_enabled',
  followupDays: 'followup_days',
  dealDays: 'deal_days',
  remindDays: 'remind_days',
  maxHeld: 'max_held',
  maxClaimsPerDay: 'max_claims_per_day',
  reclaimCooldownDays: 'reclaim_cooldown_days',
};

/**
 * Pools the caller sees; everyone with `pool:read` sees the ones given to their teams, admins all,
 * and only pools of objects the caller may read (a rep without contacts sees no contact pool).
 */
export async function visiblePools(o: { tx: Tx; ctx: RequestContext; ids?: string[] }): Promise<repo.PoolRow[]> {
  const { tx, ctx, ids } = o;
  const scope = requireAccess(ctx.access, 'pool', 'read');
  const manages = scopeOf(ctx.access, 'pool', 'update') !== 'none';
  const rows = await repo.listPools(tx, { userId: ctx.userId, all: ctx.access.isAdmin || (manages && scope === 'all'), ...(ids ? { ids } : {}) });
  return rows.filter((r) => scopeOf(ctx.access, r.object, 'read') !== 'none');
}

/** A pool the caller sees, or 404 as if it did not exist. */
export async function visiblePool(o: { tx: Tx; ctx: RequestContext; id: string }): Promise<repo.PoolRow> {
  const [pool] = await visiblePools({ tx: o.tx, ctx: o.ctx, ids: [o.id] });
  if (!pool) throw notFound('pool');
  return pool;
}

type Standing = { held: number; claimsToday: number };

/** The caller's held records and today's claims per object of the pools shown. */
async function standings(tx: Tx, deps: Deps, ctx: RequestContext, objects: string[]): Promise<Map<string, Standing>> {
  const userId = ctx.userId;
  const result = new Map<string, Standing>();
  for (const object of new Set(objects)) {
    if (!userId) {
      result.set(object, { held: 0, claimsToday: 0 });
      continue;
    }
    const target = poolTarget(deps.objects, object);
    const held = await heldCount(tx, { target, userId });
    const today = (await claimsToday(tx, { object, userIds: [userId], now: new Date() })).get(userId) ?? 0;
    result.set(object, { held, claimsToday: today });
  }
  return result;
}

async function present(tx: Tx, deps: Deps, ctx: RequestContext, rows: repo.PoolRow[]): Promise<TPool[]> {
  const ids = rows.map((r) => r.id);
  const teams = await repo.poolTeams(tx, ids);
  const counts = await repo.customerCounts(tx, ids);
  const mineByObject = await standings(
    tx,
    deps,
    ctx,
    rows.map((r) => r.object),
  );
  return rows.map((r) => {
    const mine = teams.filter((t) => t.pool_id === r.id);
    return {
      id: r.id,
      object: r.object,
      name: r.name,
      description: r.description,
      position: r.position,
      teamIds: mine.map((t) => t.team_id),
      teams: mine.map((t) => ({ id: t.team_id, name: t.name })),
      recycleEnabled: r.recycle_enabled,
      followupDays: r.followup_days,
      dealDays: r.deal_days,
      remindDays: r.remind_days,
      maxHeld: r.max_held,
      maxClaimsPerDay: r.max_claims_per_day,
      reclaimCooldownDays: r.reclaim_cooldown_days,
      customerCount: counts.get(r.id) ?? 0,
      mine: mineByObject.get(r.object) ?? { held: 0, claimsToday: 0 },
      version: r.version,
      createdAt: r.created_at.toISOString(),
      updatedAt: r.updated_at.toISOString(),
    };
  });
}

type ServiceOptions = { deps: Deps; ctx: RequestContext };

export async function listPools({ deps, ctx }: ServiceOptions): Promise<TPool[]> {
  return inTenant(deps.db.kysely, ctx.tenantId, async (tx) => present(tx, deps, ctx, await visiblePools({ tx, ctx })));
}

export async function getPool({ deps, ctx, id }: ServiceOptions & { id: string }): Promise<TPool> {
  return inTenant(deps.db.kysely, ctx.tenantId, async (tx) => (await present(tx, deps, ctx, [await visiblePool({ tx, ctx, id })]))[0] as TPool);
}

const toColumns = (input: Partial<TCreatePoolRequest>) =>
  Object.fromEntries(Object.entries(COLUMNS).flatMap(([field, col]) => (field in input ? [[col, input[field as keyof TCreatePoolRequest]]] : [])));

async function checkInput(tx: Tx, input: TUpdatePoolRequest, exceptId: string | null) {
  if (input.name !== undefined && (await repo.poolNameTaken(tx, input.name, exceptId))) throw poolErrors.nameTaken();
  if (input.teamIds) {
    const unique = [...new Set(input.teamIds)];
    if ((await repo.existingTeamIds(tx, unique)).length !== unique.length) throw poolErrors.unknownTeam();
    input.teamIds = unique;
  }
}

export async function createPool({ deps, ctx, input }: ServiceOptions & { input: TCreatePoolRequest }): Promise<TPool> {
  requireAccess(ctx.access, 'pool', 'create');
  const target = poolTarget(deps.objects, input.object);
  return inTenant(deps.db.kysely, ctx.tenantId, async (tx) => {
    await checkInput(tx, input, null);
    const row = await repo.insertPool(tx, {
      ...toColumns(input),
      object: target.object,
      tenant_id: ctx.tenantId,
      id: newId(),
      created_by: ctx.userId,
      updated_by: ctx.userId,
    });
    await repo.replacePoolTeams(tx, { tenantId: ctx.tenantId, poolId: row.id, teamIds: input.teamIds });
    const [after] = await present(tx, deps, ctx, [row]);
    await recordChange(tx, ctx, { action: 'created', objectType: 'pool', objectId: row.id, after: strip(after) });
    return after as TPool;
  });
}

/** The audited view: what the pool is, not the caller's standing or counts. */
const strip = (p: TPool | undefined) => {
  if (!p) return null;
  const { mine: _m, customerCount: _c, teams: _t, ...rest } = p;
  return rest;
};

/** `version` from If-Match: a stale one is refused (412); absent, the last write wins. */
export async function updatePool(o: ServiceOptions & { id: string; input: TUpdatePoolRequest; version: number | undefined }): Promise<TPool> {
  const { deps, ctx, id, input, version } = o;
  requireAccess(ctx.access, 'pool', 'update');
  return inTenant(deps.db.kysely, ctx.tenantId, async (tx) => {
    const row = await repo.findPool(tx, id, true);
    if (!row) throw notFound('pool');
    if (version !== undefined && version !== row.version) throw poolErrors.stale(version, row.version);
    await checkInput(tx, input, id);
    const [before] = await present(tx, deps, ctx, [row]);
    const updated = await repo.updatePool(tx, id, { ...toColumns(input), updated_by: ctx.userId }, row.version);
    if (!updated) throw poolErrors.stale(row.version, row.version + 1);
    if (input.teamIds) await repo.replacePoolTeams(tx, { tenantId: ctx.tenantId, poolId: id, teamIds: input.teamIds });
    const [after] = await present(tx, deps, ctx, [updated]);
    await recordChange(tx, ctx, { action: 'updated', objectType: 'pool', objectId: id, before: strip(before), after: strip(after) });
    return after as TPool;
  });
}

/** Deletes an empty pool (soft); a pool with customers is refused so none is stranded. */
export async function deletePool({ deps, ctx, id }: ServiceOptions & { id: string }): Promise<void> {
  requireAccess(ctx.access, 'pool', 'delete');
  await inTenant(deps.db.kysely, ctx.tenantId, async (tx) => {
    const row = await repo.findPool(tx, id, true);
    if (!row) throw notFound('pool');
    const count = (await repo.customerCounts(tx, [id])).get(id) ?? 0;
    if (count > 0) throw poolErrors.notEmpty(count);
    await repo.updatePool(tx, id, { deleted_at: new Date(), updated_by: ctx.userId }, row.version);
    await repo.replacePoolTeams(tx, { tenantId: ctx.tenantId, poolId: id, teamIds: [] });
    await recordChange(tx, ctx, {
      action: 'deleted',
      objectType: 'pool',
      objectId: id,
      before: { name: row.name },
      after: { deletedAt: new Date().toISOString() },
    });
  });
}

/** A pool as a caller outside the module may know it (a workflow rule checking its "move to the public pool" action). */
export async function poolOf(tx: Tx, id: string): Promise<{ id: string; object: string; name: string } | undefined> {
  const row = await repo.findPool(tx, id);
  return row && { id: row.id, object: row.object, name: row.name };
}
