import { AppError, invalid, notFound } from '#platform/errors/app-error.ts';

/** The privacy module's refusals; messages live in ./locales. */
export const privacyErrors = {
  forbidden: () => new AppError('forbidden'),
  unknownObject: () => notFound('object'),
  stale: (expected: number, actual: number) => new AppError('precondition_failed', { params: { expected, actual } }),
  requestNotFound: () => notFound('privacy_request'),
  notVerified: () => new AppError('conflict', { message: 'errors.privacy_not_verified' }),
  closed: (status: string) => new AppError('conflict', { message: 'errors.privacy_request_closed', params: { status } }),
  wrongKind: (kind: string) => new AppError('conflict', { message: 'errors.privacy_wrong_kind', params: { kind } }),
  /** A user of the system: erasing them would break sign-in and ownership (the issue asks for guidance, not a silent half-erasure). */
  subjectIsUser: (email: string) => new AppError('conflict', { message: 'errors.privacy_subject_is_user', params: { email } }),
  notHandler: () => new AppError('forbidden', { message: 'errors.privacy_not_handler' }),
  exportTaken: () => new AppError('not_found', { message: 'errors.privacy_export_taken' }),
  noExport: () => notFound('privacy_export'),
  unknownUser: () => invalid('handlerId', 'fields.privacy_unknown_user'),
  /** The person asked to be erased or to receive nothing more: the address is never shown back. */
  suppressed: () => new AppError('conflict', { message: 'errors.privacy_suppressed' }),
  retentionObject: () => invalid('object', 'fields.privacy_retention_object'),
  retentionField: () => invalid('field', 'fields.privacy_retention_field'),
  /** 409: the policy would erase every record of the object: the count is said, the admin confirms. */
  retentionEverything: (count: number) =>
    new AppError('conflict', { message: 'errors.privacy_retention_everything', params: { count }, extensions: { count } }),
  retentionNotFound: () => notFound('retention_policy'),
  holdTarget: (field: 'recordId' | 'requestId') => invalid(field, 'fields.privacy_hold_record'),
  holdNotFound: () => notFound('legal_hold'),
  holdReleased: () => new AppError('conflict', { message: 'errors.privacy_hold_released' }),
  /** 409: the subject is on legal hold; the reasons are said (the request records the refusal too). */
  legalHold: (reasons: string[]) =>
    new AppError('conflict', { message: 'errors.privacy_legal_hold', params: { reasons: reasons.join('; ') }, extensions: { reasons } }),
  alreadyExtended: (reason: string) => new AppError('conflict', { message: 'errors.privacy_already_extended', params: { reason } }),
};
