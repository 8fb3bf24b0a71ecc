import type { ForecastCategory, StageType } from './deals.schema.ts';

export type StageSeed = { name: { zh: string; en: string }; probability: number; type: StageType };

/** The stages every tenant starts with (editable in Settings). */
export const DEFAULT_STAGES: StageSeed[] = [
  { name: { zh: '线索确认', en: 'Qualification' }, probability: 10, type: 'open' },
  { name: { zh: '需求分析', en: 'Needs analysis' }, probability: 20, type: 'open' },
  { name: { zh: '方案报价', en: 'Proposal' }, probability: 50, type: 'open' },
  { name: { zh: '商务谈判', en: 'Negotiation' }, probability: 80, type: 'open' },
  { name: { zh: '赢单', en: 'Won' }, probability: 100, type: 'won' },
  { name: { zh: '输单', en: 'Lost' }, probability: 0, type: 'lost' },
];

export const DEFAULT_PIPELINE_NAME = { zh: '销售管道', en: 'Sales pipeline' };

/** A stage's forecast category unless the admin chose one: won closed, lost omitted, then by probability. */
export function defaultForecastCategory(type: StageType, probability: number): ForecastCategory {
  if (type === 'won') return 'closed';
  if (type === 'lost') return 'omitted';
  if (probability >= 70) return 'commit';
  if (probability >= 40) return 'best_case';
  return 'pipeline';
}
