import { AppError, type FieldError, invalid, notFound } from '#platform/errors/app-error.ts';

/** The workflow rules' refusals; messages live in ./locales under `fields.` and `workflows.`. */
export const workflowsErrors = {
  /** Rules act for the whole tenant: only admins see and change them. */
  forbidden: () => new AppError('forbidden'),
  notFound: () => notFound('workflow_rule'),
  /** 412 when the client's If-Match names another version than the stored one. */
  staleVersion: (expected: number, actual: number) => new AppError('precondition_failed', { params: { expected, actual } }),
  orderIncomplete: () => invalid('ids', 'fields.workflow_order_incomplete'),
  recordNotFound: () => invalid('recordId', 'fields.workflow_record_not_found'),
  /** An unknown (or replaced) hook token: as if there were no such URL. */
  hookNotFound: () => new AppError('not_found', { message: 'workflows.hook_not_found' }),
  /** The rule behind the URL is switched off, or no longer an inbound-webhook rule. */
  hookOff: () => new AppError('conflict', { message: 'workflows.hook_off' }),
  /** The call names no record, or one that is not there (or several, for a match field). */
  hookNoRecord: (field: string) => invalid(field, 'fields.workflow_hook_no_record'),
  notHookRule: () => invalid('trigger.type', 'fields.workflow_not_hook_rule'),
  ruleRequired: () => invalid('rule', 'fields.required'),
  /** A record, template or activity a rule names that is not there (any more). */
  missing: (object: string) => notFound(object),
  unknownObject: (value: string) => invalid('object', 'fields.workflow_unknown_object', { value }),
  /** A related record's values the object's own schema refuses: each issue on its field. */
  invalidValues: (issues: { path: PropertyKey[]; message: string }[]) =>
    new AppError('validation', {
      errors: issues.map((i) => ({ field: i.path.join('.') || 'values', message: 'fields.workflow_invalid_value', params: { detail: i.message } })),
    }),
  /** Field errors collected while checking a rule. */
  invalidRule: (errors: FieldError[]) => new AppError('validation', { errors }),
  /** Another write took the record first (an inbound call racing a user). */
  conflict: () => new AppError('conflict'),
};
