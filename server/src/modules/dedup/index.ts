import type { KehuModule } from '#platform/module.ts';
import { customDedupSubscriber } from './custom-dedup.subscribers.ts';
import { registerDedupJobs } from './dedup.jobs.ts';
import { dedupRoutes } from './dedup.routes.ts';

export { type MergeRelation, registerMergeRelation } from './merge-relations.definition.ts';
export { columnRelation } from './relations.repo.ts';
export { blockingKeys } from './blocking.rules.ts';
export { toCandidate, type Candidate, type CandidateInput } from './candidate.mapper.ts';
export { scorePair, DEFAULT_SETTINGS } from './scoring.rules.ts';
export { runScan } from './scan.service.ts';

/** Entity resolution: duplicate detection (full scan job + incremental), review queue, merge and unmerge. */
export const dedupModule: KehuModule = {
  name: 'dedup',
  register(app, deps) {
    dedupRoutes(app, deps);
    registerDedupJobs(deps);
    deps.subscribers.add(customDedupSubscriber(deps));
  },
};
