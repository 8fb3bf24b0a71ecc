import { inTenant } from '#db/tx.ts';
import type { RequestContext } from '#platform/context.ts';
import type { Deps } from '#platform/deps.ts';
import { recordChange } from '#platform/events/record-change.ts';
import { loadVisible, present } from '#platform/records/record-service.ts';
import { updateRecord } from '#platform/records/records.repo.ts';
import { activityDefinition as def } from './activities.definition.ts';
import { activitiesErrors } from './activities.errors.ts';
import type { TActivity } from './activities.schema.ts';

export type SetDoneOptions = { deps: Deps; ctx: RequestContext; id: string; done: boolean; version: number | undefined };

/**
 * Completes or reopens a task (update permission). Repeating it changes nothing, so a retried
 * request is harmless; the audit and the `activity.completed` / `activity.reopened` event say which.
 */
export async function setTaskDone(o: SetDoneOptions): Promise<TActivity> {
  const { deps, ctx } = o;
  return inTenant(deps.db.kysely, ctx.tenantId, async (tx) => {
    const row = await loadVisible({ tx, ctx, def, id: o.id, action: 'update' });
    if (row.type !== 'task') throw activitiesErrors.notATask();
    if (o.version !== undefined && o.version !== row.version) throw activitiesErrors.staleVersion(o.version, row.version);
    if ((row.done_at !== null) === o.done) return (await present({ tx, deps, ctx, def, rows: [row] }))[0] as TActivity;
    const updated = await updateRecord(tx, def.table, row.id, { done_at: o.done ? new Date() : null, updated_by: ctx.userId }, row.version);
    if (!updated) throw activitiesErrors.staleVersion(row.version, row.version + 1);
    const [before, after] = await present({ tx, deps, ctx, def, rows: [row, updated] });
    await recordChange(tx, ctx, { action: o.done ? 'completed' : 'reopened', objectType: def.object, objectId: row.id, before, after });
    await def.afterWrite?.({ tx, ctx, before: row, after: updated });
    return after as TActivity;
  });
}
