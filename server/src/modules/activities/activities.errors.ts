import { AppError, invalid } from '#platform/errors/app-error.ts';

/** The activities module's refusals. */
export const activitiesErrors = {
  notATask: () => invalid('type', 'activities.not_a_task'),
  /** 412 when the client's If-Match (or a concurrent write) names another version than the stored one. */
  staleVersion: (expected: number, actual: number) => new AppError('precondition_failed', { params: { expected, actual } }),
  badCursor: () => invalid('cursor', 'fields.bad_cursor'),
};
