import type { Tx } from '#db/tx.ts';
import type { RequestContext } from '#platform/context.ts';
import type { OutboxEvent, Subscriber } from '#platform/events/subscribers.ts';
import { findRecord, type RecordTable, type Row } from '#platform/records/records.repo.ts';

/** Where an approval's event moves a record: from one of these statuses to that one. */
export type ApprovalMove<S extends string> = { from: readonly S[]; to: S };

export type ApprovalStatusSubscriberOptions<S extends string> = {
  /** The subscriber's name in the outbox (`<module>.approval-status`). */
  name: string;
  /** The registry object whose approvals move it, and its table. */
  object: string;
  table: RecordTable;
  /** Per approval event (submitted, approved, rejected, recalled) the move it makes. */
  moves: Partial<Record<ApprovalEvent, ApprovalMove<S>>>;
  /** Writes the move through the module's own status service (its audit, events, side effects). */
  apply: (tx: Tx, o: { ctx: RequestContext; row: Row; move: ApprovalMove<S> }) => Promise<void>;
};

export type ApprovalEvent = 'approval.submitted' | 'approval.approved' | 'approval.rejected' | 'approval.recalled';

/**
 * The approver acts on the record with the module's reach: the record may be theirs to approve,
 * not to edit.
 */
const actorContext = (event: OutboxEvent): RequestContext => ({
  tenantId: event.tenantId,
  userId: event.actorId,
  requestId: `event-${event.id}`,
  ip: null,
  locale: 'en',
  access: { userId: event.actorId, isAdmin: true, permissions: {}, fields: {}, teamUserIds: [] },
});

/**
 * A record's status following its approvals (any process on its object, however it was
 * submitted). Idempotent: a record not in a move's `from` status, or in the recycle bin, is left alone.
 */
export function approvalStatusSubscriber<S extends string>(o: ApprovalStatusSubscriberOptions<S>): Subscriber {
  return {
    name: o.name,
    events: Object.keys(o.moves),
    handle: async (event: OutboxEvent, tx: Tx) => {
      const move = o.moves[event.type as ApprovalEvent];
      if (!move || event.objectType !== o.object || !event.objectId) return;
      const row = await findRecord(tx, o.table, event.objectId);
      if (!row || row.deleted_at || !move.from.includes(String(row.status) as S)) return;
      await o.apply(tx, { ctx: actorContext(event), row, move });
    },
  };
}
