import { ownerLimit, requireAccess } from '#platform/access/access.ts';
import type { RequestContext } from '#platform/context.ts';
import type { Tx } from '#db/tx.ts';
import { reportsErrors } from './reports.errors.ts';
import { teamMemberIds } from './reports.repo.ts';

export type ReportOwnersOptions = {
  tx: Tx;
  ctx: RequestContext;
  /** The object whose read scope limits the figures (deal for money, activity for activity counts). */
  object: 'deal' | 'activity';
  teamId?: string | undefined;
  ownerId?: string | undefined;
};

/** The intersection of two owner limits, where null means "everyone". */
export function intersectOwners(a: string[] | null, b: string[] | null): string[] | null {
  if (a === null) return b;
  if (b === null) return a;
  const keep = new Set(b);
  return a.filter((id) => keep.has(id));
}

/**
 * Owner ids a report query is limited to (null: every owner): the viewer's read scope on the
 * object (a rep sees their own numbers, a manager their team subtree), narrowed by the team and
 * owner filters. A filter can only narrow, never widen, what the scope allows.
 */
export async function reportOwners(o: ReportOwnersOptions): Promise<string[] | null> {
  const scope = requireAccess(o.ctx.access, o.object, 'read');
  let owners = ownerLimit(o.ctx.access, scope);
  if (o.teamId) {
    const members = await teamMemberIds(o.tx, o.teamId);
    if (!members) throw reportsErrors.unknownTeam();
    owners = intersectOwners(owners, members);
  }
  if (o.ownerId) owners = intersectOwners(owners, [o.ownerId]);
  return owners;
}
