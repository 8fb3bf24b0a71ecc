/** Every failure the API reports on purpose; the HTTP status comes from one table. */
export type ErrorCode =
  | 'validation'
  | 'bad_request'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'duplicate'
  | 'precondition_failed'
  | 'precondition_required'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'locked'
  | 'rate_limited'
  | 'internal';

export type FieldError = { field: string; message: string; params?: Record<string, unknown> };

export type AppErrorOptions = {
  /** An i18n key under `errors.` (defaults to the code) and its parameters. */
  message?: string;
  params?: Record<string, unknown>;
  errors?: FieldError[];
  /** RFC 9457 extension members sent beside the standard ones (e.g. the duplicates a 409 found). */
  extensions?: Record<string, unknown>;
};

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly params: Record<string, unknown>;
  readonly errors: FieldError[];
  readonly extensions: Record<string, unknown>;

  constructor(code: ErrorCode, options: AppErrorOptions = {}) {
    super(options.message ?? code);
    this.code = code;
    this.params = options.params ?? {};
    this.errors = options.errors ?? [];
    this.extensions = options.extensions ?? {};
  }
}

export const STATUS_BY_CODE: Record<ErrorCode, number> = {
  validation: 400,
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  duplicate: 409,
  precondition_failed: 412,
  precondition_required: 428,
  payload_too_large: 413,
  unsupported_media_type: 415,
  locked: 423,
  rate_limited: 429,
  internal: 500,
};

export const notFound = (object: string) => new AppError('not_found', { message: 'not_found', params: { object } });
export const invalid = (field: string, message: string, params?: Record<string, unknown>) =>
  new AppError('validation', { errors: [{ field, message, ...(params ? { params } : {}) }] });
