import { jobsOf } from '#platform/jobs/job-registry.ts';
import { recordRoutes } from '#platform/records/record-routes.ts';
import type { KehuModule } from '#platform/module.ts';
import { ALL_ACTIONS } from '#platform/objects/object-registry.ts';
import { DEAL_REMINDERS_JOB, flagOverdueDeals, remindStaleDeals } from './deal-reminders.jobs.ts';
import { dealDefinition } from './deals.definition.ts';
import { dealImport } from './deal-import.definition.ts';
import { dealRoutes } from './deals.routes.ts';
import { ZCreateDealRequest, ZDeal, ZUpdateDealRequest } from './deals.schema.ts';
import { exchangeRateRoutes } from './exchange-rates.routes.ts';
import { pipelineRoutes } from './pipelines.routes.ts';

export { dealDefinition };
/** Creates a deal in the caller's transaction (lead conversion passes `leadId`); same rules, audit and events as POST /deals. */
export { createDealInTx } from './deals.service.ts';
export { ensureDefaultPipeline } from './pipelines.service.ts';
export { seedDemoDeals } from './deals.demo.ts';
/** The dated exchange rate into the base currency (quotes convert their totals with it). */
export { rateOn } from './exchange-rates.repo.ts';
export { ZCreateDealRequest, ZDeal, ZUpdateDealRequest };
export type { TCreateDealRequest, TDeal, TUpdateDealRequest, ForecastCategory, StageType } from './deals.schema.ts';
export { FORECAST_CATEGORIES, LOST_REASONS, STAGE_TYPES } from './deals.schema.ts';

/** Pipelines with stages, deals (a record object) with kanban and stage history, exchange rates, deal reminders. */
export const dealsModule: KehuModule = {
  name: 'deals',
  objects: [
    {
      name: 'deal',
      path: 'deals',
      label: { zh: '商机', en: 'Deal' },
      actions: ALL_ACTIONS,
      capabilities: ['owned', 'audited', 'recycleBin', 'customFields', 'import', 'search', 'timeline'],
      definition: dealDefinition,
      import: dealImport,
      fields: Object.keys(ZDeal.shape),
    },
    { name: 'pipeline', path: null, label: { zh: '销售流程', en: 'Pipeline' }, actions: ['read'], capabilities: [], everyoneReads: true },
  ],
  register(app, deps) {
    pipelineRoutes(app, deps);
    exchangeRateRoutes(app, deps);
    dealRoutes(app, deps);
    recordRoutes(app, deps, { path: 'deals', tag: 'deals', def: dealDefinition, out: ZDeal, create: ZCreateDealRequest, update: ZUpdateDealRequest });
    // Hourly: quiet deals get a follow-up task, past close dates get flagged; a missed tick is caught by the next.
    jobsOf(deps).schedule(DEAL_REMINDERS_JOB, '7 * * * *', async () => {
      const reminded = await remindStaleDeals({ deps });
      const overdue = await flagOverdueDeals({ deps });
      if (reminded || overdue) deps.log.info({ reminded, overdue }, 'deal reminders');
    });
  },
};
