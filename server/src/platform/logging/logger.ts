import type { FastifyRequest } from 'fastify';
import type { ObjectDeclaration } from '../objects/object-registry.ts';
import { createRedactor, type Redactor, scrubText } from './redaction.ts';

export type LoggerOptionsOptions = {
  level: string;
  /** The registry's objects: their personal and sensitive field names are never logged. */
  objects: readonly ObjectDeclaration[];
  /** Where lines go (tests capture them); stdout by default. */
  stream?: { write: (line: string) => void };
};

/** Field names the objects classify as personal or sensitive. */
export function classifiedFieldNames(objects: readonly ObjectDeclaration[]): string[] {
  return [...new Set(objects.flatMap((o) => (o.definition?.fields ?? []).filter((f) => f.classification !== 'none').map((f) => f.name)))];
}

/** A URL without its query values (`?q=…&limit=…`): searches and filters carry customer data. */
export function urlForLog(url: string): string {
  const [path, query] = url.split('?', 2);
  if (query === undefined) return scrubText(path ?? '');
  const names = query.split('&').map((pair) => pair.split('=', 1)[0]);
  return `${scrubText(path ?? '')}?${names.map((n) => `${n}=…`).join('&')}`;
}

/** Log arguments with every string scrubbed; an error logged without a message gets its scrubbed message (pino would copy it raw). */
function withScrubbedMessage(args: unknown[]): unknown[] {
  const scrubbed = args.map((a) => (typeof a === 'string' ? scrubText(a) : a));
  if (typeof scrubbed[1] === 'string') return scrubbed;
  const first = scrubbed[0];
  const error = first instanceof Error ? first : (first as { err?: unknown } | null)?.err;
  if (error instanceof Error) return [first, scrubText(error.message), ...scrubbed.slice(1)];
  return scrubbed;
}

const requestSerializer = (req: FastifyRequest) => ({
  method: req.method,
  url: urlForLog(req.url),
  hostname: req.hostname,
  remoteAddress: req.ip,
});

const replySerializer = (reply: { statusCode: number }) => ({ statusCode: reply.statusCode });

/**
 * pino options for the app's logger: request lines carry method, path and status only (never
 * bodies, query values or headers), errors their type, code, message and stack (scrubbed), and
 * every other field is redacted by key (credentials, the registry's personal and sensitive
 * fields) and by value (e-mail addresses, phone-like numbers) before it is written.
 */
export function loggerOptions(o: LoggerOptionsOptions) {
  const redactor: Redactor = createRedactor(classifiedFieldNames(o.objects));
  return {
    level: o.level,
    ...(o.stream ? { stream: o.stream } : {}),
    serializers: { req: requestSerializer, res: replySerializer, err: redactor.error, error: redactor.error },
    formatters: { log: redactor.fields },
    hooks: {
      logMethod(this: unknown, args: unknown[], method: (...a: unknown[]) => void) {
        method.apply(this, withScrubbedMessage(args));
      },
    },
  };
}

/** Where a test sends the app's lines, at `level` (the config's by default). */
export type LogTo = { stream: { write: (line: string) => void }; level?: string };

/** The app's `logger` option: false for none, else loggerOptions to stdout or to `logger.stream`. */
export function appLogger(o: { logger: boolean | LogTo | undefined; level: string; objects: readonly ObjectDeclaration[] }) {
  if (o.logger === false) return false;
  const to = typeof o.logger === 'object' ? o.logger : undefined;
  return loggerOptions({ level: to?.level ?? o.level, objects: o.objects, ...(to ? { stream: to.stream } : {}) });
}
