import { inTenant } from '#db/tx.ts';
import { mayTouch, requireAccess, scopeOf } from '#platform/access/access.ts';
import { writeAudit } from '#platform/audit/audit.ts';
import type { RequestContext } from '#platform/context.ts';
import type { Deps } from '#platform/deps.ts';
import { notFound } from '#platform/errors/app-error.ts';
import { emitEvent } from '#platform/events/outbox.ts';
import { findRecord, type Row } from '#platform/records/records.repo.ts';
import { dedupErrors } from './dedup.errors.ts';
import { relationsOf } from './merge-relations.definition.ts';
import { lockMerge, markUndone, writeImage } from './merges.repo.ts';
import { dedupTarget } from './dedup-objects.service.ts';
import { dismissPair } from './pairs.repo.ts';

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
const KEEP = new Set(['version', 'updated_at', 'updated_by', 'search_text', 'phone_digits', 'last_activity_at']);

/**
 * The survivor's values as before the merge, field by field, where the merge changed a field
 * and nobody changed it since (later edits are kept).
 */
function survivorImage(current: Row, before: Row, after: Row): { image: Row; changed: string[] } {
  const image: Row = { ...current };
  const changed: string[] = [];
  for (const col of Object.keys(before)) {
    if (KEEP.has(col) || same(before[col], after[col]) || !same(current[col], JSON.parse(JSON.stringify(after[col] ?? null)))) continue;
    image[col] = before[col];
    changed.push(col);
  }
  return { image, changed };
}

export type UnmergeOptions = { deps: Deps; ctx: RequestContext; mergeId: string };
/** Undoes one merge: the merged-away record comes back with its values, its related rows move back, the survivor's merged values revert. */
export async function unmerge({ deps, ctx, mergeId }: UnmergeOptions): Promise<{ survivorId: string; restoredId: string }> {
  return inTenant(deps.db.kysely, ctx.tenantId, async (tx) => {
    const merge = await lockMerge(tx, mergeId);
    if (!merge) throw notFound('merge');
    const object = merge.object;
    const { table } = await dedupTarget({ deps, tx, object });
    const readScope = requireAccess(ctx.access, object, 'read');
    const updateScope = scopeOf(ctx.access, object, 'update');
    const survivor = await findRecord(tx, table, merge.survivor_id);
    const merged = await findRecord(tx, table, merge.merged_id);
    if (!survivor || !merged || !mayTouch(ctx.access, readScope, survivor.owner_id)) throw notFound('merge');
    if (updateScope === 'none' || !mayTouch(ctx.access, updateScope, survivor.owner_id) || !mayTouch(ctx.access, updateScope, merged.owner_id))
      throw dedupErrors.forbidden();
    if (merge.undone_at) throw dedupErrors.alreadyUnmerged();
    if (merged.deleted_at === null) throw dedupErrors.mergedRecordLive();
    const { survivorBefore, survivorAfter, mergedBefore, moved } = merge.snapshot;
    const restored = await writeImage(tx, table, { ...mergedBefore, deleted_at: null }, merged.version, ctx.userId);
    if (!restored) throw dedupErrors.changedMeanwhile(merged.version);
    for (const relation of await relationsOf(deps, tx, object)) {
      await relation.restore(tx, { ids: moved[relation.name] ?? [], fromId: merged.id, toId: survivor.id });
    }
    const { image, changed } = survivorImage(survivor, survivorBefore, survivorAfter);
    if (changed.length && !(await writeImage(tx, table, image, survivor.version, ctx.userId))) {
      throw dedupErrors.changedMeanwhile(survivor.version);
    }
    await dismissPair(tx, ctx.tenantId, object, survivor.id, merged.id, ctx.userId);
    await markUndone(tx, merge.id, ctx.userId);
    const changes = { unmerged: { from: merged.id, to: null }, reverted: { from: null, to: changed } };
    await writeAudit(tx, ctx, { action: 'unmerge', objectType: object, objectId: survivor.id, changes });
    await writeAudit(tx, ctx, { action: 'unmerge', objectType: object, objectId: merged.id, changes: { deletedAt: { from: merged.deleted_at, to: null } } });
    await emitEvent(tx, ctx, {
      type: `${object}.unmerged`,
      objectType: object,
      objectId: survivor.id,
      payload: { mergeId, survivorId: survivor.id, restoredId: merged.id },
    });
    await emitEvent(tx, ctx, { type: `${object}.restored`, objectType: object, objectId: merged.id, payload: { unmergedFrom: survivor.id } });
    return { survivorId: survivor.id, restoredId: merged.id };
  });
}
