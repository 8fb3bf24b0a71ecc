import type { Database } from '#db/database.ts';
import { inSystem, inTenant, type Tx } from '#db/tx.ts';
import { requireAccess } from '#platform/access/access.ts';
import type { RequestContext } from '#platform/context.ts';
import type { Deps } from '#platform/deps.ts';
import { recordChange } from '#platform/events/record-change.ts';
import { MIN_OUTCOMES, type NaiveBayesModel, predict, readiness, train } from './naive-bayes.rules.ts';
import * as repo from './predictive.repo.ts';
import { requireAdmin, toSettings } from './scoring-config.service.ts';
import { leadFieldsOf } from './scoring-fields.service.ts';
import { findSettings } from './scoring.repo.ts';
import type { TModelStatus, TPrediction } from './scoring.schema.ts';

export const REFIT_JOB = 'lead-scoring-refit';

/** A lead's categorical features by API field name (`custom.<key>` from its custom values). */
export function featuresOf(lead: Record<string, unknown>, fields: string[]): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const f of fields) {
    const v = f.startsWith('custom.') ? (lead.custom as Record<string, unknown> | undefined)?.[f.slice(7)] : lead[f];
    out[f] = v === null || v === undefined || typeof v === 'object' ? null : String(v);
  }
  return out;
}

export type RefitInTxOptions = { tx: Tx; tenantId: string; now?: Date };
/** Trains the tenant's model from its own history and stores it, or stores why it cannot. */
export async function refitInTx({ tx, tenantId, now = new Date() }: RefitInTxOptions): Promise<TModelStatus> {
  const fields = toSettings(await findSettings(tx)).predictiveFields;
  const rows = await repo.trainingRows(tx);
  const won = rows.filter((r) => r.won).length;
  const lost = rows.length - won;
  const ready = readiness(won, lost);
  const model = ready.ready
    ? train(
        rows.map((r) => ({ features: featuresOf(leadFieldsOf(r), fields), won: r.won })),
        fields,
      )
    : null;
  await repo.saveModel(tx, {
    tenant_id: tenantId,
    status: ready.ready ? 'ready' : 'insufficient',
    won,
    lost,
    model: model && JSON.stringify(model),
    trained_at: now,
  });
  return {
    status: ready.ready ? 'ready' : 'insufficient',
    reason: ready.ready ? null : ready.reason,
    won,
    lost,
    needed: MIN_OUTCOMES,
    trainedAt: now.toISOString(),
  };
}

function statusOf(row: repo.ModelRow | undefined): TModelStatus {
  if (!row) return { status: 'insufficient', reason: 'not_trained', won: 0, lost: 0, needed: MIN_OUTCOMES, trainedAt: null };
  const ready = readiness(row.won, row.lost);
  return {
    status: row.status === 'ready' ? 'ready' : 'insufficient',
    reason: ready.ready ? null : ready.reason,
    won: row.won,
    lost: row.lost,
    needed: MIN_OUTCOMES,
    trainedAt: row.trained_at.toISOString(),
  };
}

export type ModelStatusOptions = { deps: Deps; ctx: RequestContext };
export async function modelStatus({ deps, ctx }: ModelStatusOptions): Promise<TModelStatus> {
  requireAccess(ctx.access, 'lead', 'read');
  return inTenant(deps.db.kysely, ctx.tenantId, async (tx) => statusOf(await repo.findModel(tx)));
}

export type RefitNowOptions = { deps: Deps; ctx: RequestContext };
/** Refit on demand (admin); audited like any change to how leads are judged. */
export async function refitNow({ deps, ctx }: RefitNowOptions): Promise<TModelStatus> {
  requireAdmin(ctx);
  return inTenant(deps.db.kysely, ctx.tenantId, async (tx) => {
    const status = await refitInTx({ tx, tenantId: ctx.tenantId });
    await recordChange(tx, ctx, { action: 'refitted', objectType: 'scoring_model', objectId: ctx.tenantId, after: { ...status } });
    return status;
  });
}

/** The lead's probability with its top factors, or why there is none (never a guess). */
export async function predictionFor(tx: Tx, lead: Record<string, unknown>): Promise<TPrediction> {
  const row = await repo.findModel(tx);
  const status = statusOf(row);
  if (!row || status.status !== 'ready' || !row.model) {
    return {
      status: 'insufficient',
      reason: status.reason ?? 'not_trained',
      won: status.won,
      lost: status.lost,
      needed: MIN_OUTCOMES,
      trainedAt: status.trainedAt,
    };
  }
  const model = row.model as NaiveBayesModel;
  const p = predict(model, featuresOf(lead, model.fields));
  return { status: 'ready', ...p, won: row.won, lost: row.lost, trainedAt: row.trained_at.toISOString() };
}

/** The nightly job: refit every tenant with leads, one transaction each. */
export async function refitAll(db: Database): Promise<number> {
  const tenants = await inSystem(db.kysely, (tx) => repo.tenantsWithLeads(tx));
  for (const tenantId of tenants) await inTenant(db.kysely, tenantId, (tx) => refitInTx({ tx, tenantId }));
  return tenants.length;
}
