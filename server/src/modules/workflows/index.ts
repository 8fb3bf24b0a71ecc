import { AUTOMATION } from '#platform/access/automation-access.ts';
import { jobsOf } from '#platform/jobs/job-registry.ts';
import type { KehuModule } from '#platform/module.ts';
import { workflowRoutes } from './workflows.routes.ts';
import { workflowSubscribers } from './workflows.subscribers.ts';
import { tickWorkflows, WORKFLOW_TICK_JOB } from './workflows.jobs.ts';

export { tickWorkflows, WORKFLOW_TICK_JOB };
export { MAX_DEPTH } from './engine.service.ts';
/** A few switched-on demo rules (deal stage, new customer, close-date reminder). */
export { seedDemoRules } from './workflows.demo.ts';

/**
 * Workflow rules (#18): per registry object (custom ones included), a trigger (record events,
 * a date field +/- days, a cron schedule), conditions in the filter grammar plus changed /
 * changedFrom / changedTo, ordered actions run as the rule's owner through the record service,
 * each run logged; dry runs; managed by admins and roles granted `automation` (Sales Manager by default).
 */
export const workflowsModule: KehuModule = {
  name: 'workflows',
  objects: [
    {
      // Access only: rules by owner (own / team / all); read also lets the builder pick processes, templates, webhooks.
      name: AUTOMATION,
      path: null,
      label: { zh: '自动化（工作流规则、邮件模板）', en: 'Automation (workflow rules, mail templates)' },
      actions: ['read', 'create', 'update', 'delete'],
      capabilities: [],
      roleDefaults: { 'Sales Manager': { read: 'team', create: 'team', update: 'team', delete: 'team' } },
    },
  ],
  register(app, deps) {
    workflowRoutes(app, deps);
    for (const s of workflowSubscribers(deps)) deps.subscribers.add(s);
    // Every minute; a tick missed while no runner was up is caught by the next (scans resume where they stopped).
    jobsOf(deps).schedule(WORKFLOW_TICK_JOB, '* * * * *', async () => {
      const fired = await tickWorkflows({ deps });
      if (fired) deps.log.info({ fired }, 'workflow time rules fired');
    });
  },
};
