import type { Tx } from '#db/tx.ts';
import { writeAudit } from '#platform/audit/audit.ts';
import type { Changes } from '#platform/audit/audit.ts';
import type { CollectedChange, RequestContext } from '#platform/context.ts';
import { emitEvent } from '#platform/events/outbox.ts';
import { journalChanges } from './import-records.repo.ts';

/** The event an import writes per committed batch instead of a `<object>.created` / `.updated` per row (#21). */
export const BATCH_COMMITTED = 'import.batch_committed';

export type BatchCounts = { created: number; updated: number; skipped: number; failed: number };

/** What `import.batch_committed` carries: per object, the ids the batch created and updated, and the updated ones' field changes. */
export type BatchCommittedPayload = {
  importId: string;
  object: string;
  fileName: string;
  rows: { first: number; last: number };
  counts: BatchCounts;
  records: Record<string, { created: string[]; updated: string[] }>;
  changes: Record<string, Changes>;
};

export type AnnounceBatchOptions = {
  ctx: RequestContext;
  importId: string;
  object: string;
  fileName: string;
  rows: { first: number; last: number };
  counts: BatchCounts;
  collected: CollectedChange[];
};

/** Records by object: a record created and then updated within the batch counts as created, with its changes merged. */
function grouped(collected: CollectedChange[]) {
  const records: BatchCommittedPayload['records'] = {};
  const changes = new Map<string, { object: string; changes: Changes }>();
  const created = new Set<string>();
  for (const c of collected) {
    const entry = changes.get(c.objectId);
    changes.set(c.objectId, { object: c.objectType, changes: { ...entry?.changes, ...c.changes } });
    if (c.action === 'created') created.add(c.objectId);
  }
  for (const [id, c] of changes) {
    const group = records[c.object] ?? { created: [], updated: [] };
    records[c.object] = group;
    (created.has(id) ? group.created : group.updated).push(id);
  }
  return { records, changes };
}

/**
 * One audit entry and one `import.batch_committed` event for a committed batch, in its
 * transaction; each row's field changes go to the import journal, which record history reads.
 */
export async function announceBatch(tx: Tx, o: AnnounceBatchOptions): Promise<void> {
  const { collect: _, ...ctx } = o.ctx;
  const { records, changes } = grouped(o.collected);
  await journalChanges(
    tx,
    o.importId,
    [...changes].map(([id, c]) => ({ object: c.object, recordId: id, changes: c.changes })),
  );
  const range = { from: o.rows.first, to: o.rows.last };
  const counts = Object.fromEntries(Object.entries(o.counts).map(([k, n]) => [k, { from: null, to: n }]));
  await writeAudit(tx, ctx, { action: 'batch_committed', objectType: 'import', objectId: o.importId, changes: { rows: range, ...counts } });
  const updated = Object.fromEntries(Object.values(records).flatMap((g) => g.updated.map((id) => [id, changes.get(id)?.changes ?? {}] as const)));
  const payload: BatchCommittedPayload = {
    importId: o.importId,
    object: o.object,
    fileName: o.fileName,
    rows: o.rows,
    counts: o.counts,
    records,
    changes: updated,
  };
  await emitEvent(tx, ctx, { type: BATCH_COMMITTED, objectType: 'import', objectId: o.importId, payload });
}
