import { AppError, invalid } from '#platform/errors/app-error.ts';

/** The pool module's refusals; messages live in ./locales under `errors.` and `pool.`. */
export const poolErrors = {
  notInPool: () => new AppError('conflict', { message: 'pool_not_in_pool' }),
  claimedBy: (name: string) => new AppError('conflict', { message: 'pool_claimed_by', params: { name } }),
  heldLimit: (held: number, limit: number) => new AppError('conflict', { message: 'pool_held_limit', params: { held, limit } }),
  assigneeHeldLimit: (name: string, held: number, limit: number) =>
    new AppError('conflict', { message: 'pool_assignee_held_limit', params: { name, held, limit } }),
  dailyLimit: (count: number, limit: number) => new AppError('conflict', { message: 'pool_daily_limit', params: { count, limit } }),
  cooldown: (until: Date) => new AppError('conflict', { message: 'pool_cooldown', params: { until: until.toISOString().slice(0, 10) } }),
  noPool: () => new AppError('conflict', { message: 'pool_none_for_owner' }),
  notOwned: () => new AppError('conflict', { message: 'pool_not_owned' }),
  notEmpty: (count: number) => new AppError('conflict', { message: 'pool_not_empty', params: { count } }),
  clockDisabled: () => invalid('asOf', 'pool.clock_disabled'),
  reasonRequired: () => invalid('reason', 'pool.reason_required'),
  nameTaken: () => invalid('name', 'fields.not_unique', { object: 'pool' }),
  unknownTeam: () => invalid('teamIds', 'fields.invalid_reference', { object: 'team' }),
  badAssignee: () => invalid('userId', 'pool.assignee_cannot_see'),
  notPoolable: (field: string) => invalid(field, 'pool.object_not_poolable'),
  wrongObject: () => invalid('poolId', 'pool.wrong_object'),
  followsParent: () => new AppError('conflict', { message: 'pool_follows_parent' }),
  /** If-Match named another version than the stored one. */
  stale: (expected: number, actual: number) => new AppError('precondition_failed', { params: { expected, actual } }),
  /** The caller manages no pool of the object (recycle lists, locks, assigning). */
  notManager: () => new AppError('forbidden'),
  /** Claiming needs a signed-in user, not a token without one. */
  noUser: () => new AppError('forbidden'),
  invalidUser: () => invalid('userId', 'fields.invalid_user'),
};
