import type { FastifyDynamicSwaggerOptions } from '@fastify/swagger';

type Transform = NonNullable<FastifyDynamicSwaggerOptions['transform']>;
type JsonSchema = { type?: string; properties?: Record<string, unknown>; required?: string[] };

const IF_MATCH = {
  type: 'string',
  maxLength: 200,
  description:
    'The ETag of the version this change is based on ("3"). Where the resource is versioned (its GET answers an ETag), a stale one answers 412 and a malformed one 412 too; absent, the last write wins.',
};
const IDEMPOTENCY_KEY = {
  type: 'string',
  minLength: 1,
  maxLength: 200,
  description:
    'A key of your choosing (1-200 characters): a retry with the same key and body gets the first answer again; the same key with another body is a 422.',
};

/** A route's own path parameters end the path (`/contacts/:id`): a single resource a PATCH, PUT or DELETE changes. */
const namesOne = (url: string) => /\/:[^/]+$|\/\{[^/]+\}$/.test(url);

/**
 * Adds the request headers the platform reads on every route to the OpenAPI document: `If-Match`
 * on PATCH, PUT and DELETE of one resource (http/conditional.ts) and `Idempotency-Key` on POST
 * (http/idempotency.ts), so clients and the fuzzer see them. Not validated by the route: the
 * platform's readers answer a bad one (412, 400).
 */
export function withPlatformHeaders(transform: Transform): Transform {
  return (input) => {
    const out = transform(input) as ReturnType<Transform> & { schema: { headers?: JsonSchema } };
    const method = ([] as string[]).concat(input.route.method).map((m) => m.toUpperCase());
    const config = input.route.config as { noReplay?: boolean } | undefined;
    const headers: Record<string, unknown> = {};
    if (method.some((m) => m === 'PATCH' || m === 'PUT' || m === 'DELETE') && namesOne(input.url)) headers['if-match'] = IF_MATCH;
    if (method.includes('POST') && !config?.noReplay) headers['idempotency-key'] = IDEMPOTENCY_KEY;
    if (!Object.keys(headers).length || !out.schema) return out;
    const existing = out.schema.headers ?? { type: 'object' };
    return { ...out, schema: { ...out.schema, headers: { ...existing, type: 'object', properties: { ...(existing.properties ?? {}), ...headers } } } };
  };
}
