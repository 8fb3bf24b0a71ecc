import type { Subscriber } from '#platform/events/subscribers.ts';
import { markOwnedSince, markWon } from './moves.repo.ts';

const str = (v: unknown) => (typeof v === 'string' && v ? v : undefined);
const obj = (v: unknown) => (v && typeof v === 'object' ? (v as Record<string, unknown>) : {});

/** `deal.won` -> the company's `last_won_at` (the "no won deal in M days" rule and the won exemption). */
export const dealWonSubscriber: Subscriber = {
  name: 'pool.deal-won',
  events: ['deal.won'],
  handle: async (event, tx) => {
    // deals' stage events carry companyId (modules/deals/deal-stage-events.ts).
    const companyId = str(event.payload.companyId);
    if (!companyId) return;
    const wonAt = str(event.payload.wonAt);
    await markWon(tx, { tenantId: event.tenantId, companyId, at: wonAt ? new Date(wonAt) : event.createdAt });
  },
};

/** A transfer in the customer record (ownerId changed to someone) gives the new owner a fresh clock. */
export const ownerChangeSubscriber: Subscriber = {
  name: 'pool.owner-changed',
  events: ['company.updated'],
  handle: async (event, tx) => {
    const change = obj(obj(event.payload.changes).ownerId);
    if (!event.objectId || !str(change.to)) return;
    await markOwnedSince(tx, { tenantId: event.tenantId, companyId: event.objectId, at: event.createdAt });
  },
};
