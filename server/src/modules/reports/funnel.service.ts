import { percent } from './ratios.rules.ts';
import { reportsErrors } from './reports.errors.ts';
import { funnelPipeline, funnelRows } from './funnel.repo.ts';
import { head, type ReportOptions, runReport } from './report-context.service.ts';
import type { TFunnelReport } from './reports.schema.ts';

/**
 * Stage-to-stage conversion of the deals created in the period, for one pipeline (the default
 * one unless named): how many reached each stage, moved on, are still there or were lost there.
 */
export function funnel(o: ReportOptions): Promise<TFunnelReport> {
  return runReport(o, async (tx, frame) => {
    const pipeline = await funnelPipeline(tx, frame.pipelineId);
    if (!pipeline) {
      if (frame.pipelineId) throw reportsErrors.unknownPipeline();
      return { ...head(frame, 0), pipeline: null, cohort: 0, stages: [] };
    }
    const rows = await funnelRows(tx, { ...frame, pipelineId: pipeline.id });
    const cohort = rows[0]?.cohort ?? 0;
    return {
      ...head(frame, rows[0]?.unconverted ?? 0),
      pipeline,
      cohort,
      stages: rows.map((r) => ({
        stage: { id: r.id, name: r.name, type: r.type, probability: r.probability },
        reached: r.reached,
        entered: r.entered,
        movedOn: r.moved_on,
        current: r.current,
        lostHere: r.lost_here,
        conversion: r.type === 'won' ? null : percent(r.moved_on, r.reached),
        fromStart: percent(r.reached, cohort),
        avgDaysInStage: r.avg_days === null ? null : Number(r.avg_days),
        reachedAmount: r.reached_amount,
      })),
    };
  });
}
