import { AppError, invalid } from '#platform/errors/app-error.ts';

/** The exports module's refusals; messages live in ./locales under `exports.`. */
export const exportsErrors = {
  unknownObject: (object: string) => invalid('object', 'exports.unknown_object', { object }),
  unknownColumn: (field: string, column: string) => invalid(field, 'exports.unknown_column', { column }),
  notRunning: () => new AppError('conflict', { message: 'exports.not_running' }),
  expired: () => new AppError('not_found', { message: 'exports.expired' }),
  notReady: () => new AppError('conflict', { message: 'exports.not_ready' }),
  /** The file is gone from this instance's disk (removed, or written by another instance). */
  fileMissing: () => new AppError('not_found', { message: 'exports.file_missing' }),
};
