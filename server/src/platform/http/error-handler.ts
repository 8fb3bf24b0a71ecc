import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { type core, locales } from 'zod';
import { AppError, type ErrorCode, type FieldError, STATUS_BY_CODE } from '../errors/app-error.ts';
import { type Locale, pickLocale, translate } from '../i18n/i18n.ts';
import { fieldMessage } from './zod-messages.ts';

const zodLocale = { en: locales.en(), 'zh-CN': locales.zhCN() } as const;

type ZodIssue = core.$ZodIssue;

/** Zod issues become per-field errors in the caller's language (zod ships zh-CN messages). */
/** The value a request part holds at a path, and whether it is there at all. */
function valueAt(source: unknown, path: readonly PropertyKey[]): { present: boolean; value: unknown } {
  let value = source;
  for (const key of path) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, key)) return { present: false, value: undefined };
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return { present: true, value };
}

function fieldErrorsFromZod(issues: readonly ZodIssue[], locale: Locale, prefix: string, source: unknown): FieldError[] {
  return issues.flatMap((issue): FieldError[] => {
    const base = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ field: base ? `${base}.${key}` : key, message: translate(locale, 'fields.unknown_field') }));
    }
    // Cross-field refinements name an i18n key (`activities.ends_before_start`); zod would only say "Invalid input".
    if (issue.code === 'custom' && /^[a-z_]+\.[a-z_]+$/.test(issue.message)) {
      return [{ field: base, message: translate(locale, issue.message, (issue.params as Record<string, unknown> | undefined) ?? {}) }];
    }
    const ours = fieldMessage(issue, locale, valueAt(source, issue.path));
    if (ours) return [{ field: base, message: ours }];
    const message = zodLocale[locale].localeError(issue as never);
    return [{ field: base, message: typeof message === 'string' ? message : (message?.message ?? issue.message) }];
  });
}

function fromFastifyError(error: FastifyError, request: FastifyRequest): AppError | null {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('payload_too_large', { params: { limit: '1 MB' } });
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError('unsupported_media_type');
    // The router's own refusals (a path parameter longer than any id, a malformed URL): nothing there.
    case 'FST_ERR_MAX_PARAM_LENGTH':
    case 'FST_ERR_BAD_URL':
      return new AppError('not_found', { message: 'route_not_found', params: { method: request.method, url: `${request.url.split('?')[0]?.slice(0, 100)}…` } });
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new AppError('bad_request', { message: 'malformed_json' });
  }
  // PostgreSQL's data exceptions (class 22: a number out of its column's range, a day that does not
  // exist, a NUL in text) are values a schema let through: the request's fault, and rolled back.
  if (typeof error.code === 'string' && /^22[0-9A-Z]{3}$/.test(error.code) && !error.statusCode)
    return new AppError('bad_request', { message: 'value_out_of_range' });
  // A unique or foreign-key constraint that no service check caught (two requests raced past it,
  // or a module has no check): the request conflicts with stored data. Rolled back; logged to be
  // given a specific message where it happens.
  if (error.code === '23505' && !error.statusCode) {
    request.log.warn({ err: error }, 'unique violation without a specific check');
    return new AppError('conflict', { message: 'unique_violation' });
  }
  if (error.code === '23503' && !error.statusCode) {
    request.log.warn({ err: error }, 'foreign key violation without a specific check');
    return new AppError('conflict', { message: 'reference_violation' });
  }
  if (error instanceof SyntaxError || error.statusCode === 400) return new AppError('bad_request', { message: 'malformed_json' });
  if (error.statusCode === 429) return new AppError('rate_limited', { params: { after: '60s' } });
  return null;
}

/** One problem+json shape (RFC 9457) for every error; unknown errors are logged and hidden. */
export function handleError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const locale = request.ctx?.locale ?? pickLocale(request.headers['accept-language']);
  let appError: AppError;
  let fieldErrors: FieldError[] = [];
  if (error instanceof AppError) {
    appError = error;
    fieldErrors = error.errors.map((e) => ({ field: e.field, message: translate(locale, e.message, e.params) }));
  } else if (hasZodFastifySchemaValidationErrors(error)) {
    appError = new AppError('validation');
    const prefix = error.validationContext === 'body' ? '' : (error.validationContext ?? '');
    fieldErrors = fieldErrorsFromZod(
      error.validation.map(
        (v) => ({ ...v.params, code: v.keyword, message: v.message, path: v.instancePath.split('/').filter(Boolean) }) as unknown as ZodIssue,
      ),
      locale,
      prefix === 'querystring' ? '' : prefix,
      error.validationContext === 'querystring'
        ? request.query
        : error.validationContext === 'params'
          ? request.params
          : error.validationContext === 'headers'
            ? request.headers
            : request.body,
    );
  } else {
    const mapped = fromFastifyError(error, request);
    if (!mapped) request.log.error({ err: error }, 'unhandled error');
    appError = mapped ?? new AppError('internal', { params: { requestId: request.id } });
  }
  const status = STATUS_BY_CODE[appError.code];
  const messageKey = appError.message.includes('.') ? appError.message : `errors.${appError.message}`;
  const params = { requestId: request.id, object: 'record', ...appError.params };
  return reply
    .status(status)
    .type('application/problem+json')
    .send({
      type: `https://kehu.dev/problems/${appError.code}`,
      title: translate(locale, `errors.${appError.code satisfies ErrorCode}`, params),
      status,
      detail: translate(locale, messageKey, params),
      code: appError.message === appError.code ? appError.code : appError.message,
      requestId: request.id,
      ...(fieldErrors.length ? { errors: fieldErrors } : {}),
      ...appError.extensions,
    });
}
