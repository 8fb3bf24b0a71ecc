import type { KehuModule } from '#platform/module.ts';
import { registerDedupJobs } from './dedup.jobs.ts';
import { dedupRoutes } from './dedup.routes.ts';
import { registerMergeRelation } from './merge-relations.definition.ts';
import { columnRelation } from './relations.repo.ts';

export { type MergeRelation, registerMergeRelation } from './merge-relations.definition.ts';
export { columnRelation } from './relations.repo.ts';
export { blockingKeys } from './blocking.rules.ts';
export { toCandidate, type Candidate, type CandidateInput } from './candidate.mapper.ts';
export { scorePair, DEFAULT_SETTINGS } from './scoring.rules.ts';
export { runScan } from './scan.service.ts';

// Rows that follow a merge to the survivor. Other modules register theirs the same way.
registerMergeRelation(columnRelation('contact', 'activities', 'contact_id'));
registerMergeRelation(columnRelation('company', 'activities', 'company_id'));
registerMergeRelation(columnRelation('company', 'contacts', 'company_id'));
registerMergeRelation(columnRelation('contact', 'deals', 'contact_id'));
registerMergeRelation(columnRelation('company', 'deals', 'company_id'));

/** Entity resolution: duplicate detection (full scan job + incremental), review queue, merge and unmerge. */
export const dedupModule: KehuModule = {
  name: 'dedup',
  register(app, deps) {
    dedupRoutes(app, deps);
    registerDedupJobs(deps);
  },
};
