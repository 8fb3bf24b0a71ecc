import { approvalStatusSubscriber } from '#modules/approvals/index.ts';
import type { Deps } from '#platform/deps.ts';
import type { Subscriber } from '#platform/events/subscribers.ts';
import { transition } from './contract-status.service.ts';
import { contractDefinition } from './contracts.definition.ts';
import { tenantToday } from './payments.repo.ts';

/** Contracts follow their approvals (any process on contracts): approved signs the contract (signed today unless a date was set). */
export const contractApprovalSubscriber = (deps: Deps): Subscriber =>
  approvalStatusSubscriber({
    name: 'contracts.approval-status',
    object: 'contract',
    table: 'contracts',
    moves: {
      'approval.submitted': { from: ['draft'], to: 'in_approval' },
      'approval.approved': { from: ['in_approval'], to: 'signed' },
      'approval.rejected': { from: ['in_approval'], to: 'draft' },
      'approval.recalled': { from: ['in_approval'], to: 'draft' },
    },
    apply: async (tx, { ctx, row, move }) => {
      const to = move.to === 'signed' ? { status: 'signed', signed_on: row.signed_on ?? (await tenantToday(tx)) } : { status: move.to };
      await transition(tx, { deps, ctx, def: contractDefinition, row, to });
    },
  });
