import type { RequestContext } from '#platform/context.ts';
import type { Deps } from '#platform/deps.ts';
import { findRecord } from '#platform/records/records.repo.ts';
import { inSystem, inTenant } from '#db/tx.ts';
import { transition } from './quote-status.service.ts';
import { expiredQuoteIds } from './quotes.repo.ts';

export const QUOTE_EXPIRY_JOB = 'quotes.expiry';

const systemCtx = (tenantId: string): RequestContext => ({
  tenantId,
  userId: null,
  requestId: QUOTE_EXPIRY_JOB,
  ip: null,
  locale: 'en',
  access: { userId: null, isAdmin: true, permissions: {}, fields: {}, teamUserIds: [] },
});

/** Sent quotes past their validity date become expired (audited, `quote.updated` event); a missed run is caught by the next. */
export async function expireQuotes(o: { deps: Deps; today?: string }): Promise<number> {
  const today = o.today ?? new Date().toISOString().slice(0, 10);
  let expired = 0;
  for (;;) {
    const due = await inSystem(o.deps.db.kysely, (tx) => expiredQuoteIds(tx, today));
    for (const q of due)
      await inTenant(o.deps.db.kysely, q.tenant_id, async (tx) => {
        const row = await findRecord(tx, 'quotes', q.id);
        if (row?.status !== 'sent') return;
        await transition(tx, { deps: o.deps, ctx: systemCtx(q.tenant_id), row, to: { status: 'expired' } });
        expired++;
      });
    if (due.length < 1000) return expired;
  }
}
