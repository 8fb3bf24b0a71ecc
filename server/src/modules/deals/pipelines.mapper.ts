import type { ForecastCategory, StageType } from './deals.schema.ts';
import type { PipelineRow, StageRow } from './pipelines.repo.ts';
import type { TPipeline, TStage } from './pipelines.schema.ts';

type Name = { zh?: string; en?: string };

export const stageToApi = (s: StageRow): TStage => ({
  id: s.id,
  pipelineId: s.pipeline_id,
  name: s.name as Name,
  probability: s.probability,
  type: s.type as StageType,
  forecastCategory: s.forecast_category as ForecastCategory,
  position: s.position,
  version: s.version,
});

export const pipelineToApi = (p: PipelineRow, stages: StageRow[]): TPipeline => ({
  id: p.id,
  name: p.name as Name,
  position: p.position,
  isDefault: p.is_default,
  teamIds: p.team_ids,
  staleDays: p.stale_days,
  closed: p.closed_at !== null,
  closedAt: p.closed_at ? new Date(p.closed_at).toISOString() : null,
  stages: stages.filter((s) => s.pipeline_id === p.id).map(stageToApi),
  version: p.version,
  createdAt: new Date(p.created_at).toISOString(),
  updatedAt: new Date(p.updated_at).toISOString(),
});

/** A stage's name in the caller's language, falling back to the other one. */
export const localName = (name: Name, locale: string) => (locale === 'en' ? (name.en ?? name.zh) : (name.zh ?? name.en)) ?? '';
