import { inTenant, inTenantRead, type Tx } from '#db/tx.ts';
import type { RequestContext } from '#platform/context.ts';
import type { Deps } from '#platform/deps.ts';
import type { AccessProfile, Action } from '#platform/access/access.ts';
import { accessOf } from '#platform/auth/auth.service.ts';
import { automationScope, mayAutomate, requireAutomation } from '#platform/access/automation-access.ts';
import { recordChange } from '#platform/events/record-change.ts';
import { newId } from '#platform/ids.ts';
import { checkRule, type RuleObject, ruleObject } from './rule-check.service.ts';
import { fieldsOutOfReach } from './rule-reach.service.ts';
import { nextRunAt } from './schedule.rules.ts';
import { workflowsErrors } from './workflows.errors.ts';
import { toRule, toRun } from './workflows.mapper.ts';
import * as repo from './workflows.repo.ts';
import type { TCreateWorkflowRuleRequest, TRunsQuery, TTrigger, TUpdateWorkflowRuleRequest, TWorkflowRule, TWorkflowRun } from './workflows.schema.ts';

/**
 * Rules act as their owner (whoever last saved them, with their roles): admins and roles granted
 * `automation` manage them, within its scope over the rules' owners (own, team, all).
 */
export function requireAdmin(ctx: RequestContext): void {
  if (automationScope(ctx, 'read') === 'none') throw workflowsErrors.forbidden();
}

/** The rule if the user may `action` it; one they may not see is not found, one they see but may not change is 403. */
function allowed<T extends { owner_id: string | null }>(ctx: RequestContext, action: Action, row: T | undefined): T {
  if (!row || !mayAutomate(ctx, 'read', row.owner_id)) throw workflowsErrors.notFound();
  if (!mayAutomate(ctx, action, row.owner_id)) throw workflowsErrors.forbidden();
  return row;
}

/** The rules (and so the runs) the user may see. */
const visible =
  (ctx: RequestContext) =>
  <T extends { owner_id: string | null }>(rows: T[]) =>
    rows.filter((r) => mayAutomate(ctx, 'read', r.owner_id));

/** Time rules start counting when saved or switched on: nothing fires for moments already past. */
function clocks(trigger: TTrigger, enabled: boolean, timeZone: string, now = new Date()) {
  if (!enabled) return { next_run_at: null, scanned_until: null };
  if (trigger.type === 'schedule') return { next_run_at: nextRunAt(trigger.cron, timeZone, now), scanned_until: null };
  if (trigger.type === 'date') return { next_run_at: null, scanned_until: now };
  return { next_run_at: null, scanned_until: null };
}

const columnsOf = (r: Omit<TCreateWorkflowRuleRequest, 'name'> & { name: string }) => ({
  name: r.name,
  description: r.description,
  object: r.object,
  trigger: JSON.stringify(r.trigger),
  conditions: r.conditions === null ? null : JSON.stringify(r.conditions),
  actions: JSON.stringify(r.actions),
  enabled: r.enabled,
});

const audit = (tx: Tx, ctx: RequestContext, action: string, before: TWorkflowRule | null, after: TWorkflowRule | null) =>
  recordChange(tx, ctx, { action, objectType: 'workflow_rule', objectId: (after ?? before)?.id as string, before, after });

/** The rules as the API shows them, each with the fields its owner may no longer read (its `attention`). */
async function withAttention(tx: Tx, deps: Deps, ctx: RequestContext, rows: repo.RuleRow[]): Promise<TWorkflowRule[]> {
  const objects = new Map<string, Promise<RuleObject | undefined>>();
  const owners = new Map<string, Promise<AccessProfile>>();
  const out: TWorkflowRule[] = [];
  for (const row of rows) {
    if (!objects.has(row.object)) objects.set(row.object, ruleObject({ tx, deps, name: row.object }));
    const target = await objects.get(row.object);
    const access = () => {
      if (!owners.has(row.owner_id)) owners.set(row.owner_id, accessOf({ db: tx, tenantId: ctx.tenantId, userId: row.owner_id }));
      return owners.get(row.owner_id) as Promise<AccessProfile>;
    };
    out.push(toRule(row, target ? await fieldsOutOfReach({ tx, target, rule: row, access }) : []));
  }
  return out;
}

export type ListRulesOptions = { deps: Deps; ctx: RequestContext };
export async function listRules({ deps, ctx }: ListRulesOptions): Promise<TWorkflowRule[]> {
  requireAdmin(ctx);
  return inTenantRead(deps.db.kysely, ctx.tenantId, async (tx) => withAttention(tx, deps, ctx, visible(ctx)(await repo.listRules(tx))));
}

export type GetRuleOptions = { deps: Deps; ctx: RequestContext; id: string };
export async function getRule({ deps, ctx, id }: GetRuleOptions): Promise<TWorkflowRule> {
  requireAdmin(ctx);
  return inTenantRead(deps.db.kysely, ctx.tenantId, async (tx) => {
    const [rule] = await withAttention(tx, deps, ctx, [allowed(ctx, 'read', await repo.findRule(tx, id))]);
    return rule as TWorkflowRule;
  });
}

export type CreateRuleOptions = { deps: Deps; ctx: RequestContext; input: TCreateWorkflowRuleRequest };
export async function createRule({ deps, ctx, input }: CreateRuleOptions): Promise<TWorkflowRule> {
  requireAutomation(ctx, 'create');
  return inTenant(deps.db.kysely, ctx.tenantId, async (tx) => {
    const { timezone } = await repo.tenantSettings(tx, ctx.tenantId);
    await checkRule({ tx, deps, rule: input, timeZone: timezone, access: ctx.access });
    const row = await repo.insertRule(tx, {
      tenant_id: ctx.tenantId,
      id: newId(),
      ...columnsOf(input),
      position: await repo.nextPosition(tx),
      owner_id: ctx.userId,
      created_by: ctx.userId,
      updated_by: ctx.userId,
      ...clocks(input.trigger, input.enabled, timezone),
    });
    const rule = toRule(row);
    await audit(tx, ctx, 'created', null, rule);
    return rule;
  });
}

export type UpdateRuleOptions = { deps: Deps; ctx: RequestContext; id: string; input: TUpdateWorkflowRuleRequest; version: number | undefined };

/** A change re-checks the whole rule; the editor becomes its owner (whom it acts as). */
export async function updateRule({ deps, ctx, ...o }: UpdateRuleOptions): Promise<TWorkflowRule> {
  requireAdmin(ctx);
  return inTenant(deps.db.kysely, ctx.tenantId, async (tx) => {
    const row = allowed(ctx, 'update', await repo.findRule(tx, o.id, true));
    if (o.version !== undefined && o.version !== row.version) throw workflowsErrors.staleVersion(o.version, row.version);
    const before = toRule(row);
    const merged = { ...before, ...o.input };
    const { timezone } = await repo.tenantSettings(tx, ctx.tenantId);
    await checkRule({ tx, deps, rule: merged, timeZone: timezone, access: ctx.access });
    const timing = JSON.stringify(merged.trigger) !== JSON.stringify(before.trigger) || merged.enabled !== before.enabled;
    const updated = await repo.updateRule(tx, o.id, {
      ...columnsOf(merged),
      owner_id: ctx.userId,
      updated_by: ctx.userId,
      ...(timing ? clocks(merged.trigger, merged.enabled, timezone) : {}),
    });
    const rule = toRule(updated);
    await audit(tx, ctx, 'updated', before, rule);
    return rule;
  });
}

export type DeleteRuleOptions = { deps: Deps; ctx: RequestContext } & { id: string; version: number | undefined };
export async function deleteRule({ deps, ctx, ...o }: DeleteRuleOptions): Promise<void> {
  requireAdmin(ctx);
  await inTenant(deps.db.kysely, ctx.tenantId, async (tx) => {
    const row = allowed(ctx, 'delete', await repo.findRule(tx, o.id, true));
    if (o.version !== undefined && o.version !== row.version) throw workflowsErrors.staleVersion(o.version, row.version);
    await repo.deleteRule(tx, o.id);
    await audit(tx, ctx, 'deleted', toRule(row), null);
  });
}

export type ReorderRulesOptions = { deps: Deps; ctx: RequestContext; ids: string[] };
/** The new order of every rule (rules run in this order on the same event). */
export async function reorderRules({ deps, ctx, ids }: ReorderRulesOptions): Promise<TWorkflowRule[]> {
  // The order is the tenant's: only who may change every rule reorders them.
  if (requireAutomation(ctx, 'update') !== 'all') throw workflowsErrors.forbidden();
  return inTenant(deps.db.kysely, ctx.tenantId, async (tx) => {
    const rules = await repo.listRules(tx);
    const known = new Set(rules.map((r) => r.id));
    if (ids.length !== known.size || new Set(ids).size !== ids.length || !ids.every((id) => known.has(id))) throw workflowsErrors.orderIncomplete();
    for (const [position, id] of ids.entries()) {
      if (rules.find((r) => r.id === id)?.position !== position) await repo.setPosition(tx, id, position);
    }
    return (await repo.listRules(tx)).map((r) => toRule(r));
  });
}

export type ListRunsOptions = { deps: Deps; ctx: RequestContext; q: TRunsQuery };
export async function listRuns({ deps, ctx, q }: ListRunsOptions): Promise<{ data: TWorkflowRun[]; nextCursor: string | null }> {
  requireAdmin(ctx);
  return inTenantRead(deps.db.kysely, ctx.tenantId, async (tx) => {
    // Who sees only some rules sees only their runs.
    const ruleIds = automationScope(ctx, 'read') === 'all' ? null : visible(ctx)(await repo.listRules(tx)).map((r) => r.id);
    const rows = await repo.listRuns(tx, { ...q, ruleIds });
    const page = rows.slice(0, q.limit);
    return { data: page.map(toRun), nextCursor: rows.length > q.limit ? (page.at(-1)?.id ?? null) : null };
  });
}
