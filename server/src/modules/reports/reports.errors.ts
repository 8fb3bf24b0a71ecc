import { invalid } from '#platform/errors/app-error.ts';

/** The reports module's refusals; messages live in ./locales under `reports.`. */
export const reportsErrors = {
  unknownTeam: () => invalid('teamId', 'reports.unknown_team'),
  unknownPipeline: () => invalid('pipelineId', 'reports.unknown_pipeline'),
  periodReversed: () => invalid('to', 'reports.period_reversed'),
  periodTooLong: (years: number) => invalid('to', 'reports.period_too_long', { years }),
};
