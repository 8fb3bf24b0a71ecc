import { inTenant, type Tx } from '#db/tx.ts';
import { requireAccess } from '#platform/access/access.ts';
import type { RequestContext } from '#platform/context.ts';
import type { Deps } from '#platform/deps.ts';
import { notFound } from '#platform/errors/app-error.ts';
import { recordChange } from '#platform/events/record-change.ts';
import { newId } from '#platform/ids.ts';
import { camelField, checkRules, LEAD_RULE_FIELDS, ruleFields } from './scoring-fields.service.ts';
import { scoringErrors } from './scoring.errors.ts';
import * as repo from './scoring.repo.ts';
import type {
  TCreateScoringGroupRequest,
  TScoringGroup,
  TScoringRuleInput,
  TScoringSettings,
  TUpdateScoringGroupRequest,
  TUpdateScoringSettingsRequest,
} from './scoring.schema.ts';

/** Scoring rules shape every lead's score: only administrators change them. */
export function requireAdmin(ctx: RequestContext): void {
  if (!ctx.access.isAdmin) throw scoringErrors.forbidden();
}

export const toSettings = (row: repo.SettingsRow): TScoringSettings => ({
  halfLifeDays: Number(row.half_life_days),
  warmAt: row.warm_at,
  hotAt: row.hot_at,
  predictiveFields: row.predictive_fields.map(camelField),
  updatedAt: row.updated_at ? row.updated_at.toISOString() : null,
  version: row.version,
});

export const toGroup = (row: repo.GroupRow): TScoringGroup => ({
  id: row.id,
  name: row.name,
  cap: row.cap,
  position: row.position,
  active: row.active,
  rules: row.rules as TScoringGroup['rules'],
  createdAt: row.created_at.toISOString(),
  updatedAt: row.updated_at.toISOString(),
  version: row.version,
});

const withIds = (rules: TScoringRuleInput[]) => rules.map((r) => ({ ...r, id: r.id ?? newId() }));

export type GetSettingsOptions = { deps: Deps; ctx: RequestContext };
export async function getSettings({ deps, ctx }: GetSettingsOptions): Promise<TScoringSettings> {
  requireAccess(ctx.access, 'lead', 'read');
  return inTenant(deps.db.kysely, ctx.tenantId, async (tx) => toSettings(await repo.findSettings(tx)));
}

export type UpdateSettingsOptions = { deps: Deps; ctx: RequestContext; input: TUpdateScoringSettingsRequest; version?: number | undefined };

export async function updateSettings({ deps, ctx, input, version }: UpdateSettingsOptions): Promise<TScoringSettings> {
  requireAdmin(ctx);
  return inTenant(deps.db.kysely, ctx.tenantId, async (tx) => {
    const row = await repo.findSettings(tx);
    if (version !== undefined && version !== row.version) throw scoringErrors.staleVersion(version, row.version);
    const before = toSettings(row);
    const next = { ...before, ...input };
    if (next.hotAt <= next.warmAt) throw scoringErrors.hotAboveWarm(next.warmAt);
    const unknown = next.predictiveFields.find((f) => !(f in LEAD_RULE_FIELDS) && !f.startsWith('custom.'));
    if (unknown) throw scoringErrors.unknownPredictiveField(unknown);
    const saved = await repo.upsertSettings(
      tx,
      ctx.tenantId,
      { half_life_days: next.halfLifeDays, warm_at: next.warmAt, hot_at: next.hotAt, predictive_fields: next.predictiveFields },
      ctx.userId,
    );
    const after = toSettings(saved);
    await recordChange(tx, ctx, { action: 'updated', objectType: 'scoring_settings', objectId: ctx.tenantId, before, after });
    return after;
  });
}

export type ListFieldsOptions = { deps: Deps; ctx: RequestContext; withScore: boolean };
export async function listFields({ deps, ctx, withScore }: ListFieldsOptions) {
  requireAccess(ctx.access, 'lead', 'read');
  return inTenant(deps.db.kysely, ctx.tenantId, (tx) => ruleFields({ tx, locale: ctx.locale, withScore }));
}

export type ListGroupsOptions = { deps: Deps; ctx: RequestContext };
export async function listGroups({ deps, ctx }: ListGroupsOptions): Promise<TScoringGroup[]> {
  requireAccess(ctx.access, 'lead', 'read');
  return inTenant(deps.db.kysely, ctx.tenantId, async (tx) => (await repo.listGroups(tx)).map(toGroup));
}

export type CreateGroupOptions = { deps: Deps; ctx: RequestContext; input: TCreateScoringGroupRequest };
export async function createGroup({ deps, ctx, input }: CreateGroupOptions): Promise<TScoringGroup> {
  requireAdmin(ctx);
  return inTenant(deps.db.kysely, ctx.tenantId, async (tx) => {
    const rules = input.rules ?? [];
    await checkRules(tx, rules);
    const row = await repo.insertGroup(tx, {
      tenant_id: ctx.tenantId,
      id: newId(),
      name: input.name,
      cap: input.cap ?? null,
      position: input.position ?? (await repo.nextGroupPosition(tx)),
      active: input.active ?? true,
      rules: JSON.stringify(withIds(rules)),
      created_by: ctx.userId,
    });
    const group = toGroup(row);
    await recordChange(tx, ctx, { action: 'created', objectType: 'scoring_group', objectId: group.id, after: group });
    return group;
  });
}

async function loadForChange(tx: Tx, id: string, version: number | undefined): Promise<repo.GroupRow> {
  const row = await repo.findGroup(tx, id);
  if (!row) throw notFound('scoring_group');
  if (version !== undefined && version !== row.version) throw scoringErrors.staleVersion(version, row.version);
  return row;
}

export type UpdateGroupOptions = { deps: Deps; ctx: RequestContext; id: string; input: TUpdateScoringGroupRequest; version?: number | undefined };

export async function updateGroup({ deps, ctx, id, input, version }: UpdateGroupOptions): Promise<TScoringGroup> {
  requireAdmin(ctx);
  return inTenant(deps.db.kysely, ctx.tenantId, async (tx) => {
    const row = await loadForChange(tx, id, version);
    if (input.rules) await checkRules(tx, input.rules);
    const values: Record<string, unknown> = { updated_by: ctx.userId };
    if (input.name !== undefined) values.name = input.name;
    if (input.cap !== undefined) values.cap = input.cap;
    if (input.position !== undefined) values.position = input.position;
    if (input.active !== undefined) values.active = input.active;
    if (input.rules !== undefined) values.rules = JSON.stringify(withIds(input.rules));
    const after = toGroup(await repo.updateGroup(tx, id, values));
    await recordChange(tx, ctx, { action: 'updated', objectType: 'scoring_group', objectId: id, before: toGroup(row), after });
    return after;
  });
}

export type DeleteGroupOptions = { deps: Deps; ctx: RequestContext; id: string; version?: number | undefined };

export async function deleteGroup({ deps, ctx, id, version }: DeleteGroupOptions): Promise<void> {
  requireAdmin(ctx);
  await inTenant(deps.db.kysely, ctx.tenantId, async (tx) => {
    const row = await loadForChange(tx, id, version);
    await repo.deleteGroup(tx, id);
    await recordChange(tx, ctx, { action: 'deleted', objectType: 'scoring_group', objectId: id, before: toGroup(row) });
  });
}
