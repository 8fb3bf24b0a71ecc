import { AppError, type FieldError, invalid } from '#platform/errors/app-error.ts';

/** The leads module's refusals (leads, capture, forms, conversion, opt-in); messages live in ./locales. */
export const leadsErrors = {
  forbidden: () => new AppError('forbidden'),
  /** 412 when the client's If-Match (or a concurrent write) names another version than the stored one. */
  staleVersion: (expected: number, actual: number) => new AppError('precondition_failed', { params: { expected, actual } }),
  /** Several field errors at once (a capture, a form submission, lead settings). */
  invalidFields: (errors: FieldError[]) => new AppError('validation', { errors }),
  invalidReference: (field: string, object: string) => invalid(field, 'fields.invalid_reference', { object }),
  required: (field: string) => invalid(field, 'fields.required'),
  /** A capture matched a dedup rule that blocks, or warns and the caller did not allow duplicates. */
  duplicate: (o: { blocked: boolean; rule: string; name: unknown; extensions: Record<string, unknown> }) =>
    new AppError('duplicate', {
      message: o.blocked ? 'errors.lead_duplicate_blocked' : 'errors.lead_duplicate_warning',
      params: { rule: o.rule, name: o.name },
      extensions: o.extensions,
    }),
  alreadyConverted: (at: string, extensions: Record<string, unknown>) =>
    new AppError('conflict', { message: 'errors.lead_already_converted', params: { at }, extensions }),
  unqualifiedConvert: () => new AppError('conflict', { message: 'errors.lead_unqualified_convert' }),
  formFieldRepeated: (field: string) => invalid(field, 'fields.lead_form_field_repeated'),
  formNeedsContact: () => invalid('fields', 'fields.lead_form_needs_contact'),
  formNeedsName: () => invalid('fields', 'fields.lead_form_needs_name'),
  mailNotConfigured: () => new AppError('bad_request', { message: 'errors.mail_not_configured' }),
  confirmationInvalid: () => new AppError('bad_request', { message: 'errors.confirmation_invalid' }),
  formNotFound: () => new AppError('not_found', { message: 'errors.form_not_found' }),
  formOriginNotAllowed: (origin: string | undefined) => new AppError('forbidden', { message: 'errors.form_origin_not_allowed', params: { origin } }),
  formSpam: () => new AppError('bad_request', { message: 'errors.form_spam' }),
};
