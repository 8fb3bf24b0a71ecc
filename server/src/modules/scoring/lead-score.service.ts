import type { Database } from '#db/database.ts';
import { inSystem, inTenant, type Tx } from '#db/tx.ts';
import { leadDefinition } from '#modules/leads/index.ts';
import type { RequestContext } from '#platform/context.ts';
import type { Deps } from '#platform/deps.ts';
import { recordChange } from '#platform/events/record-change.ts';
import { newId } from '#platform/ids.ts';
import { loadVisible } from '#platform/records/record-service.ts';
import { predictionFor } from './predictive.service.ts';
import { type Band, computeScore, type ScoreResult, type ScoringGroup } from './score-engine.rules.ts';
import { leadFieldsOf } from './scoring-fields.service.ts';
import * as repo from './scoring.repo.ts';
import type { TEngagement, TEngagementRequest, TLeadScore } from './scoring.schema.ts';
import { systemContext } from './system-context.definition.ts';

export const DECAY_JOB = 'lead-scoring-decay';

export type Rescored = { leadId: string; score: number; band: Band; previousBand: Band | null; result: ScoreResult };

async function scoreOf(tx: Tx, lead: Record<string, unknown>, leadId: string, now: Date): Promise<ScoreResult> {
  const settings = await repo.findSettings(tx);
  const groups = (await repo.listGroups(tx, true)).map((g) => ({ id: g.id, name: g.name, cap: g.cap, rules: g.rules }) as ScoringGroup);
  const engagements = (await repo.listEngagements(tx, leadId)).map((e) => ({ type: e.type, occurredAt: e.occurred_at }));
  return computeScore({
    lead,
    engagements,
    groups,
    halfLifeDays: Number(settings.half_life_days),
    bands: { warmAt: settings.warm_at, hotAt: settings.hot_at },
    now,
  });
}

/**
 * Recomputes and stores one lead's score. Idempotent: the same inputs give the same row. A band
 * change is audited on the lead (its timeline shows "cold -> hot") and published as
 * `lead.score_changed`, which assignment listens to.
 */
export async function rescoreLead(tx: Tx, o: { tenantId: string; leadId: string; now?: Date; requestId?: string }): Promise<Rescored | null> {
  const row = await repo.findLeadRow(tx, o.leadId);
  if (!row) return null;
  const now = o.now ?? new Date();
  const result = await scoreOf(tx, leadFieldsOf(row), o.leadId, now);
  const previous = await repo.findScore(tx, o.leadId);
  await repo.upsertScore(tx, {
    tenant_id: o.tenantId,
    lead_id: o.leadId,
    score: result.score,
    band: result.band,
    explanation: JSON.stringify(result),
    computed_at: now,
  });
  const previousBand = (previous?.band as Band | undefined) ?? null;
  if (previousBand !== result.band) {
    await recordChange(tx, systemContext(o.tenantId, o.requestId ?? `rescore:${o.leadId}`), {
      action: 'score_changed',
      objectType: 'lead',
      objectId: o.leadId,
      before: { scoreBand: previousBand },
      after: { scoreBand: result.band },
      payload: { from: previousBand, to: result.band, score: result.score },
    });
  }
  return { leadId: o.leadId, score: result.score, band: result.band, previousBand, result };
}

export type RescoreTenantOptions = { db: Database; tenantId: string; now?: Date };
/** Rescores every open lead of a tenant in batches (after a rule change, and daily for decay). */
export async function rescoreTenant({ db, tenantId, now = new Date() }: RescoreTenantOptions): Promise<number> {
  let after: string | null = null;
  let count = 0;
  for (;;) {
    const ids: string[] = await inTenant(db.kysely, tenantId, async (tx) => {
      const batch = await repo.openLeadIds(tx, after, 200);
      for (const leadId of batch) await rescoreLead(tx, { tenantId, leadId, now, requestId: 'scoring-decay' });
      return batch;
    });
    count += ids.length;
    if (ids.length < 200) return count;
    after = ids[ids.length - 1] as string;
  }
}

/** The daily pass: engagement points decay with time even when nothing else happens. */
export async function decayAll(db: Database, now = new Date()): Promise<number> {
  const tenants = await inSystem(db.kysely, (tx) => repo.tenantsWithScoring(tx));
  let count = 0;
  for (const tenantId of tenants) count += await rescoreTenant({ db, tenantId, now });
  return count;
}

const toEngagement = (r: repo.EngagementRow): TEngagement => ({
  id: r.id,
  leadId: r.lead_id,
  type: r.type,
  occurredAt: r.occurred_at.toISOString(),
  source: r.source,
  createdAt: r.created_at.toISOString(),
});

export type GetLeadScoreOptions = { deps: Deps; ctx: RequestContext; leadId: string };
/** The stored score with its explanation and the model's prediction; computed live if never stored. */
export async function getLeadScore({ deps, ctx, leadId }: GetLeadScoreOptions): Promise<TLeadScore> {
  return inTenant(deps.db.kysely, ctx.tenantId, async (tx) => {
    const row = await loadVisible({ tx, ctx, def: leadDefinition, id: leadId, action: 'read' });
    const lead = leadFieldsOf(row);
    const stored = await repo.findScore(tx, leadId);
    const result = stored ? (stored.explanation as ScoreResult) : await scoreOf(tx, lead, leadId, new Date());
    return {
      leadId,
      score: stored?.score ?? result.score,
      band: (stored?.band as Band | undefined) ?? result.band,
      groups: result.groups,
      halfLifeDays: result.halfLifeDays,
      computedAt: result.computedAt,
      prediction: await predictionFor(tx, lead),
    };
  });
}

export type ListLeadEngagementsOptions = { deps: Deps; ctx: RequestContext; leadId: string };
export async function listLeadEngagements({ deps, ctx, leadId }: ListLeadEngagementsOptions): Promise<TEngagement[]> {
  return inTenant(deps.db.kysely, ctx.tenantId, async (tx) => {
    await loadVisible({ tx, ctx, def: leadDefinition, id: leadId, action: 'read' });
    return (await repo.listEngagements(tx, leadId)).map(toEngagement);
  });
}

export type AddEngagementOptions = { deps: Deps; ctx: RequestContext; leadId: string; input: TEngagementRequest };

/** Records an engagement (update access on the lead), audited, and rescores the lead at once. */
export async function addEngagement({ deps, ctx, leadId, input }: AddEngagementOptions): Promise<TEngagement & { score: number; band: Band }> {
  return inTenant(deps.db.kysely, ctx.tenantId, async (tx) => {
    await loadVisible({ tx, ctx, def: leadDefinition, id: leadId, action: 'update' });
    const row = await repo.insertEngagement(tx, {
      tenant_id: ctx.tenantId,
      id: newId(),
      lead_id: leadId,
      type: input.type,
      occurred_at: input.at ? new Date(input.at) : new Date(),
      source: 'api',
      source_key: null,
      created_by: ctx.userId,
    });
    const engagement = toEngagement(row as repo.EngagementRow);
    await recordChange(tx, ctx, { action: 'engaged', objectType: 'lead', objectId: leadId, after: { engagement: engagement.type, at: engagement.occurredAt } });
    const rescored = await rescoreLead(tx, { tenantId: ctx.tenantId, leadId, requestId: ctx.requestId });
    return { ...engagement, score: rescored?.score ?? 0, band: rescored?.band ?? 'cold' };
  });
}
