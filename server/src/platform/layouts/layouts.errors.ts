import { AppError, type FieldError, notFound } from '../errors/app-error.ts';

/** Layouts' refusals; messages live in platform/i18n/locales under `errors.` and `layouts.`. */
export const layoutErrors = {
  unknownObject: () => notFound('object'),
  forbidden: () => new AppError('forbidden'),
  stale: (expected: number, actual: number) => new AppError('precondition_failed', { params: { expected, actual } }),
  invalid: (errors: FieldError[]) => new AppError('validation', { errors }),
  unknownField: (field: string, key: string): FieldError => ({ field, message: 'layouts.unknown_field', params: { key } }),
  repeatedField: (field: string, key: string): FieldError => ({ field, message: 'layouts.repeated_field', params: { key } }),
  repeatedSection: (field: string, id: string): FieldError => ({ field, message: 'layouts.repeated_section', params: { id } }),
};
