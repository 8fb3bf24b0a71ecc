import { jobsOf } from '#platform/jobs/job-registry.ts';
import type { KehuModule } from '#platform/module.ts';
import { approvalRoutes } from './approvals.routes.ts';
import { recordLock } from './lock.service.ts';
import { sweepApprovalTimeouts } from './timeouts.service.ts';

/** Submits a record for approval in the caller's transaction (a workflow rule's "start an approval" action). */
export { approvalProcessOf, submitApproval, type SubmitApprovalOptions } from './submit.service.ts';
export { sweepApprovalTimeouts };
export { seedDemoApprovals } from './approvals.demo.ts';
export { type ApprovalMove, approvalStatusSubscriber } from './approval-status.subscribers.ts';

/** The sweep that acts on unanswered approvals; every minute. */
export const APPROVAL_TIMEOUT_JOB = 'approvals.timeouts';

/**
 * Approvals (#18): per registry object (custom ones included), processes with entry criteria and
 * ordered steps (users, roles, the owner's manager up the team tree; any one / all; skip criteria;
 * timeouts), submit / approve / reject / recall / reassign, the record locked while pending,
 * outcome field updates and notices, everything on the record's timeline and in the outbox.
 */
export const approvalsModule: KehuModule = {
  name: 'approvals',
  register(app, deps) {
    approvalRoutes(app, deps);
    deps.writeGuards?.add(recordLock);
    jobsOf(deps).schedule(APPROVAL_TIMEOUT_JOB, '* * * * *', async () => {
      const handled = await sweepApprovalTimeouts({ deps });
      if (handled) deps.log.info({ handled }, 'approval timeouts handled');
    });
  },
};
