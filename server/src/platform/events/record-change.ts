import type { Tx } from '#db/tx.ts';
import { type Changes, diffRecords, writeAudit } from '../audit/audit.ts';
import type { RequestContext } from '../context.ts';
import { emitEvent } from './outbox.ts';

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
  const { action, objectType, objectId, before = null, after = null, sensitive = [] } = options;
  const changes = diffRecords(before, after, sensitive);
  if (action === 'updated' && Object.keys(changes).length === 0) return changes;
  await writeAudit(tx, ctx, { action, objectType, objectId, changes });
  await emitEvent(tx, ctx, {
    type: `${objectType}.${action}`,
    objectType,
    objectId,
    payload: { changes, ...options.payload },
  });
  return changes;
}
