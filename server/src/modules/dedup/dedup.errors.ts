import { AppError } from '#platform/errors/app-error.ts';

/** The dedup module's refusals; messages live in ./locales under `errors.` and `dedup.`. */
export const dedupErrors = {
  mergeSelf: () => new AppError('bad_request', { message: 'merge_self' }),
  mergeOtherObject: (object: string) => new AppError('bad_request', { message: 'merge_other_object', params: { object } }),
  badChoice: (field: string) => new AppError('validation', { errors: [{ field: `choices.${field}`, message: 'dedup.bad_choice' }] }),
  badCursor: () => new AppError('validation', { errors: [{ field: 'cursor', message: 'fields.bad_cursor' }] }),
  /** A record changed between reading and writing it (another writer got there first). */
  changedMeanwhile: (version: number) => new AppError('precondition_failed', { params: { expected: version, actual: version + 1 } }),
  /** Fewer than two records of a pair are still live. */
  duplicateGone: () => new AppError('not_found', { params: { object: 'duplicate' } }),
  forbidden: () => new AppError('forbidden'),
  /** Not an object duplicate detection covers: neither a standard one with the capability nor one of the tenant's custom objects. */
  unknownObject: (object: string) => new AppError('validation', { errors: [{ field: 'object', message: 'fields.invalid_option', params: { object } }] }),
  alreadyUnmerged: () => new AppError('conflict', { message: 'dedup.already_unmerged' }),
  mergedRecordLive: () => new AppError('conflict', { message: 'dedup.merged_record_live' }),
};
