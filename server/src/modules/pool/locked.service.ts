import { inTenant } from '#db/tx.ts';
import { ownerLimit, scopeOf } from '#platform/access/access.ts';
import type { RequestContext } from '#platform/context.ts';
import type { Deps } from '#platform/deps.ts';
import { AppError } from '#platform/errors/app-error.ts';
import { loadRelated } from '#platform/records/related.repo.ts';
import { lockedCompanies } from './locked.repo.ts';
import type { TLockedCustomer } from './pool.schema.ts';

/** The customers locked against recycling, for the managers who may unlock them (the same guard as the lock). */
export async function lockedCustomers(o: { deps: Deps; ctx: RequestContext }): Promise<TLockedCustomer[]> {
  const { deps, ctx } = o;
  const scope = scopeOf(ctx.access, 'company', 'update');
  if (scope !== 'team' && scope !== 'all') throw new AppError('forbidden');
  return inTenant(deps.db.kysely, ctx.tenantId, async (tx) => {
    const rows = await lockedCompanies(tx, { owners: ownerLimit(ctx.access, scope), limit: 500 });
    const names = await loadRelated(
      tx,
      rows.flatMap((r) => (r.owner_id ? [r.owner_id] : [])),
    );
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      owner: (r.owner_id && names.get(r.owner_id)) || null,
      lastActivityAt: r.last_activity_at?.toISOString() ?? null,
    }));
  });
}
