import { AppError, invalid } from '../errors/app-error.ts';

/** Custom objects' refusals; messages live in platform/i18n/locales under `errors.` and `fields.`. */
export const customObjectErrors = {
  nameTaken: () => invalid('name', 'fields.not_unique', { object: 'customObject' }),
  nameReserved: () => invalid('name', 'fields.reserved_name'),
  notEmpty: (count: number) => new AppError('conflict', { message: 'custom_object_not_empty', params: { count } }),
  unknownObject: (field: string) => invalid(field, 'fields.invalid_reference', { object: 'object' }),
  noCustomFields: () => invalid('object', 'fields.no_custom_fields'),
  targetRequired: () => invalid('target', 'fields.required'),
  targetNotAllowed: () => invalid('target', 'fields.target_only_for_lookup'),
};
