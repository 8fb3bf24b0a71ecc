import { jobsOf } from '#platform/jobs/job-registry.ts';
import type { KehuModule } from '#platform/module.ts';
import { poolRoutes } from './pool.routes.ts';
import { dealWonSubscriber, importedOwnerSubscriber, ownerChangeSubscriber } from './pool.subscribers.ts';
import { RECYCLE_JOB, runRecycling } from './recycle.service.ts';

export { runRecycling } from './recycle.service.ts';
/** 退回 in the caller's transaction (a workflow rule's "move to the public pool" action), and what such a rule checks when saved. */
export { returnToPoolInTx, type ReturnOptions } from './moves.service.ts';
export { poolOf } from './pools.service.ts';
export { poolTargets } from './pool-targets.definition.ts';
/** The demo seed's public pool with a few unowned customers. */
export { seedDemoPool } from './pool.demo.ts';

/**
 * Public pools (公海): pools and rules, claim / assign / return, recycling and its reminders, for
 * every object that declares the `pool` capability (companies; contacts without a company).
 */
export const poolModule: KehuModule = {
  name: 'pool',
  // Read: see the pools one's teams are given; create, update, delete: manage pools and their rules.
  objects: [
    {
      name: 'pool',
      path: null,
      label: { zh: '公海', en: 'Public pool' },
      actions: ['read', 'create', 'update', 'delete'],
      capabilities: [],
      everyoneReads: true,
    },
  ],
  register(app, deps) {
    poolRoutes(app, deps);
    deps.subscribers.add(dealWonSubscriber(deps.objects));
    deps.subscribers.add(ownerChangeSubscriber(deps.objects));
    deps.subscribers.add(importedOwnerSubscriber(deps.objects));
    // Hourly: rules count whole days, so an hour late is invisible; a missed tick is caught by the next.
    jobsOf(deps).schedule(RECYCLE_JOB, '7 * * * *', async () => {
      const result = await runRecycling({ db: deps.db, objects: deps.objects });
      if (result.recycled || result.reminded) deps.log.info(result, 'pool recycling');
    });
  },
};
