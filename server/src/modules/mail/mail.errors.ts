import { AppError, invalid } from '#platform/errors/app-error.ts';

/** The mail module's refusals; messages live in ./locales. */
export const mailErrors = {
  /** Settings and templates are an admin's business. */
  forbidden: () => new AppError('forbidden'),
  notConfigured: () => new AppError('bad_request', { message: 'errors.mail_smtp_not_configured' }),
  /** The test message did not go through: the SMTP server's own words, so the admin can fix the settings. */
  testFailed: (reason: string) => new AppError('bad_request', { message: 'errors.mail_test_failed', params: { reason } }),
  /** One field error per merge field the template names but the catalog does not know. */
  unknownMergeFields: (fields: { field: string; path: string }[]) =>
    new AppError('validation', {
      message: 'errors.mail_unknown_merge_fields',
      params: { fields: fields.map((f) => f.path).join(', ') },
      errors: fields.map((f) => ({ field: f.field, message: 'fields.mail_unknown_merge_field', params: { path: f.path } })),
    }),
  unknownObject: (object: string) => invalid('object', 'fields.mail_unknown_object', { object }),
  templateNameTaken: () => new AppError('conflict', { message: 'errors.mail_template_name_taken' }),
  staleVersion: (expected: number, actual: number) => new AppError('precondition_failed', { params: { expected, actual } }),
  /** No `to` and the record has no e-mail address the user may read. */
  noRecipient: () => invalid('to', 'fields.mail_no_recipient'),
  /** A template written for another object's records (its `{{record.…}}` fields would come out empty). */
  templateForOtherObject: (object: string) => invalid('templateId', 'fields.mail_template_other_object', { object }),
};
