import { companyDefinition } from '#modules/customers/index.ts';
import { inTenant, type Tx } from '#db/tx.ts';
import { mayTouch, requireAccess, scopeOf } from '#platform/access/access.ts';
import { writeAudit } from '#platform/audit/audit.ts';
import type { RequestContext } from '#platform/context.ts';
import type { Deps } from '#platform/deps.ts';
import { AppError, notFound } from '#platform/errors/app-error.ts';
import { emitEvent } from '#platform/events/outbox.ts';
import { loadVisible } from '#platform/records/record-service.ts';
import * as repo from './moves.repo.ts';
import { poolErrors } from './pool.errors.ts';
import type { TPoolMove } from './pool.schema.ts';
import { userSeesPool } from './pools.repo.ts';
import { visiblePool } from './pools.service.ts';

type MoveLog = { action: string; companyId: string; changes: Record<string, { from: unknown; to: unknown }>; payload: Record<string, unknown> };

/** The company's audit entry (its timeline shows it) and the `company.<action>` event. */
async function logMove(tx: Tx, ctx: RequestContext, o: MoveLog): Promise<void> {
  await writeAudit(tx, ctx, { action: o.action, objectType: 'company', objectId: o.companyId, changes: o.changes });
  await emitEvent(tx, ctx, { type: `company.${o.action}`, objectType: 'company', objectId: o.companyId, payload: o.payload });
}

/** Why a company is not claimable from the pool: gone (404), someone took it, or not in this pool. */
async function refusal(tx: Tx, companyId: string): Promise<AppError> {
  const where = await repo.whereIs(tx, companyId);
  if (!where) return notFound('company');
  if (where.owner_id && where.owner_name) return poolErrors.claimedBy(where.owner_name);
  return poolErrors.notInPool();
}

export type ClaimOptions = { deps: Deps; ctx: RequestContext; poolId: string; companyId: string };

/**
 * 领取: the caller takes a company from a pool they see. The pool row is locked first, so of two
 * simultaneous claims one wins and the other is told who won (409); limits are counted under a
 * per-user lock so parallel claims by one user cannot pass a limit together.
 */
export async function claim(o: ClaimOptions): Promise<TPoolMove> {
  const { deps, ctx } = o;
  requireAccess(ctx.access, 'company', 'update');
  const userId = ctx.userId;
  if (!userId) throw new AppError('forbidden');
  return inTenant(deps.db.kysely, ctx.tenantId, async (tx) => {
    const pool = await visiblePool(tx, ctx, o.poolId);
    await repo.lockUser(tx, { tenantId: ctx.tenantId, userId });
    const state = await repo.lockInPool(tx, { companyId: o.companyId, poolId: pool.id });
    if (!state) throw await refusal(tx, o.companyId);
    const now = new Date();
    if (state.previous_owner_id === userId && state.released_at && pool.reclaim_cooldown_days > 0) {
      const until = new Date(state.released_at.getTime() + pool.reclaim_cooldown_days * 86_400_000);
      if (until > now) throw poolErrors.cooldown(until);
    }
    if (pool.max_held !== null) {
      const held = await repo.heldCount(tx, userId);
      if (held >= pool.max_held) throw poolErrors.heldLimit(held, pool.max_held);
    }
    if (pool.max_claims_per_day !== null) {
      const count = (await repo.claimsToday(tx, { userIds: [userId], now })).get(userId) ?? 0;
      if (count >= pool.max_claims_per_day) throw poolErrors.dailyLimit(count, pool.max_claims_per_day);
    }
    const { contactIds } = await repo.takeFromPool(tx, {
      tenantId: ctx.tenantId,
      companyId: o.companyId,
      poolId: pool.id,
      ownerId: userId,
      actorId: userId,
      claim: true,
    });
    await logMove(tx, ctx, {
      action: 'pool_claimed',
      companyId: o.companyId,
      changes: { ownerId: { from: null, to: userId }, poolId: { from: pool.id, to: null } },
      payload: { poolId: pool.id, ownerId: userId, contactIds },
    });
    return { companyId: o.companyId, poolId: pool.id, ownerId: userId, at: now.toISOString() };
  });
}

export type AssignOptions = ClaimOptions & { userId: string };

/** 分配: a manager gives a company from the pool to someone in their team scope who sees the pool. */
export async function assign(o: AssignOptions): Promise<TPoolMove> {
  const { deps, ctx } = o;
  const scope = scopeOf(ctx.access, 'company', 'update');
  if (scope !== 'team' && scope !== 'all') throw new AppError('forbidden');
  return inTenant(deps.db.kysely, ctx.tenantId, async (tx) => {
    const pool = await visiblePool(tx, ctx, o.poolId);
    const assignee = await repo.activeUser(tx, o.userId);
    if (!assignee || !mayTouch(ctx.access, scope, o.userId))
      throw new AppError('validation', { errors: [{ field: 'userId', message: 'fields.invalid_user' }] });
    if (!(await userSeesPool(tx, { userId: o.userId, poolId: pool.id })) && !assignee.is_admin) throw poolErrors.badAssignee();
    await repo.lockUser(tx, { tenantId: ctx.tenantId, userId: o.userId });
    const state = await repo.lockInPool(tx, { companyId: o.companyId, poolId: pool.id });
    if (!state) throw await refusal(tx, o.companyId);
    if (pool.max_held !== null) {
      const held = await repo.heldCount(tx, o.userId);
      if (held >= pool.max_held) throw poolErrors.assigneeHeldLimit(assignee.name, held, pool.max_held);
    }
    const { contactIds } = await repo.takeFromPool(tx, {
      tenantId: ctx.tenantId,
      companyId: o.companyId,
      poolId: pool.id,
      ownerId: o.userId,
      actorId: ctx.userId,
      claim: false,
    });
    await logMove(tx, ctx, {
      action: 'pool_assigned',
      companyId: o.companyId,
      changes: { ownerId: { from: null, to: o.userId }, poolId: { from: pool.id, to: null } },
      payload: { poolId: pool.id, ownerId: o.userId, contactIds },
    });
    return { companyId: o.companyId, poolId: pool.id, ownerId: o.userId, at: new Date().toISOString() };
  });
}

export type ReturnOptions = { deps: Deps; ctx: RequestContext; companyId: string; reason: string; poolId?: string | undefined };

/**
 * 退回: the owner (or a manager over them) puts the company back, with a reason: into the pool
 * they name if they see it, else into the owner's pool. The owner's contacts there go with it.
 */
export async function returnToPool(o: ReturnOptions): Promise<TPoolMove> {
  const { deps, ctx } = o;
  const reason = o.reason.trim();
  if (!reason) throw poolErrors.reasonRequired();
  return inTenant(deps.db.kysely, ctx.tenantId, async (tx) => {
    const row = await loadVisible(tx, ctx, companyDefinition, o.companyId, 'update');
    const ownerId = row.owner_id;
    if (!ownerId) throw poolErrors.notOwned();
    const poolId = o.poolId ? (await visiblePool(tx, ctx, o.poolId)).id : await repo.poolForOwner(tx, ownerId);
    if (!poolId) throw poolErrors.noPool();
    const kind = ownerId === ctx.userId ? 'returned' : 'released';
    const { contactIds } = await repo.putIntoPool(tx, {
      tenantId: ctx.tenantId,
      companyId: row.id,
      poolId,
      previousOwnerId: ownerId,
      actorId: ctx.userId,
      reason,
      kind,
    });
    await logMove(tx, ctx, {
      action: kind === 'returned' ? 'pool_returned' : 'pool_released',
      companyId: row.id,
      changes: { ownerId: { from: ownerId, to: null }, poolId: { from: null, to: poolId }, reason: { from: null, to: reason } },
      payload: { poolId, previousOwnerId: ownerId, reason, contactIds },
    });
    return { companyId: row.id, poolId, ownerId: null, at: new Date().toISOString() };
  });
}

export type LockOptions = { deps: Deps; ctx: RequestContext; companyId: string; locked: boolean };

/** Locks a customer against recycling (managers over the owner, admins); unlocking lets the rules apply again. */
export async function setLock(o: LockOptions): Promise<{ companyId: string; locked: boolean }> {
  const { deps, ctx } = o;
  const scope = scopeOf(ctx.access, 'company', 'update');
  if (scope !== 'team' && scope !== 'all') throw new AppError('forbidden');
  return inTenant(deps.db.kysely, ctx.tenantId, async (tx) => {
    const row = await loadVisible(tx, ctx, companyDefinition, o.companyId, 'update');
    const before = await repo.poolStateOf(tx, row.id);
    if ((before?.locked ?? false) !== o.locked) {
      await repo.setLocked(tx, { tenantId: ctx.tenantId, companyId: row.id, locked: o.locked });
      await logMove(tx, ctx, {
        action: o.locked ? 'pool_locked' : 'pool_unlocked',
        companyId: row.id,
        changes: { locked: { from: !o.locked, to: o.locked } },
        payload: { locked: o.locked },
      });
    }
    return { companyId: row.id, locked: o.locked };
  });
}
