import { inTenant, type Tx } from '#db/tx.ts';
import { requireAccess } from '#platform/access/access.ts';
import type { RequestContext } from '#platform/context.ts';
import type { Deps } from '#platform/deps.ts';
import { notFound } from '#platform/errors/app-error.ts';
import { recordChange } from '#platform/events/record-change.ts';
import { pickFields } from '#platform/http/list-query.ts';
import { newId } from '#platform/ids.ts';
import { badReference, checkVersion, isForeignKeyViolation, referencedMeanwhile, teamCycle, teamNotEmpty } from './admin.errors.ts';
import { requireAdmin } from './admin-guards.service.ts';
import { lockTenant } from './admin.repo.ts';
import { planList, toPage } from './list-page.mapper.ts';
import * as repo from './teams.repo.ts';
import type { TCreateTeamRequest, TTeam, TTeamListQuery, TUpdateTeamRequest } from './teams.schema.ts';

const toTeam = (row: repo.TeamRow): TTeam => ({
  id: row.id,
  name: row.name,
  parentId: row.parent_id,
  managerId: row.manager_id,
  memberCount: Number(row.member_count),
  childCount: Number(row.child_count),
  createdAt: row.created_at.toISOString(),
  updatedAt: row.updated_at.toISOString(),
  version: row.version,
});

/** What the audit trail compares: the team without counters. */
const audited = ({ memberCount: _m, childCount: _c, ...team }: TTeam) => team;

export type ListTeamsOptions = { deps: Deps; ctx: RequestContext; query: TTeamListQuery };
/** The team tree is organisation structure: any read scope on `team` shows all of it. */
export async function listTeams({ deps, ctx, query }: ListTeamsOptions) {
  requireAccess(ctx.access, 'team', 'read');
  const plan = planList(query, repo.TEAM_CATALOG, 'name');
  const page = await inTenant(deps.db.kysely, ctx.tenantId, async (tx) => toPage(await repo.listTeams(tx, plan, query.q), plan, toTeam));
  return { data: pickFields(page.data, query.fields), nextCursor: page.nextCursor };
}

export type GetTeamOptions = { deps: Deps; ctx: RequestContext; id: string };
export async function getTeam({ deps, ctx, id }: GetTeamOptions): Promise<TTeam> {
  requireAccess(ctx.access, 'team', 'read');
  const row = await inTenant(deps.db.kysely, ctx.tenantId, (tx) => repo.findTeam(tx, id));
  if (!row) throw notFound('team');
  return toTeam(row);
}

export type CreateTeamOptions = { deps: Deps; ctx: RequestContext; input: TCreateTeamRequest };
export async function createTeam({ deps, ctx, input }: CreateTeamOptions): Promise<TTeam> {
  requireAdmin(ctx);
  return inTenant(deps.db.kysely, ctx.tenantId, async (tx) => {
    if (input.parentId && !(await repo.teamExists(tx, input.parentId))) throw badReference('parentId', 'team');
    if (input.managerId && !(await repo.activeUserExists(tx, input.managerId))) throw badReference('managerId', 'user');
    const row = await repo.insertTeam(tx, {
      tenant_id: ctx.tenantId,
      id: newId(),
      name: input.name,
      parent_id: input.parentId ?? null,
      manager_id: input.managerId ?? null,
    });
    const team = toTeam(row as repo.TeamRow);
    await recordChange(tx, ctx, { action: 'created', objectType: 'team', objectId: team.id, after: audited(team) });
    return team;
  });
}

export type UpdateTeamOptions = { deps: Deps; ctx: RequestContext; id: string; input: TUpdateTeamRequest; version?: number | undefined };

export async function updateTeam({ deps, ctx, id, input, version }: UpdateTeamOptions): Promise<TTeam> {
  requireAdmin(ctx);
  return inTenant(deps.db.kysely, ctx.tenantId, async (tx) => {
    // Two moves that are each fine alone can close a cycle together; the lock orders them.
    await lockTenant(tx, 'teams');
    const before = await loadForChange(tx, id, version);
    if (input.parentId) {
      if (!(await repo.teamExists(tx, input.parentId))) throw badReference('parentId', 'team');
      if ((await repo.ancestorsOf(tx, input.parentId)).includes(id)) throw teamCycle();
    }
    if (input.managerId && !(await repo.activeUserExists(tx, input.managerId))) throw badReference('managerId', 'user');
    const row = await repo.updateTeam(tx, id, { name: input.name, parent_id: input.parentId, manager_id: input.managerId });
    const after = toTeam(row as repo.TeamRow);
    await recordChange(tx, ctx, { action: 'updated', objectType: 'team', objectId: id, before: audited(before), after: audited(after) });
    return after;
  });
}

export type DeleteTeamOptions = { deps: Deps; ctx: RequestContext; id: string; version?: number | undefined };

/** Only an empty leaf goes: members and sub-teams must be moved first, so nobody is orphaned. */
export async function deleteTeam({ deps, ctx, id, version }: DeleteTeamOptions): Promise<void> {
  requireAdmin(ctx);
  try {
    await inTenant(deps.db.kysely, ctx.tenantId, async (tx) => {
      await lockTenant(tx, 'teams');
      const before = await loadForChange(tx, id, version);
      if (before.memberCount > 0 || before.childCount > 0) throw teamNotEmpty(before.memberCount, before.childCount);
      await repo.deleteTeam(tx, id);
      await recordChange(tx, ctx, { action: 'deleted', objectType: 'team', objectId: id, before: audited(before) });
    });
  } catch (error) {
    // A member or sub-team added concurrently, after the count above.
    throw isForeignKeyViolation(error) ? referencedMeanwhile() : error;
  }
}

async function loadForChange(tx: Tx, id: string, version: number | undefined): Promise<TTeam> {
  const row = await repo.findTeam(tx, id, true);
  if (!row) throw notFound('team');
  const team = toTeam(row);
  checkVersion(version, team.version);
  return team;
}
