import { requireAccess } from '#platform/access/access.ts';
import type { RequestContext } from '#platform/context.ts';
import type { Deps } from '#platform/deps.ts';
import { notFound } from '#platform/errors/app-error.ts';
import { dealsErrors } from './deals.errors.ts';
import { recordChange } from '#platform/events/record-change.ts';
import { newId } from '#platform/ids.ts';
import { inTenant, type Tx } from '#db/tx.ts';
import { DEFAULT_PIPELINE_NAME, DEFAULT_STAGES, defaultForecastCategory } from './default-pipeline.definition.ts';
import { pipelineToApi } from './pipelines.mapper.ts';
import * as repo from './pipelines.repo.ts';
import type { PipelineRow, StageRow } from './pipelines.repo.ts';
import type { TCreatePipelineRequest, TPipeline, TUpdatePipelineRequest } from './pipelines.schema.ts';

export type ServiceOptions = { deps: Deps; ctx: RequestContext };
type StageInput = {
  name: { zh?: string | undefined; en?: string | undefined };
  probability: number;
  type?: 'open' | 'won' | 'lost' | undefined;
  forecastCategory?: string | undefined;
};

const stageValues = (ctx: RequestContext, pipelineId: string, s: StageInput, position: number) => {
  const type = s.type ?? 'open';
  return {
    tenant_id: ctx.tenantId,
    id: newId(),
    pipeline_id: pipelineId,
    name: JSON.stringify(s.name),
    probability: s.probability,
    type,
    forecast_category: s.forecastCategory ?? defaultForecastCategory(type, s.probability),
    position,
  };
};

/** Every board needs somewhere to start, win and lose. */
export function stageSetProblems(stages: { type: string }[]): string | null {
  for (const type of ['open', 'won', 'lost']) if (!stages.some((s) => s.type === type)) return `deals.pipeline_needs_${type}_stage`;
  return null;
}

export type InsertPipelineOptions = { tx: Tx; ctx: RequestContext } & TCreatePipelineRequest & { position: number };
/** Creates a pipeline with its stages in the caller's transaction (also the default one). */
export async function insertPipeline({ tx, ctx, ...o }: InsertPipelineOptions): Promise<TPipeline> {
  const stages = o.stages ?? DEFAULT_STAGES;
  const problem = stageSetProblems(stages.map((s) => ({ type: s.type ?? 'open' })));
  if (problem) throw dealsErrors.badStageSet('stages', problem);
  if (o.isDefault) await repo.clearDefault(tx);
  const p = await repo.insertPipelineRow(tx, {
    tenant_id: ctx.tenantId,
    id: newId(),
    name: JSON.stringify(o.name),
    position: o.position,
    is_default: o.isDefault ?? false,
    team_ids: o.teamIds ?? [],
    stale_days: o.staleDays ?? 14,
    closed_at: o.closed ? new Date() : null,
    created_by: ctx.userId,
    updated_by: ctx.userId,
  });
  const rows: StageRow[] = [];
  for (const [i, s] of stages.entries()) rows.push(await repo.insertStageRow(tx, stageValues(ctx, p.id, s, i)));
  const out = pipelineToApi(p, rows);
  await recordChange(tx, ctx, { action: 'created', objectType: 'pipeline', objectId: p.id, after: out });
  return out;
}

/** The tenant's default pipeline, created on first use for tenants that have none (new tenants, old data). */
export async function ensureDefaultPipeline(tx: Tx, ctx: RequestContext): Promise<PipelineRow> {
  const existing = await repo.findDefaultPipelineRow(tx);
  if (existing) return existing;
  await repo.lockPipelines(tx, ctx.tenantId);
  const all = await repo.listPipelineRows(tx);
  const fallback = all.find((p) => p.closed_at === null);
  if (fallback) return fallback;
  const created = await insertPipeline({ tx, ctx, name: DEFAULT_PIPELINE_NAME, isDefault: true, position: 0 });
  return (await repo.findPipelineRow(tx, created.id)) as PipelineRow;
}

/** Whether the user may see (and use) a pipeline: admins all, others those given to their team chain or to everyone. */
export async function pipelineVisibility(tx: Tx, ctx: RequestContext): Promise<(p: PipelineRow) => boolean> {
  if (ctx.access.isAdmin) return () => true;
  const chain = ctx.userId ? new Set(await repo.teamChainOf(tx, ctx.userId)) : new Set<string>();
  return (p) => p.team_ids.length === 0 || p.team_ids.some((t) => chain.has(t));
}

export async function listPipelines(o: ServiceOptions & { includeClosed: boolean }): Promise<TPipeline[]> {
  requireAccess(o.ctx.access, 'pipeline', 'read');
  return inTenant(o.deps.db.kysely, o.ctx.tenantId, async (tx) => {
    await ensureDefaultPipeline(tx, o.ctx);
    const visible = await pipelineVisibility(tx, o.ctx);
    const pipelines = (await repo.listPipelineRows(tx)).filter((p) => visible(p) && (o.includeClosed || p.closed_at === null));
    const stages = await repo.listStageRows(
      tx,
      pipelines.map((p) => p.id),
    );
    return pipelines.map((p) => pipelineToApi(p, stages));
  });
}

export type LoadPipelineOptions = { tx: Tx; ctx: RequestContext; id: string; forUpdate?: boolean };

/** A pipeline the user may see, with its stages; 404 otherwise. */
export async function loadPipeline({ tx, ctx, id, forUpdate = false }: LoadPipelineOptions): Promise<{ row: PipelineRow; stages: StageRow[] }> {
  const row = await repo.findPipelineRow(tx, id, forUpdate);
  if (!row || !(await pipelineVisibility(tx, ctx))(row)) throw notFound('pipeline');
  return { row, stages: await repo.listStageRows(tx, [id]) };
}

export async function getPipeline(o: ServiceOptions & { id: string }): Promise<TPipeline> {
  requireAccess(o.ctx.access, 'pipeline', 'read');
  return inTenant(o.deps.db.kysely, o.ctx.tenantId, async (tx) => {
    const { row, stages } = await loadPipeline({ tx, ctx: o.ctx, id: o.id });
    return pipelineToApi(row, stages);
  });
}

export async function createPipeline(o: ServiceOptions & { input: TCreatePipelineRequest }): Promise<TPipeline> {
  requireAccess(o.ctx.access, 'pipeline', 'create');
  return inTenant(o.deps.db.kysely, o.ctx.tenantId, async (tx) => {
    await ensureDefaultPipeline(tx, o.ctx);
    const position = (await repo.listPipelineRows(tx)).length;
    return insertPipeline({ tx, ctx: o.ctx, ...o.input, position });
  });
}

export async function updatePipeline(o: ServiceOptions & { id: string; version: number | undefined; input: TUpdatePipelineRequest }): Promise<TPipeline> {
  requireAccess(o.ctx.access, 'pipeline', 'update');
  return inTenant(o.deps.db.kysely, o.ctx.tenantId, async (tx) => {
    const { row, stages } = await loadPipeline({ tx, ctx: o.ctx, id: o.id, forUpdate: true });
    if (o.version !== undefined && o.version !== row.version) throw dealsErrors.staleVersion(o.version, row.version);
    const { name, teamIds, staleDays, isDefault, closed } = o.input;
    if (closed && (isDefault ?? row.is_default)) throw dealsErrors.defaultPipelineClosed();
    if (isDefault) await repo.clearDefault(tx);
    const updated = await repo.updatePipelineRow(tx, row.id, row.version, {
      ...(name ? { name: JSON.stringify(name) } : {}),
      ...(teamIds ? { team_ids: teamIds } : {}),
      ...(staleDays ? { stale_days: staleDays } : {}),
      ...(isDefault ? { is_default: true } : {}),
      ...(closed === undefined ? {} : { closed_at: closed ? (row.closed_at ?? new Date()) : null }),
      updated_by: o.ctx.userId,
    });
    if (!updated) throw dealsErrors.staleVersion(row.version, row.version + 1);
    const out = pipelineToApi(updated, stages);
    await recordChange(tx, o.ctx, { action: 'updated', objectType: 'pipeline', objectId: row.id, before: pipelineToApi(row, stages), after: out });
    return out;
  });
}

/** Only a pipeline that never held a deal may be deleted; otherwise close (archive) it. */
export async function deletePipeline(o: ServiceOptions & { id: string }): Promise<void> {
  requireAccess(o.ctx.access, 'pipeline', 'delete');
  await inTenant(o.deps.db.kysely, o.ctx.tenantId, async (tx) => {
    const { row, stages } = await loadPipeline({ tx, ctx: o.ctx, id: o.id, forUpdate: true });
    if (row.is_default) throw dealsErrors.defaultPipelineDelete();
    if ((await repo.stageUse(tx, { pipelineId: row.id })) > 0) throw dealsErrors.pipelineInUse();
    await repo.deletePipelineRow(tx, row.id);
    await recordChange(tx, o.ctx, { action: 'deleted', objectType: 'pipeline', objectId: row.id, before: pipelineToApi(row, stages) });
  });
}

export async function reorderPipelines(o: ServiceOptions & { ids: string[] }): Promise<TPipeline[]> {
  requireAccess(o.ctx.access, 'pipeline', 'update');
  await inTenant(o.deps.db.kysely, o.ctx.tenantId, async (tx) => {
    await repo.lockPipelines(tx, o.ctx.tenantId);
    const all = await repo.listPipelineRows(tx);
    const known = new Set(all.map((p) => p.id));
    if (o.ids.length !== all.length || o.ids.some((id) => !known.delete(id))) throw dealsErrors.reorderMismatch();
    await repo.setPipelinePositions(tx, o.ids);
    await recordChange(tx, o.ctx, { action: 'reordered', objectType: 'pipeline', objectId: o.ids[0] as string, after: { order: o.ids } });
  });
  return listPipelines({ ...o, includeClosed: true });
}
