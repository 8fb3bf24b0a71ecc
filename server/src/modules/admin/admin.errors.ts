import { AppError } from '#platform/errors/app-error.ts';

// The administration module's failures in one place; message keys live in the locale files.

export const lastAdmin = () => new AppError('conflict', { message: 'last_admin' });
export const teamCycle = () => new AppError('conflict', { message: 'team_cycle' });
export const teamNotEmpty = (members: number, children: number) => new AppError('conflict', { message: 'team_not_empty', params: { members, children } });
export const roleInUse = (users: number) => new AppError('conflict', { message: 'role_in_use', params: { users } });
export const duplicate = (object: string, field: string) => new AppError('duplicate', { params: { object, field } });
export const badReference = (field: string, object: string) =>
  new AppError('validation', { errors: [{ field, message: 'fields.invalid_reference', params: { object } }] });
export const unknownObjects = (fields: string[]) =>
  new AppError('validation', { errors: fields.map((field) => ({ field, message: 'fields.invalid_reference', params: { object: 'object' } })) });
export const forbidden = () => new AppError('forbidden');
export const unauthorized = () => new AppError('unauthorized');
/** A concurrent write referenced the row being deleted (no message: the generic conflict). */
export const referencedMeanwhile = () => new AppError('conflict');
export const dateInPast = (field: string) => new AppError('validation', { errors: [{ field, message: 'fields.invalid_date' }] });
export const wrongPassword = () => new AppError('validation', { errors: [{ field: 'currentPassword', message: 'fields.wrong_password' }] });

/** 412 when the client's If-Match names an older version than the stored one. */
export function checkVersion(expected: number | undefined, actual: number) {
  if (expected !== undefined && expected !== actual) throw new AppError('precondition_failed', { params: { expected, actual } });
}

const sqlState = (error: unknown) => (typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined);

/** PostgreSQL unique violation: a concurrent insert won the race the pre-check could not see. */
export const isUniqueViolation = (error: unknown) => sqlState(error) === '23505';

/** PostgreSQL foreign key violation: a concurrent write referenced the row being deleted. */
export const isForeignKeyViolation = (error: unknown) => sqlState(error) === '23503';
