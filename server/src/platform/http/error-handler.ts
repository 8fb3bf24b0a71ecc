import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { type core, locales } from 'zod';
import { AppError, type ErrorCode, type FieldError, STATUS_BY_CODE } from '../errors/app-error.ts';
import { type Locale, pickLocale, translate } from '../i18n/i18n.ts';

const zodLocale = { en: locales.en(), 'zh-CN': locales.zhCN() } as const;

type ZodIssue = core.$ZodIssue;

/** Zod issues become per-field errors in the caller's language (zod ships zh-CN messages). */
function fieldErrorsFromZod(issues: readonly ZodIssue[], locale: Locale, prefix: string): FieldError[] {
  return issues.flatMap((issue): FieldError[] => {
    const base = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ field: base ? `${base}.${key}` : key, message: translate(locale, 'fields.unknown_field') }));
    }
    // Cross-field refinements name an i18n key (`activities.ends_before_start`); zod would only say "Invalid input".
    if (issue.code === 'custom' && /^[a-z_]+\.[a-z_]+$/.test(issue.message)) {
      return [{ field: base, message: translate(locale, issue.message, (issue.params as Record<string, unknown> | undefined) ?? {}) }];
    }
    const message = zodLocale[locale].localeError(issue as never);
    return [{ field: base, message: typeof message === 'string' ? message : (message?.message ?? issue.message) }];
  });
}

function fromFastifyError(error: FastifyError): AppError | null {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('payload_too_large', { params: { limit: '1 MB' } });
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError('unsupported_media_type');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new AppError('bad_request', { message: 'malformed_json' });
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
    );
  } else {
    const mapped = fromFastifyError(error);
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
