import type { RequestContext } from '#platform/context.ts';
import type { Deps } from '#platform/deps.ts';
import type { OutboxEvent, Subscriber } from '#platform/events/subscribers.ts';
import { findRecord } from '#platform/records/records.repo.ts';
import type { Tx } from '#db/tx.ts';
import { today } from './contract-prepare.service.ts';
import { transition } from './contract-status.service.ts';
import { contractDefinition } from './contracts.definition.ts';

const MOVES: Record<string, { from: string[]; to: string }> = {
  'approval.submitted': { from: ['draft'], to: 'in_approval' },
  'approval.approved': { from: ['in_approval'], to: 'signed' },
  'approval.rejected': { from: ['in_approval'], to: 'draft' },
  'approval.recalled': { from: ['in_approval'], to: 'draft' },
};

const actorContext = (event: OutboxEvent): RequestContext => ({
  tenantId: event.tenantId,
  userId: event.actorId,
  requestId: `event-${event.id}`,
  ip: null,
  locale: 'en',
  access: { userId: event.actorId, isAdmin: true, permissions: {}, fields: {}, teamUserIds: [] },
});

/** Contracts follow their approvals (any process on contracts); idempotent: a contract not in a `from` status is left alone. */
export const contractApprovalSubscriber = (deps: Deps): Subscriber => ({
  name: 'contracts.approval-status',
  events: Object.keys(MOVES),
  handle: async (event: OutboxEvent, tx: Tx) => {
    const move = MOVES[event.type];
    if (!move || event.objectType !== 'contract' || !event.objectId) return;
    const row = await findRecord(tx, 'contracts', event.objectId);
    if (!row || row.deleted_at || !move.from.includes(String(row.status))) return;
    const to = move.to === 'signed' ? { status: 'signed', signed_on: row.signed_on ?? today() } : { status: move.to };
    await transition(tx, { deps, ctx: actorContext(event), def: contractDefinition, row, to });
  },
});
