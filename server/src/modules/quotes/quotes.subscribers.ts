import type { RequestContext } from '#platform/context.ts';
import type { Deps } from '#platform/deps.ts';
import type { OutboxEvent, Subscriber } from '#platform/events/subscribers.ts';
import { findRecord } from '#platform/records/records.repo.ts';
import type { Tx } from '#db/tx.ts';
import type { QuoteStatus } from './quote-fields.definition.ts';
import { transition } from './quote-status.service.ts';

/** How an approval's end moves a quote: approved -> approved; rejected or recalled -> back to draft to revise. */
const MOVES: Record<string, { from: QuoteStatus[]; to: QuoteStatus }> = {
  'approval.submitted': { from: ['draft'], to: 'in_approval' },
  'approval.approved': { from: ['in_approval'], to: 'approved' },
  'approval.rejected': { from: ['in_approval'], to: 'draft' },
  'approval.recalled': { from: ['in_approval'], to: 'draft' },
};

/** The actor of the approval acts on the quote, with the module's reach (the record may be theirs to approve, not to edit). */
const actorContext = (event: OutboxEvent): RequestContext => ({
  tenantId: event.tenantId,
  userId: event.actorId,
  requestId: `event-${event.id}`,
  ip: null,
  locale: 'en',
  access: { userId: event.actorId, isAdmin: true, permissions: {}, fields: {}, teamUserIds: [] },
});

/**
 * Quotes follow their approvals (the approvals module's outbox events, for any process on
 * quotes, however it was submitted). Idempotent: a quote not in a `from` status is left alone.
 */
export const quoteApprovalSubscriber = (deps: Deps): Subscriber => ({
  name: 'quotes.approval-status',
  events: Object.keys(MOVES),
  handle: async (event: OutboxEvent, tx: Tx) => {
    const move = MOVES[event.type];
    if (!move || event.objectType !== 'quote' || !event.objectId) return;
    const row = await findRecord(tx, 'quotes', event.objectId);
    if (!row || row.deleted_at || !move.from.includes(row.status as QuoteStatus)) return;
    await transition(tx, { deps, ctx: actorContext(event), row, to: { status: move.to } });
  },
});
