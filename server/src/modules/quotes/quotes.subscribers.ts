import { approvalStatusSubscriber } from '#modules/approvals/index.ts';
import type { Deps } from '#platform/deps.ts';
import type { Subscriber } from '#platform/events/subscribers.ts';
import type { QuoteStatus } from './quote-fields.definition.ts';
import { transition } from './quote-status.service.ts';

/** Quotes follow their approvals (any process on quotes): approved -> approved; rejected or recalled -> back to draft to revise. */
export const quoteApprovalSubscriber = (deps: Deps): Subscriber =>
  approvalStatusSubscriber<QuoteStatus>({
    name: 'quotes.approval-status',
    object: 'quote',
    table: 'quotes',
    moves: {
      'approval.submitted': { from: ['draft'], to: 'in_approval' },
      'approval.approved': { from: ['in_approval'], to: 'approved' },
      'approval.rejected': { from: ['in_approval'], to: 'draft' },
      'approval.recalled': { from: ['in_approval'], to: 'draft' },
    },
    apply: async (tx, { ctx, row, move }) => {
      await transition(tx, { deps, ctx, row, to: { status: move.to } });
    },
  });
