import { AppError, type FieldError, invalid } from '#platform/errors/app-error.ts';

/** The scoring module's refusals; messages live in ./locales under `fields.`. */
export const scoringErrors = {
  forbidden: () => new AppError('forbidden'),
  /** 412 when the client's If-Match names another version than the stored one. */
  staleVersion: (expected: number, actual: number) => new AppError('precondition_failed', { params: { expected, actual } }),
  hotAboveWarm: (warmAt: number) => invalid('hotAt', 'fields.scoring_hot_above_warm', { warmAt }),
  unknownPredictiveField: (field: string) => invalid('predictiveFields', 'fields.scoring_unknown_field', { field }),
  /** Every condition that names an unknown field or lacks its value, at once. */
  badConditions: (errors: FieldError[]) => new AppError('validation', { errors }),
};
