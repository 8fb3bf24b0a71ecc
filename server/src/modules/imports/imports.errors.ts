import { AppError, invalid } from '#platform/errors/app-error.ts';

const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The imports module's refusals; messages live in ./locales under `imports.`. */
export const importsErrors = {
  unsupportedFormat: () => new AppError('unsupported_media_type', { message: 'imports.unsupported_format' }),
  /** The parser gave up on the file; `reason` is its own words (an Error or a string). */
  unreadableFile: (error: unknown) => new AppError('bad_request', { message: 'imports.unreadable_file', params: { reason: reasonOf(error) } }),
  tooManyColumns: (max: number) => new AppError('bad_request', { message: 'imports.too_many_columns', params: { max } }),
  tooLarge: (maxMb: number) => new AppError('payload_too_large', { message: 'imports.too_large', params: { maxMb } }),
  xlsxTooLarge: (reason: string) => new AppError('bad_request', { message: 'imports.xlsx_too_large', params: { reason } }),
  emptyFile: () => new AppError('bad_request', { message: 'imports.empty_file' }),
  noRows: () => new AppError('bad_request', { message: 'imports.no_rows' }),
  alreadyStarted: () => new AppError('conflict', { message: 'imports.already_started' }),
  notFinished: () => new AppError('conflict', { message: 'imports.not_finished' }),
  notRunning: () => new AppError('conflict', { message: 'imports.not_running' }),
  mappingEmpty: () => invalid('mapping', 'imports.mapping_empty'),
  notAWorkbook: () => invalid('sheet', 'imports.not_a_workbook'),
  noSuchSheet: (sheet: string) => invalid('sheet', 'imports.no_such_sheet', { sheet }),
  sheetNoRows: (sheet: string) => invalid('sheet', 'imports.sheet_no_rows', { sheet }),
  noSuchColumn: (field: string, column: number) => invalid(field, 'imports.no_such_column', { column }),
  unknownTarget: (field: string, target: string) => invalid(field, 'imports.unknown_target', { field: target }),
  /** `dedup.field` is not one of the import's `matchFields`. */
  unknownMatchField: (field: string) => invalid('dedup.field', 'imports.unknown_match_field', { field }),
  /** Not an object of the tenant's registry with the import capability. */
  unknownObject: (object: string) => invalid('object', 'imports.unknown_object', { object }),
  forbidden: () => new AppError('forbidden'),
};
