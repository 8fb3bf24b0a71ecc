import { inTenant } from '#db/tx.ts';
import { ownerLimit, scopeOf } from '#platform/access/access.ts';
import type { RequestContext } from '#platform/context.ts';
import type { Deps } from '#platform/deps.ts';
import { loadRelated } from '#platform/records/related.repo.ts';
import { type LockedRow, lockedRecords } from './locked.repo.ts';
import type { TLockedCustomer } from './pool.schema.ts';
import { poolTargets } from './pool-targets.definition.ts';
import { poolErrors } from './pool.errors.ts';

const LIMIT = 500;

/**
 * The customers (companies, then B2C contacts) locked against recycling, for the managers who may
 * unlock them: per object, the same guard as the lock (update over the team or all).
 */
export async function lockedCustomers(o: { deps: Deps; ctx: RequestContext }): Promise<TLockedCustomer[]> {
  const { deps, ctx } = o;
  const managed = poolTargets(deps.objects).flatMap((target) => {
    const scope = scopeOf(ctx.access, target.object, 'update');
    return scope === 'team' || scope === 'all' ? [{ target, owners: ownerLimit(ctx.access, scope) }] : [];
  });
  if (!managed.length) throw poolErrors.notManager();
  return inTenant(deps.db.kysely, ctx.tenantId, async (tx) => {
    const rows: (LockedRow & { object: string })[] = [];
    for (const { target, owners } of managed) {
      const found = await lockedRecords(tx, { target, owners, limit: LIMIT - rows.length });
      rows.push(...found.map((r) => ({ ...r, object: target.object })));
      if (rows.length >= LIMIT) break;
    }
    const names = await loadRelated(
      tx,
      rows.flatMap((r) => (r.owner_id ? [r.owner_id] : [])),
    );
    return rows.map((r) => ({
      object: r.object,
      id: r.id,
      name: r.name,
      owner: (r.owner_id && names.get(r.owner_id)) || null,
      lastActivityAt: r.last_activity_at?.toISOString() ?? null,
    }));
  });
}
