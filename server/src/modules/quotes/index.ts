import { jobsOf } from '#platform/jobs/job-registry.ts';
import type { KehuModule } from '#platform/module.ts';
import { ALL_ACTIONS } from '#platform/objects/object-registry.ts';
import { recordRoutes } from '#platform/records/record-routes.ts';
import { QUOTE_FIELDS } from './quote-fields.definition.ts';
import { quoteDefinition } from './quotes.definition.ts';
import { expireQuotes, QUOTE_EXPIRY_JOB } from './quotes.jobs.ts';
import { quoteRoutes } from './quotes.routes.ts';
import { ZCreateQuoteRequest, ZQuote, ZUpdateQuoteRequest } from './quotes.schema.ts';
import { quoteApprovalSubscriber } from './quotes.subscribers.ts';

export { quoteDefinition };
export { QUOTE_STATUSES, type QuoteStatus, type TQuote } from './quotes.schema.ts';
export { expireQuotes };
/** Lines priced and totalled in decimal as a quote's are (orders entered directly price their lines the same way). */
export { priceLines, type PriceLinesOptions } from './quote-prepare.service.ts';
export { ZQuoteLine, ZQuoteLineInput, type TQuoteLine, type TQuoteLineInput } from './quotes.schema.ts';
export { seedDemoQuotes } from './quotes.demo.ts';

/**
 * Quotes (#19): from a deal or a customer, lines priced from a price book, totals computed in
 * decimal on the server, numbered from the tenant's series, versions (revise), status flow with
 * approvals (any process on quotes, e.g. `discount > 20`) and a daily expiry.
 */
export const quotesModule: KehuModule = {
  name: 'quotes',
  objects: [
    {
      name: 'quote',
      path: 'quotes',
      label: { zh: '报价单', en: 'Quote' },
      actions: ALL_ACTIONS,
      capabilities: ['owned', 'audited', 'recycleBin', 'customFields', 'export', 'search', 'timeline'],
      definition: quoteDefinition,
      fields: QUOTE_FIELDS.names,
      listColumns: ['number', 'revision', 'name', 'company', 'status', 'total', 'currency', 'validUntil', 'owner'],
      numbering: { defaultPattern: 'QT-{yyyy}-{0000}' },
    },
  ],
  register(app, deps) {
    // First: its hook drops client totals from the record routes' bodies.
    quoteRoutes(app, deps);
    recordRoutes(app, deps, { path: 'quotes', tag: 'quotes', def: quoteDefinition, out: ZQuote, create: ZCreateQuoteRequest, update: ZUpdateQuoteRequest });
    deps.subscribers.add(quoteApprovalSubscriber(deps));
    // Daily at 00:20 UTC; a missed day is caught by the next run.
    jobsOf(deps).schedule(QUOTE_EXPIRY_JOB, '20 0 * * *', async () => {
      const expired = await expireQuotes({ deps });
      if (expired) deps.log.info({ expired }, 'quotes expired');
    });
  },
};
