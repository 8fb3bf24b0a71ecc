import type { z } from 'zod';
import { inTenant } from '#db/tx.ts';
import { ownerLimit, requireAccess } from '#platform/access/access.ts';
import type { RequestContext } from '#platform/context.ts';
import type { Deps } from '#platform/deps.ts';
import { AppError } from '#platform/errors/app-error.ts';
import { dedupErrors } from './dedup.errors.ts';
import { recordsByIds } from './keys.repo.ts';
import type { DedupSchemas, ZBulkMergeResult } from './dedup.schema.ts';
import { mergeInTx } from './merge.service.ts';
import { listMerges } from './merges.repo.ts';
import { dedupTarget } from './dedup-objects.service.ts';
import { clusterPairs } from './pairs.repo.ts';

export type MergeHistoryOptions = { deps: Deps; ctx: RequestContext; q: { object: string; limit: number; cursor?: string | undefined } };
/** Merges, newest first, with what moved; an undone one says when. */
export async function mergeHistory({ deps, ctx, q }: MergeHistoryOptions): Promise<z.infer<DedupSchemas['ZMergeHistory']>> {
  return inTenant(deps.db.kysely, ctx.tenantId, async (tx) => {
    const { table } = await dedupTarget({ deps, tx, object: q.object });
    const owners = ownerLimit(ctx.access, requireAccess(ctx.access, q.object, 'read'));
    const rows = await listMerges(tx, table, q.object, owners, q.cursor ?? null, q.limit + 1);
    const page = rows.slice(0, q.limit);
    return {
      data: page.map((r) => ({
        id: r.id,
        object: r.object,
        survivorId: r.survivor_id,
        survivorName: r.survivor_name,
        mergedId: r.merged_id,
        mergedName: r.merged_name,
        moved: Object.fromEntries(Object.entries(r.moved ?? {}).map(([k, v]) => [k, v.length])),
        createdAt: new Date(r.created_at).toISOString(),
        createdBy: r.created_by,
        undoneAt: r.undone_at ? new Date(r.undone_at).toISOString() : null,
      })),
      nextCursor: rows.length > q.limit ? (page.at(-1)?.id ?? null) : null,
    };
  });
}

export type BulkMergeOptions = { deps: Deps; ctx: RequestContext } & { object: string; clusterIds: string[] };
/**
 * Merges whole clusters with the default rules, the oldest record surviving; each cluster in its
 * own transaction, so one refused cluster (scope, a concurrent edit) leaves the others merged.
 */
export async function bulkMerge({ deps, ctx, ...o }: BulkMergeOptions): Promise<z.infer<typeof ZBulkMergeResult>> {
  const { table } = await inTenant(deps.db.kysely, ctx.tenantId, (tx) => dedupTarget({ deps, tx, object: o.object }));
  requireAccess(ctx.access, o.object, 'update');
  const results: z.infer<typeof ZBulkMergeResult>['results'] = [];
  for (const clusterId of o.clusterIds) {
    try {
      const survivorId = await inTenant(deps.db.kysely, ctx.tenantId, async (tx) => {
        const pairs = await clusterPairs(tx, o.object, clusterId);
        const rows = await recordsByIds(tx, table, [...new Set(pairs.flatMap((p) => [p.a, p.b]))]);
        const live = rows.filter((r) => r.deleted_at === null).sort((a, b) => +new Date(a.created_at as string) - +new Date(b.created_at as string));
        if (live.length < 2) throw dedupErrors.duplicateGone();
        const [survivor, ...rest] = live;
        return (await mergeInTx({ tx, deps, ctx, object: o.object, survivorId: survivor!.id, mergedIds: rest.map((r) => r.id) })).survivorId;
      });
      results.push({ clusterId, survivorId, error: null });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      results.push({ clusterId, survivorId: null, error: error.message });
    }
  }
  return { merged: results.filter((r) => r.survivorId).length, results };
}
