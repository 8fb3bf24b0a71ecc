import { jobsOf } from '#platform/jobs/job-registry.ts';
import type { KehuModule } from '#platform/module.ts';
import { assignmentRoutes } from './assignment.routes.ts';
import { assignmentSubscribers } from './assignment.subscribers.ts';
import { drainQueues, QUEUE_JOB } from './lead-assign.service.ts';

export { QUEUE_JOB };
/** The pure assignment engine (round robin, load balanced, fixed user over available candidates): the service desk's queues route with it too. */
export { decideAssignment, type AssignmentRule, type Candidate } from './assignment-engine.rules.ts';

/** Lead assignment: ordered rules (round-robin, load-balanced, fixed), working days, users away, the fallback queue. */
export const assignmentModule: KehuModule = {
  name: 'assignment',
  register(app, deps) {
    assignmentRoutes(app, deps);
    for (const s of assignmentSubscribers) deps.subscribers.add(s);
    // Hourly: a queued lead gets its owner once someone is back or the working day starts.
    jobsOf(deps).schedule(QUEUE_JOB, '5 * * * *', async () => {
      const assigned = await drainQueues(deps.db);
      if (assigned) deps.log.info({ assigned }, 'queued leads assigned');
    });
  },
};
