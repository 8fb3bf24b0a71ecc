import { inTenant } from '#db/tx.ts';
import { mayTouch, requireAccess } from '#platform/access/access.ts';
import type { RequestContext } from '#platform/context.ts';
import type { Deps } from '#platform/deps.ts';
import { AppError } from '#platform/errors/app-error.ts';
import { loadRelated } from '#platform/records/related.repo.ts';
import type { TExpiringCustomer } from './pool.schema.ts';
import { expiringFor } from './recycle.repo.ts';

export type ExpiringOptions = { deps: Deps; ctx: RequestContext; days: number; ownerId?: string | undefined; limit: number; now?: Date };

/** 即将收回: the owner's customers the pool rules take back within `days` (overdue first), with why. */
export async function expiringCustomers(o: ExpiringOptions): Promise<TExpiringCustomer[]> {
  const { deps, ctx } = o;
  const scope = requireAccess(ctx.access, 'company', 'read');
  const ownerId = o.ownerId ?? ctx.userId;
  if (!ownerId) return [];
  if (!mayTouch(ctx.access, scope, ownerId)) throw new AppError('forbidden');
  const now = o.now ?? new Date();
  return inTenant(deps.db.kysely, ctx.tenantId, async (tx) => {
    const rows = await expiringFor(tx, {
      tenantId: ctx.tenantId,
      now,
      until: new Date(now.getTime() + o.days * 86_400_000),
      ownerIds: [ownerId],
      limit: o.limit,
    });
    const names = await loadRelated(
      tx,
      rows.map((r) => r.owner_id),
    );
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      owner: names.get(r.owner_id) ?? null,
      poolId: r.pool_id,
      poolName: r.pool_name,
      reason: r.reason as TExpiringCustomer['reason'],
      dueAt: r.due_at.toISOString(),
      daysLeft: Math.ceil((r.due_at.getTime() - now.getTime()) / 86_400_000),
      lastActivityAt: r.last_activity_at?.toISOString() ?? null,
      lastWonAt: r.last_won_at?.toISOString() ?? null,
    }));
  });
}
