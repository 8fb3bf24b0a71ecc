import { AppError, invalid } from '#platform/errors/app-error.ts';

/** The assignment module's refusals; messages live in ./locales under `fields.`. */
export const assignmentErrors = {
  forbidden: () => new AppError('forbidden'),
  /** 412 when the client's If-Match names another version than the stored one. */
  staleVersion: (expected: number, actual: number) => new AppError('precondition_failed', { params: { expected, actual } }),
  badReference: (field: string, object: 'user' | 'team') => invalid(field, 'fields.bad_reference', { object }),
  oneUser: () => invalid('userIds', 'fields.assignment_one_user'),
  usersRequired: () => invalid('userIds', 'fields.assignment_users_required'),
  usersOrTeam: () => invalid('teamId', 'fields.assignment_users_or_team'),
  orderIncomplete: () => invalid('ids', 'fields.assignment_order_incomplete'),
};
