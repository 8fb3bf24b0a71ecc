import { jobsOf } from '#platform/jobs/job-registry.ts';
import type { KehuModule } from '#platform/module.ts';
import { DECAY_JOB, decayAll } from './lead-score.service.ts';
import { REFIT_JOB, refitAll } from './predictive.service.ts';
import { scoringRoutes } from './scoring.routes.ts';
import { scoringSubscribers } from './scoring.subscribers.ts';

export { type Condition, CONDITION_OPERATORS, type ConditionOperator, matchesAll } from './conditions.rules.ts';
export { rescoreLead } from './lead-score.service.ts';
/** The demo seed's scoring rules (fit and engagement). */
export { seedDemoScoring } from './scoring.demo.ts';
export { checkConditionFields, leadFieldsOf } from './scoring-fields.service.ts';
export { systemContext } from './system-context.definition.ts';
export { DECAY_JOB, REFIT_JOB };

/** Lead scoring: rule groups with caps and decaying engagement points, bands, and a per-tenant naive Bayes model. */
export const scoringModule: KehuModule = {
  name: 'scoring',
  register(app, deps) {
    scoringRoutes(app, deps);
    for (const s of scoringSubscribers) deps.subscribers.add(s);
    // Daily, so engagement points fade even for leads nobody touches; then the nightly refit.
    jobsOf(deps).schedule(DECAY_JOB, '15 2 * * *', async () => {
      const count = await decayAll(deps.db);
      deps.log.info({ count }, 'lead scores decayed');
    });
    jobsOf(deps).schedule(REFIT_JOB, '45 2 * * *', async () => {
      const tenants = await refitAll(deps.db);
      deps.log.info({ tenants }, 'predictive lead scoring refitted');
    });
  },
};
