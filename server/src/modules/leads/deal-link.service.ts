import { createDealInTx } from '#modules/deals/index.ts';
import type { Tx } from '#db/tx.ts';
import type { RequestContext } from '#platform/context.ts';
import type { Deps } from '#platform/deps.ts';
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

/** Opens the deal of a conversion through the deals module, keeping the lead id on it (pipeline and stage default there). */
export async function createDealForLead(tx: Tx, o: DealForLeadOptions): Promise<{ id: string; name: string }> {
  const { name, amount, currency, pipelineId, stageId, expectedCloseDate } = o.deal;
  const deal = await createDealInTx({
    deps: o.deps,
    ctx: o.ctx,
    tx,
    input: {
      name,
      contactId: o.contactId,
      companyId: o.companyId,
      leadId: o.lead.id,
      ...(amount !== undefined ? { amount } : {}),
      ...(currency ? { currency } : {}),
      ...(pipelineId ? { pipelineId } : {}),
      ...(stageId ? { stageId } : {}),
      ...(expectedCloseDate ? { expectedCloseDate } : {}),
      ...(o.ownerId ? { ownerId: o.ownerId } : {}),
    },
  });
  return { id: deal.id, name: deal.name };
}
