import type { Tx } from '#db/tx.ts';
import { type Changes, diffRecords, writeAudits } from '../audit/audit.ts';
import type { RequestContext } from '../context.ts';
import { emitEvents } from './outbox.ts';

export type RecordChangeOptions = {
  /** created | updated | deleted | restored | merged | exported ... */
  action: string;
  objectType: string;
  objectId: string;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  sensitive?: readonly string[];
  /** Extra event payload beside the record and the changes. */
  payload?: Record<string, unknown>;
};

/** The audit row and the outbox event every mutation writes, in the mutation's transaction. */
export async function recordChange(tx: Tx, ctx: RequestContext, options: RecordChangeOptions): Promise<Changes> {
  return (await recordChanges(tx, ctx, [options]))[0] as Changes;
}

/**
 * recordChange for many records at once (one audit insert and one outbox insert); returns each
 * one's field changes. An update that changed nothing writes neither.
 */
export async function recordChanges(tx: Tx, ctx: RequestContext, changes: RecordChangeOptions[]): Promise<Changes[]> {
  const diffs = changes.map((o) => diffRecords(o.before ?? null, o.after ?? null, o.sensitive ?? []));
  const all = changes.flatMap((o, i) => {
    const diff = diffs[i] as Changes;
    return o.action === 'updated' && Object.keys(diff).length === 0 ? [] : [{ ...o, changes: diff }];
  });
  // An import batch collects its creates and updates: they are audited and announced once for the batch (#21).
  const collected = (o: (typeof all)[number]) => !!ctx.collect && (o.action === 'created' || o.action === 'updated') && !o.payload;
  for (const o of all)
    if (collected(o)) ctx.collect?.push({ action: o.action as 'created' | 'updated', objectType: o.objectType, objectId: o.objectId, changes: o.changes });
  const written = ctx.collect ? all.filter((o) => !collected(o)) : all;
  await writeAudits(
    tx,
    ctx,
    written.map((o) => ({ action: o.action, objectType: o.objectType, objectId: o.objectId, changes: o.changes })),
  );
  await emitEvents(
    tx,
    ctx,
    written.map((o) => ({
      type: `${o.objectType}.${o.action}`,
      objectType: o.objectType,
      objectId: o.objectId,
      payload: { changes: o.changes, ...o.payload },
    })),
  );
  return diffs;
}
