import { inTenant, type Tx } from '#db/tx.ts';
import { checkConditionFields } from '#modules/scoring/index.ts';
import { requireAccess } from '#platform/access/access.ts';
import type { RequestContext } from '#platform/context.ts';
import type { Deps } from '#platform/deps.ts';
import { notFound } from '#platform/errors/app-error.ts';
import { recordChange } from '#platform/events/record-change.ts';
import { newId } from '#platform/ids.ts';
import { assignmentErrors } from './assignment.errors.ts';
import * as repo from './assignment.repo.ts';
import type {
  TAssignmentRule,
  TAssignmentSettings,
  TAway,
  TCreateAssignmentRuleRequest,
  TUpdateAssignmentRuleRequest,
  TUpdateAssignmentSettingsRequest,
} from './assignment.schema.ts';
import { mayManage } from './lead-assign.service.ts';

function requireManager(ctx: RequestContext): void {
  if (!mayManage(ctx)) throw assignmentErrors.forbidden();
}

const toRule = (r: repo.RuleRow): TAssignmentRule => ({
  id: r.id,
  name: r.name,
  position: r.position,
  active: r.active,
  match: r.match as 'all' | 'any',
  conditions: r.conditions as TAssignmentRule['conditions'],
  method: r.method as TAssignmentRule['method'],
  userIds: r.user_ids,
  teamId: r.team_id,
  capacity: r.capacity,
  workingDaysOnly: r.working_days_only,
  lastUserId: r.last_user_id,
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
  version: r.version,
});
/** The round-robin pointer moves with every assignment; it is not part of the rule's audit trail. */
const audited = ({ lastUserId: _l, ...rule }: TAssignmentRule) => rule;

/** Conditions on known fields, users who exist and are active, a team that exists, and who to give leads to. */
async function checkRule(tx: Tx, r: Omit<TAssignmentRule, 'id' | 'position' | 'lastUserId' | 'createdAt' | 'updatedAt' | 'version'>): Promise<void> {
  await checkConditionFields({ tx, conditions: r.conditions, path: 'conditions', withScore: true });
  const active = await repo.activeUserIds(tx, r.userIds);
  const missing = r.userIds.find((id) => !active.includes(id));
  if (missing) throw assignmentErrors.badReference('userIds', 'user');
  if (r.teamId && !(await repo.teamExists(tx, r.teamId))) throw assignmentErrors.badReference('teamId', 'team');
  if (r.method === 'fixed_user' && (r.userIds.length !== 1 || r.teamId)) throw assignmentErrors.oneUser();
  if (r.method !== 'fixed_user' && r.userIds.length === 0 && !r.teamId) throw assignmentErrors.usersRequired();
  if (r.teamId && r.userIds.length > 0) throw assignmentErrors.usersOrTeam();
}

export type ListRulesOptions = { deps: Deps; ctx: RequestContext };
export async function listRules({ deps, ctx }: ListRulesOptions): Promise<TAssignmentRule[]> {
  requireAccess(ctx.access, 'lead', 'read');
  return inTenant(deps.db.kysely, ctx.tenantId, async (tx) => (await repo.listRules(tx)).map(toRule));
}

export type CreateRuleOptions = { deps: Deps; ctx: RequestContext; input: TCreateAssignmentRuleRequest };
export async function createRule({ deps, ctx, input }: CreateRuleOptions): Promise<TAssignmentRule> {
  requireManager(ctx);
  return inTenant(deps.db.kysely, ctx.tenantId, async (tx) => {
    const rule = {
      name: input.name,
      active: input.active ?? true,
      match: input.match ?? 'all',
      conditions: input.conditions ?? [],
      method: input.method,
      userIds: input.userIds ?? [],
      teamId: input.teamId ?? null,
      capacity: input.capacity ?? null,
      workingDaysOnly: input.workingDaysOnly ?? false,
    } satisfies Parameters<typeof checkRule>[1];
    await checkRule(tx, rule);
    const row = await repo.insertRule(tx, {
      tenant_id: ctx.tenantId,
      id: newId(),
      name: rule.name,
      position: await repo.nextRulePosition(tx),
      active: rule.active,
      match: rule.match,
      conditions: JSON.stringify(rule.conditions),
      method: rule.method,
      user_ids: rule.userIds,
      team_id: rule.teamId,
      capacity: rule.capacity,
      working_days_only: rule.workingDaysOnly,
      created_by: ctx.userId,
      updated_by: ctx.userId,
    });
    const after = toRule(row);
    await recordChange(tx, ctx, { action: 'created', objectType: 'assignment_rule', objectId: after.id, after: audited(after) });
    return after;
  });
}

async function loadForChange(tx: Tx, id: string, version: number | undefined): Promise<TAssignmentRule> {
  const row = await repo.findRule(tx, id);
  if (!row) throw notFound('assignment_rule');
  if (version !== undefined && version !== row.version) throw assignmentErrors.staleVersion(version, row.version);
  return toRule(row);
}

export type UpdateRuleOptions = { deps: Deps; ctx: RequestContext; id: string; input: TUpdateAssignmentRuleRequest; version?: number | undefined };

export async function updateRule({ deps, ctx, id, input, version }: UpdateRuleOptions): Promise<TAssignmentRule> {
  requireManager(ctx);
  return inTenant(deps.db.kysely, ctx.tenantId, async (tx) => {
    const before = await loadForChange(tx, id, version);
    const next = { ...before, ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) } as TAssignmentRule;
    await checkRule(tx, next);
    const row = await repo.updateRule(tx, id, {
      name: next.name,
      active: next.active,
      match: next.match,
      conditions: JSON.stringify(next.conditions),
      method: next.method,
      user_ids: next.userIds,
      team_id: next.teamId,
      capacity: next.capacity,
      working_days_only: next.workingDaysOnly,
      updated_by: ctx.userId,
    });
    const after = toRule(row);
    await recordChange(tx, ctx, { action: 'updated', objectType: 'assignment_rule', objectId: id, before: audited(before), after: audited(after) });
    return after;
  });
}

export type DeleteRuleOptions = { deps: Deps; ctx: RequestContext; id: string; version?: number | undefined };

export async function deleteRule({ deps, ctx, id, version }: DeleteRuleOptions): Promise<void> {
  requireManager(ctx);
  await inTenant(deps.db.kysely, ctx.tenantId, async (tx) => {
    const before = await loadForChange(tx, id, version);
    await repo.deleteRule(tx, id);
    await recordChange(tx, ctx, { action: 'deleted', objectType: 'assignment_rule', objectId: id, before: audited(before) });
  });
}

export type ReorderRulesOptions = { deps: Deps; ctx: RequestContext; ids: string[] };
/** The whole order at once (what a drag and drop produces); every rule must be named once. */
export async function reorderRules({ deps, ctx, ids }: ReorderRulesOptions): Promise<TAssignmentRule[]> {
  requireManager(ctx);
  return inTenant(deps.db.kysely, ctx.tenantId, async (tx) => {
    const rows = await repo.listRules(tx, { lock: true });
    const known = new Set(rows.map((r) => r.id));
    if (ids.length !== known.size || new Set(ids).size !== ids.length || ids.some((id) => !known.has(id))) throw assignmentErrors.orderIncomplete();
    const before = rows.map((r) => r.id);
    for (const [position, id] of ids.entries()) {
      const row = rows.find((r) => r.id === id);
      if (row && row.position !== position) await repo.setPosition(tx, id, position);
    }
    await recordChange(tx, ctx, {
      action: 'reordered',
      objectType: 'assignment_rule',
      objectId: ctx.tenantId,
      before: { order: before },
      after: { order: ids },
    });
    return (await repo.listRules(tx)).map(toRule);
  });
}

const toSettings = (r: repo.SettingsRow): TAssignmentSettings => ({
  assignOnCapture: r.assign_on_capture,
  assignOnHot: r.assign_on_hot,
  workingDays: r.working_days,
  holidays: r.holidays.map(String),
  version: r.version,
});

export type GetSettingsOptions = { deps: Deps; ctx: RequestContext };
export async function getSettings({ deps, ctx }: GetSettingsOptions): Promise<TAssignmentSettings> {
  requireAccess(ctx.access, 'lead', 'read');
  return inTenant(deps.db.kysely, ctx.tenantId, async (tx) => toSettings(await repo.findSettings(tx)));
}

export type UpdateSettingsOptions = { deps: Deps; ctx: RequestContext; input: TUpdateAssignmentSettingsRequest; version?: number | undefined };

export async function updateSettings({ deps, ctx, input, version }: UpdateSettingsOptions): Promise<TAssignmentSettings> {
  requireManager(ctx);
  return inTenant(deps.db.kysely, ctx.tenantId, async (tx) => {
    const before = toSettings(await repo.findSettings(tx));
    if (version !== undefined && version !== before.version) throw assignmentErrors.staleVersion(version, before.version);
    const next = { ...before, ...input };
    const workingDays = [...new Set(next.workingDays)].sort();
    await repo.upsertSettings(
      tx,
      ctx.tenantId,
      { assign_on_capture: next.assignOnCapture, assign_on_hot: next.assignOnHot, working_days: workingDays, holidays: [...new Set(next.holidays)].sort() },
      ctx.userId,
    );
    const after = toSettings(await repo.findSettings(tx));
    await recordChange(tx, ctx, { action: 'updated', objectType: 'assignment_settings', objectId: ctx.tenantId, before, after });
    return after;
  });
}

export type ListAwayOptions = { deps: Deps; ctx: RequestContext };
export async function listAway({ deps, ctx }: ListAwayOptions): Promise<TAway[]> {
  requireAccess(ctx.access, 'lead', 'read');
  return inTenant(deps.db.kysely, ctx.tenantId, async (tx) =>
    (await repo.listAway(tx)).map((r) => ({ userId: r.user_id, userName: r.user_name, until: r.until, note: r.note })),
  );
}

export type SetAwayOptions = {
  deps: Deps;
  ctx: RequestContext;
  userId: string;
  input: { until?: string | null | undefined; note?: string | null | undefined };
};

/** Marks a user off (no new leads) until a date, or until cleared; a user may mark themselves. */
export async function setAway({ deps, ctx, userId, input }: SetAwayOptions) {
  if (userId !== ctx.userId) requireManager(ctx);
  await inTenant(deps.db.kysely, ctx.tenantId, async (tx) => {
    if ((await repo.activeUserIds(tx, [userId])).length === 0) throw notFound('user');
    await repo.setAway(tx, { tenant_id: ctx.tenantId, user_id: userId, until: input.until ?? null, note: input.note ?? null });
    await recordChange(tx, ctx, {
      action: 'away',
      objectType: 'user',
      objectId: userId,
      after: { awayUntil: input.until ?? 'open', note: input.note ?? null },
    });
  });
}

export type ClearAwayOptions = { deps: Deps; ctx: RequestContext; userId: string };
export async function clearAway({ deps, ctx, userId }: ClearAwayOptions) {
  if (userId !== ctx.userId) requireManager(ctx);
  await inTenant(deps.db.kysely, ctx.tenantId, async (tx) => {
    if (!(await repo.clearAway(tx, userId))) return;
    await recordChange(tx, ctx, { action: 'back', objectType: 'user', objectId: userId, before: { away: true }, after: { away: false } });
  });
}
