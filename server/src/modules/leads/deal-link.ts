import type { Tx } from '#db/tx.ts';
import type { RequestContext } from '#platform/context.ts';
import type { Deps } from '#platform/deps.ts';
import { AppError } from '#platform/errors/app-error.ts';
import type { TConvertLeadRequest } from './convert.schema.ts';
import type { TLead } from './leads.schema.ts';

export type DealForLeadOptions = {
  deps: Deps;
  ctx: RequestContext;
  lead: TLead;
  deal: NonNullable<TConvertLeadRequest['deal']>;
  contactId: string;
  companyId: string | null;
  ownerId: string | null;
};

/** Opens the deal of a conversion through the deals module, keeping the lead id on it. */
export async function createDealForLead(_tx: Tx, _o: DealForLeadOptions): Promise<{ id: string; name: string }> {
  throw new AppError('bad_request', { message: 'errors.deals_unavailable' });
}
