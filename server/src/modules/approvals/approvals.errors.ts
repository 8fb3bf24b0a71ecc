import { AppError, type FieldError, invalid } from '#platform/errors/app-error.ts';

/** The approvals module's refusals; messages live in ./locales under `approvals.`. */
export const approvalsErrors = {
  adminOnly: () => new AppError('forbidden', { message: 'approvals.admin_only' }),
  notFound: () => new AppError('not_found', { message: 'not_found', params: { object: 'approval' } }),
  processNotFound: () => new AppError('not_found', { message: 'not_found', params: { object: 'approvalProcess' } }),
  noProcess: () => invalid('processId', 'approvals.no_process'),
  processNotApplicable: () => invalid('processId', 'approvals.process_not_applicable'),
  alreadyPending: () => new AppError('conflict', { message: 'approvals.already_pending' }),
  alreadyDecided: () => new AppError('conflict', { message: 'approvals.already_decided' }),
  notYours: () => new AppError('forbidden', { message: 'approvals.not_yours' }),
  notSubmitter: () => new AppError('forbidden', { message: 'approvals.not_submitter' }),
  commentRequired: () => invalid('comment', 'approvals.comment_required'),
  badDelegate: () => invalid('userId', 'approvals.bad_delegate'),
  processInUse: () => new AppError('conflict', { message: 'approvals.process_in_use' }),
  recordLocked: () => new AppError('locked', { message: 'approvals.record_locked' }),
  /** A record or object the request names that is not there. */
  missing: (object: string) => new AppError('not_found', { message: 'not_found', params: { object } }),
  unknownObject: (value: string) => invalid('object', 'approvals.unknown_object', { value }),
  /** Field errors collected while checking a process. */
  invalidProcess: (errors: FieldError[]) => new AppError('validation', { errors }),
};
