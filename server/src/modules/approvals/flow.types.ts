import type { Tx } from '#db/tx.ts';
import type { RequestContext } from '#platform/context.ts';
import type { Deps } from '#platform/deps.ts';
import type { RequestRow } from './requests.repo.ts';
import type { Target } from './target.service.ts';

/** One request being moved on, by whom (a person, or the timeout sweep with no user), in the caller's transaction. */
export type Flow = { tx: Tx; deps: Deps; ctx: RequestContext; target: Target; request: RequestRow; now: Date };
