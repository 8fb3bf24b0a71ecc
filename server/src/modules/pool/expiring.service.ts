import { inTenant } from '#db/tx.ts';
import { mayTouch, scopeOf } from '#platform/access/access.ts';
import type { RequestContext } from '#platform/context.ts';
import type { Deps } from '#platform/deps.ts';
import { loadRelated } from '#platform/records/related.repo.ts';
import type { TExpiringCustomer } from './pool.schema.ts';
import { poolTarget, poolTargets } from './pool-targets.definition.ts';
import { type ExpiringRow, expiringFor } from './recycle.repo.ts';
import { poolErrors } from './pool.errors.ts';

export type ExpiringOptions = {
  deps: Deps;
  ctx: RequestContext;
  days: number;
  ownerId?: string | undefined;
  /** One pool-capable object; all the caller may read about the owner by default. */
  object?: string | undefined;
  limit: number;
  now?: Date;
};

/**
 * 即将收回: the owner's customers (companies and B2C contacts) the pool rules take back within
 * `days` (overdue first), with why. Objects whose records the caller may not read about that
 * owner are left out; none at all is a 403.
 */
export async function expiringCustomers(o: ExpiringOptions): Promise<TExpiringCustomer[]> {
  const { deps, ctx } = o;
  const ownerId = o.ownerId ?? ctx.userId;
  const candidates = o.object ? [poolTarget(deps.objects, o.object)] : poolTargets(deps.objects);
  const targets = candidates.filter((t) => {
    const scope = scopeOf(ctx.access, t.object, 'read');
    return scope !== 'none' && (!ownerId || mayTouch(ctx.access, scope, ownerId));
  });
  if (!targets.length) throw poolErrors.notManager();
  if (!ownerId) return [];
  const now = o.now ?? new Date();
  return inTenant(deps.db.kysely, ctx.tenantId, async (tx) => {
    const rows: (ExpiringRow & { object: string })[] = [];
    for (const target of targets) {
      const found = await expiringFor(tx, {
        tenantId: ctx.tenantId,
        target,
        now,
        until: new Date(now.getTime() + o.days * 86_400_000),
        ownerIds: [ownerId],
        limit: o.limit,
      });
      rows.push(...found.map((r) => ({ ...r, object: target.object })));
    }
    rows.sort((a, b) => a.due_at.getTime() - b.due_at.getTime() || a.id.localeCompare(b.id));
    const page = rows.slice(0, o.limit);
    const names = await loadRelated(
      tx,
      page.map((r) => r.owner_id),
    );
    return page.map((r) => ({
      object: r.object,
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
