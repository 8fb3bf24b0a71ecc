import { requireAccess } from '#platform/access/access.ts';
import { notFound } from '#platform/errors/app-error.ts';
import { dealsErrors } from './deals.errors.ts';
import { recordChange } from '#platform/events/record-change.ts';
import { newId } from '#platform/ids.ts';
import { inTenant } from '#db/tx.ts';
import { defaultForecastCategory } from './default-pipeline.definition.ts';
import { stageToApi } from './pipelines.mapper.ts';
import * as repo from './pipelines.repo.ts';
import type { TCreateStageRequest, TStage, TUpdateStageRequest } from './pipelines.schema.ts';
import { loadPipeline, type ServiceOptions, stageSetProblems } from './pipelines.service.ts';

type StageOptions = ServiceOptions & { pipelineId: string };

export async function createStage(o: StageOptions & { input: TCreateStageRequest }): Promise<TStage> {
  requireAccess(o.ctx.access, 'pipeline', 'update');
  return inTenant(o.deps.db.kysely, o.ctx.tenantId, async (tx) => {
    const { row, stages } = await loadPipeline({ tx, ctx: o.ctx, id: o.pipelineId, forUpdate: true });
    const type = o.input.type ?? 'open';
    // New stages go before the closing (won/lost) ones unless a position is given.
    const firstClosed = stages.findIndex((s) => s.type !== 'open');
    const position = Math.min(o.input.position ?? (type === 'open' && firstClosed >= 0 ? firstClosed : stages.length), stages.length);
    const created = await repo.insertStageRow(tx, {
      tenant_id: o.ctx.tenantId,
      id: newId(),
      pipeline_id: row.id,
      name: JSON.stringify(o.input.name),
      probability: o.input.probability,
      type,
      forecast_category: o.input.forecastCategory ?? defaultForecastCategory(type, o.input.probability),
      position,
    });
    const order = stages.map((s) => s.id);
    order.splice(position, 0, created.id);
    await repo.setStagePositions(tx, order);
    const out = { ...stageToApi(created), position };
    await recordChange(tx, o.ctx, { action: 'created', objectType: 'pipeline_stage', objectId: created.id, after: out });
    return out;
  });
}

export async function updateStage(o: StageOptions & { id: string; version: number | undefined; input: TUpdateStageRequest }): Promise<TStage> {
  requireAccess(o.ctx.access, 'pipeline', 'update');
  return inTenant(o.deps.db.kysely, o.ctx.tenantId, async (tx) => {
    const { stages } = await loadPipeline({ tx, ctx: o.ctx, id: o.pipelineId, forUpdate: true });
    const stage = stages.find((s) => s.id === o.id);
    if (!stage) throw notFound('stage');
    if (o.version !== undefined && o.version !== stage.version) throw dealsErrors.staleVersion(o.version, stage.version);
    const { name, probability, type, forecastCategory } = o.input;
    if (type && type !== stage.type) {
      // Deals in the stage carry its type as their status; changing it under them would make won deals open.
      if ((await repo.stageUse(tx, { stageId: stage.id })) > 0) throw dealsErrors.stageTypeInUse();
      const problem = stageSetProblems(stages.map((s) => (s.id === stage.id ? { type } : s)));
      if (problem) throw dealsErrors.badStageSet('type', problem);
    }
    const nextType = type ?? (stage.type as 'open');
    const nextProbability = probability ?? stage.probability;
    const updated = await repo.updateStageRow(tx, stage.id, stage.version, {
      ...(name ? { name: JSON.stringify(name) } : {}),
      probability: nextProbability,
      type: nextType,
      forecast_category: forecastCategory ?? (type || probability !== undefined ? defaultForecastCategory(nextType, nextProbability) : stage.forecast_category),
    });
    if (!updated) throw dealsErrors.staleVersion(stage.version, stage.version + 1);
    const out = stageToApi(updated);
    await recordChange(tx, o.ctx, { action: 'updated', objectType: 'pipeline_stage', objectId: stage.id, before: stageToApi(stage), after: out });
    return out;
  });
}

export async function deleteStage(o: StageOptions & { id: string }): Promise<void> {
  requireAccess(o.ctx.access, 'pipeline', 'update');
  await inTenant(o.deps.db.kysely, o.ctx.tenantId, async (tx) => {
    const { stages } = await loadPipeline({ tx, ctx: o.ctx, id: o.pipelineId, forUpdate: true });
    const stage = stages.find((s) => s.id === o.id);
    if (!stage) throw notFound('stage');
    if ((await repo.stageUse(tx, { stageId: stage.id })) > 0) throw dealsErrors.stageInUse();
    const problem = stageSetProblems(stages.filter((s) => s.id !== stage.id));
    if (problem) throw dealsErrors.stageSetConflict(problem);
    await repo.deleteStageRow(tx, stage.id);
    await repo.setStagePositions(
      tx,
      stages.filter((s) => s.id !== stage.id).map((s) => s.id),
    );
    await recordChange(tx, o.ctx, { action: 'deleted', objectType: 'pipeline_stage', objectId: stage.id, before: stageToApi(stage) });
  });
}

export async function reorderStages(o: StageOptions & { ids: string[] }): Promise<TStage[]> {
  requireAccess(o.ctx.access, 'pipeline', 'update');
  return inTenant(o.deps.db.kysely, o.ctx.tenantId, async (tx) => {
    const { stages } = await loadPipeline({ tx, ctx: o.ctx, id: o.pipelineId, forUpdate: true });
    const known = new Set(stages.map((s) => s.id));
    if (o.ids.length !== stages.length || o.ids.some((id) => !known.delete(id))) throw dealsErrors.reorderMismatch();
    await repo.setStagePositions(tx, o.ids);
    await recordChange(tx, o.ctx, { action: 'reordered', objectType: 'pipeline', objectId: o.pipelineId, after: { stageOrder: o.ids } });
    return (await repo.listStageRows(tx, [o.pipelineId])).map(stageToApi);
  });
}
