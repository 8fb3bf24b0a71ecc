import { inTenant, type Tx } from '#db/tx.ts';
import { mayTouch, requireAccess, scopeOf } from '#platform/access/access.ts';
import { writeAudit } from '#platform/audit/audit.ts';
import type { RequestContext } from '#platform/context.ts';
import type { Deps } from '#platform/deps.ts';
import { type AppError, notFound } from '#platform/errors/app-error.ts';
import { emitEvent } from '#platform/events/outbox.ts';
import { loadVisible } from '#platform/records/record-service.ts';
import * as repo from './moves.repo.ts';
import { poolErrors } from './pool.errors.ts';
import type { TLockResult, TPoolMove } from './pool.schema.ts';
import { type PoolTarget, poolTarget } from './pool-targets.definition.ts';
import { userSeesPool } from './pools.repo.ts';
import { visiblePool } from './pools.service.ts';

type MoveLog = { action: string; object: string; recordId: string; changes: Record<string, { from: unknown; to: unknown }>; payload: Record<string, unknown> };

/** The record's audit entry (its timeline shows it) and the `<object>.<action>` event. */
async function logMove(tx: Tx, ctx: RequestContext, o: MoveLog): Promise<void> {
  await writeAudit(tx, ctx, { action: o.action, objectType: o.object, objectId: o.recordId, changes: o.changes });
  await emitEvent(tx, ctx, { type: `${o.object}.${o.action}`, objectType: o.object, objectId: o.recordId, payload: o.payload });
}

/** Why a record is not claimable from the pool: gone (404), someone took it, or not in this pool. */
async function refusal(tx: Tx, target: PoolTarget, recordId: string): Promise<AppError> {
  const where = await repo.whereIs(tx, { target, recordId });
  if (!where) return notFound(target.object);
  if (where.owner_id && where.owner_name) return poolErrors.claimedBy(where.owner_name);
  return poolErrors.notInPool();
}

/** A move's answer; `companyId` stays for the clients of company pools. */
const moveResult = (o: { object: string; recordId: string; poolId: string; ownerId: string | null; at: Date }): TPoolMove => ({
  object: o.object,
  recordId: o.recordId,
  companyId: o.object === 'company' ? o.recordId : null,
  poolId: o.poolId,
  ownerId: o.ownerId,
  at: o.at.toISOString(),
});

export type ClaimOptions = { deps: Deps; ctx: RequestContext; poolId: string; recordId: string };

/**
 * 领取: the caller takes a record from a pool they see. The pool row is locked first, so of two
 * simultaneous claims one wins and the other is told who won (409); limits are counted under a
 * per-user lock so parallel claims by one user cannot pass a limit together. Held and per-day
 * limits count records of the pool's object.
 */
export async function claim(o: ClaimOptions): Promise<TPoolMove> {
  const { deps, ctx } = o;
  const userId = ctx.userId;
  return inTenant(deps.db.kysely, ctx.tenantId, async (tx) => {
    const pool = await visiblePool({ tx, ctx, id: o.poolId });
    requireAccess(ctx.access, pool.object, 'update');
    if (!userId) throw poolErrors.noUser();
    const target = poolTarget(deps.objects, pool.object);
    await repo.lockUser(tx, { tenantId: ctx.tenantId, userId });
    const state = await repo.lockInPool(tx, { target, recordId: o.recordId, poolId: pool.id });
    if (!state) throw await refusal(tx, target, o.recordId);
    const now = new Date();
    if (state.previous_owner_id === userId && state.released_at && pool.reclaim_cooldown_days > 0) {
      const until = new Date(state.released_at.getTime() + pool.reclaim_cooldown_days * 86_400_000);
      if (until > now) throw poolErrors.cooldown(until);
    }
    if (pool.max_held !== null) {
      const held = await repo.heldCount(tx, { target, userId });
      if (held >= pool.max_held) throw poolErrors.heldLimit(held, pool.max_held);
    }
    if (pool.max_claims_per_day !== null) {
      const count = (await repo.claimsToday(tx, { object: pool.object, userIds: [userId], now })).get(userId) ?? 0;
      if (count >= pool.max_claims_per_day) throw poolErrors.dailyLimit(count, pool.max_claims_per_day);
    }
    const followers = await repo.takeFromPool(tx, {
      tenantId: ctx.tenantId,
      target,
      recordId: o.recordId,
      poolId: pool.id,
      ownerId: userId,
      actorId: userId,
      claim: true,
    });
    await logMove(tx, ctx, {
      action: 'pool_claimed',
      object: target.object,
      recordId: o.recordId,
      changes: { ownerId: { from: null, to: userId }, poolId: { from: pool.id, to: null } },
      payload: { poolId: pool.id, ownerId: userId, ...followers },
    });
    return moveResult({ object: target.object, recordId: o.recordId, poolId: pool.id, ownerId: userId, at: now });
  });
}

export type AssignOptions = ClaimOptions & { userId: string };

/** 分配: a manager gives a record from the pool to someone in their team scope who sees the pool. */
export async function assign(o: AssignOptions): Promise<TPoolMove> {
  const { deps, ctx } = o;
  return inTenant(deps.db.kysely, ctx.tenantId, async (tx) => {
    const pool = await visiblePool({ tx, ctx, id: o.poolId });
    const scope = scopeOf(ctx.access, pool.object, 'update');
    if (scope !== 'team' && scope !== 'all') throw poolErrors.notManager();
    const target = poolTarget(deps.objects, pool.object);
    const assignee = await repo.activeUser(tx, o.userId);
    if (!assignee || !mayTouch(ctx.access, scope, o.userId)) throw poolErrors.invalidUser();
    if (!(await userSeesPool(tx, { userId: o.userId, poolId: pool.id })) && !assignee.is_admin) throw poolErrors.badAssignee();
    await repo.lockUser(tx, { tenantId: ctx.tenantId, userId: o.userId });
    const state = await repo.lockInPool(tx, { target, recordId: o.recordId, poolId: pool.id });
    if (!state) throw await refusal(tx, target, o.recordId);
    if (pool.max_held !== null) {
      const held = await repo.heldCount(tx, { target, userId: o.userId });
      if (held >= pool.max_held) throw poolErrors.assigneeHeldLimit(assignee.name, held, pool.max_held);
    }
    const followers = await repo.takeFromPool(tx, {
      tenantId: ctx.tenantId,
      target,
      recordId: o.recordId,
      poolId: pool.id,
      ownerId: o.userId,
      actorId: ctx.userId,
      claim: false,
    });
    await logMove(tx, ctx, {
      action: 'pool_assigned',
      object: target.object,
      recordId: o.recordId,
      changes: { ownerId: { from: null, to: o.userId }, poolId: { from: pool.id, to: null } },
      payload: { poolId: pool.id, ownerId: o.userId, ...followers },
    });
    return moveResult({ object: target.object, recordId: o.recordId, poolId: pool.id, ownerId: o.userId, at: new Date() });
  });
}

export type ReturnOptions = { deps: Deps; ctx: RequestContext; object: string; recordId: string; reason: string; poolId?: string | undefined };

/** A record pooled on its own, loaded for `action`; a contact of a company is refused (it moves with the company). */
async function loadPoolable(tx: Tx, ctx: RequestContext, target: PoolTarget, recordId: string, action: 'read' | 'update') {
  const row = await loadVisible({ tx, ctx, def: target.definition, id: recordId, action });
  if (target.parentColumn && row[target.parentColumn]) throw poolErrors.followsParent();
  return row;
}

/**
 * 退回: the owner (or a manager over them) puts the record back, with a reason: into the pool
 * of its object they name if they see it, else into the owner's pool of that object. The
 * owner's followers (a company's contacts) go with it.
 */
export async function returnToPool(o: ReturnOptions): Promise<TPoolMove> {
  return inTenant(o.deps.db.kysely, o.ctx.tenantId, (tx) => returnToPoolInTx(tx, o));
}

/** 退回 in the caller's transaction, as `ctx`'s user (a workflow rule's "move to the public pool" action). */
export async function returnToPoolInTx(tx: Tx, o: ReturnOptions): Promise<TPoolMove> {
  const { deps, ctx } = o;
  const target = poolTarget(deps.objects, o.object);
  const reason = o.reason.trim();
  if (!reason) throw poolErrors.reasonRequired();
  const row = await loadPoolable(tx, ctx, target, o.recordId, 'update');
  const ownerId = row.owner_id as string | null;
  if (!ownerId) throw poolErrors.notOwned();
  let poolId: string | undefined;
  if (o.poolId) {
    const named = await visiblePool({ tx, ctx, id: o.poolId });
    if (named.object !== target.object) throw poolErrors.wrongObject();
    poolId = named.id;
  } else poolId = await repo.poolForOwner(tx, { userId: ownerId, object: target.object });
  if (!poolId) throw poolErrors.noPool();
  const kind = ownerId === ctx.userId ? 'returned' : 'released';
  const followers = await repo.putIntoPool(tx, {
    tenantId: ctx.tenantId,
    target,
    recordId: o.recordId,
    poolId,
    previousOwnerId: ownerId,
    actorId: ctx.userId,
    reason,
    kind,
  });
  await logMove(tx, ctx, {
    action: kind === 'returned' ? 'pool_returned' : 'pool_released',
    object: target.object,
    recordId: o.recordId,
    changes: { ownerId: { from: ownerId, to: null }, poolId: { from: null, to: poolId }, reason: { from: null, to: reason } },
    payload: { poolId, previousOwnerId: ownerId, reason, ...followers },
  });
  return moveResult({ object: target.object, recordId: o.recordId, poolId, ownerId: null, at: new Date() });
}

export type LockOptions = { deps: Deps; ctx: RequestContext; object: string; recordId: string; locked: boolean };

/** Locks a customer against recycling (managers over the owner, admins); unlocking lets the rules apply again. */
export async function setLock(o: LockOptions): Promise<TLockResult> {
  const { deps, ctx } = o;
  const target = poolTarget(deps.objects, o.object);
  const scope = scopeOf(ctx.access, target.object, 'update');
  if (scope !== 'team' && scope !== 'all') throw poolErrors.notManager();
  return inTenant(deps.db.kysely, ctx.tenantId, async (tx) => {
    await loadPoolable(tx, ctx, target, o.recordId, 'update');
    const key = { object: target.object, recordId: o.recordId };
    const before = await repo.poolStateOf(tx, key);
    if ((before?.locked ?? false) !== o.locked) {
      await repo.setLocked(tx, { tenantId: ctx.tenantId, ...key, locked: o.locked });
      await logMove(tx, ctx, {
        action: o.locked ? 'pool_locked' : 'pool_unlocked',
        ...key,
        changes: { locked: { from: !o.locked, to: o.locked } },
        payload: { locked: o.locked },
      });
    }
    return { ...key, companyId: target.object === 'company' ? o.recordId : null, locked: o.locked };
  });
}
