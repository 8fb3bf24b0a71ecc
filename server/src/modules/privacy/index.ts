import { jobsOf } from '#platform/jobs/job-registry.ts';
import type { KehuModule } from '#platform/module.ts';
import { DEADLINE_KINDS, PRIVACY_DEADLINES_JOB, runDeadlines } from './deadlines.jobs.ts';
import { deadlineRoutes } from './deadlines.routes.ts';
import { holdRoutes } from './holds.routes.ts';
import { privacyRoutes } from './privacy.routes.ts';
import { requestRoutes } from './requests.routes.ts';
import { PRIVACY_OBJECT } from './requests.service.ts';
import { retentionRoutes } from './retention.routes.ts';
import { runRetention } from './retention.service.ts';

export { runDeadlines } from './deadlines.jobs.ts';
export { runRetention } from './retention.service.ts';
export { isSuppressed, refuseSuppressed, type SuppressionCheck, suppressedOf } from './suppression.service.ts';

/**
 * Privacy (PIPL / GDPR): records of processing derived from the registry's field classification
 * and the roles; data-subject requests (access, correction, erasure, restriction, objection) with
 * their deadlines, export package, erasure and the suppression list (#21).
 *
 * Other modules ask `suppressedOf` / `isSuppressed` (in their own transaction) before they bring
 * a person back (imports, lead capture) or mail them.
 */
export const privacyModule: KehuModule = {
  name: 'privacy',
  objects: [
    {
      // Access only: read the queue, create (log) requests, update (verify, export, erase, opt out).
      name: PRIVACY_OBJECT,
      path: null,
      label: { zh: '隐私请求', en: 'Privacy requests' },
      actions: ['read', 'create', 'update'],
      capabilities: [],
    },
  ],
  notificationKinds: DEADLINE_KINDS,
  register(app, deps) {
    privacyRoutes(app, deps);
    requestRoutes(app, deps);
    retentionRoutes(app, deps);
    holdRoutes(app, deps);
    deadlineRoutes(app, deps);
    // Daily: reminders before the due date, escalation after it; one notification per request, user and day.
    jobsOf(deps).schedule(PRIVACY_DEADLINES_JOB, '11 1 * * *', async () => {
      const result = await runDeadlines({ deps });
      if (result.reminded || result.escalated) deps.log.info(result, 'privacy deadlines');
    });
    // Daily: retention counts months, so a day late is invisible; a missed day is caught by the next run.
    jobsOf(deps).schedule('privacy.retention', '23 3 * * *', async () => {
      const result = await runRetention({ deps });
      if (result.anonymised || result.deleted) deps.log.info(result, 'privacy retention');
    });
  },
};
