import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, validatorCompiler } from 'fastify-type-provider-zod';
import { withPlatformHeaders } from './platform/http/openapi-headers.ts';
import { uuidv7 } from 'uuidv7';
import type { Database } from '#db/database.ts';
import { authRoutes } from '#platform/auth/auth.routes.ts';
import type { Config } from '#platform/config.ts';
import { customFieldRoutes } from '#platform/custom-fields/custom-fields.routes.ts';
import { layoutRoutes } from '#platform/layouts/layouts.routes.ts';
import { cipherRegistry } from '#platform/crypto/ciphers.ts';
import { masterKeyFrom } from '#platform/crypto/field-crypto.ts';
import { createCredentialCache } from '#platform/auth/credential-cache.ts';
import type { Deps } from '#platform/deps.ts';
import { AppError } from '#platform/errors/app-error.ts';
import { createSubscribers } from '#platform/events/subscribers.ts';
import { createWriteGuards } from '#platform/records/write-guards.ts';
import { handleError } from '#platform/http/error-handler.ts';
import { registerSecurityHeaders } from '#platform/http/security-headers.ts';
import { appLogger, type LogTo } from '#platform/logging/logger.ts';
import { registerIdempotency } from '#platform/http/idempotency.ts';
import { forgetCredentialsOnWrite, requestContextHook } from '#platform/http/request-context.ts';
import { platformRoutes } from '#platform/platform.routes.ts';
import { calendarRoutes } from '#platform/calendars/calendars.routes.ts';
import { fileRoutes } from '#platform/files/files.routes.ts';
import { numberingRoutes } from '#platform/numbering/numbering.routes.ts';
import { tenantSettingsRoutes } from '#platform/tenancy/tenant-settings.ts';
import { buildObjectRegistry } from '#platform/objects/objects.service.ts';
import { objectRoutes, watchApiSegments } from '#platform/objects/objects.routes.ts';
import { MODULES, STANDARD_OBJECTS } from './modules.ts';

export const VERSION = '0.1.0';

export type BuildAppOptions = {
  db: Database;
  config: Config;
  secret: string;
  /** false: no logger; an object: lines go to its stream (tests read them); else stdout at config.logLevel. */
  logger?: boolean | LogTo;
};

// KEHU_WEB_DIST points at another build of the web app (parallel browser-test runs build apart).
const webDist = process.env.KEHU_WEB_DIST ?? fileURLToPath(new URL('../../web/dist/', import.meta.url));

/** Builds the HTTP app: platform plumbing, then each domain module's routes and subscribers. */
export async function buildApp(o: BuildAppOptions): Promise<{ app: FastifyInstance; deps: Deps }> {
  const objects = buildObjectRegistry(STANDARD_OBJECTS);
  const app = Fastify({
    logger: appLogger({ logger: o.logger, level: o.config.logLevel, objects: objects.standard }),
    trustProxy: o.config.trustProxy,
    bodyLimit: 1024 * 1024,
    // The router's refusals (too long a path parameter, a bad URL) answer in problem+json too.
    frameworkErrors: handleError,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.-]{1,100}$/.test(given) ? given : uuidv7();
    },
  });
  const masterKey = masterKeyFrom(o.secret);
  const deps: Deps = {
    db: o.db,
    config: o.config,
    masterKey,
    ciphers: cipherRegistry(o.db.kysely, masterKey),
    subscribers: createSubscribers(),
    writeGuards: createWriteGuards(),
    notificationKinds: MODULES.flatMap((m) => m.notificationKinds ?? []),
    log: app.log,
    objects,
    ...(o.config.credentialCacheSeconds > 0 ? { credentials: await createCredentialCache(o.db, { ttlMs: o.config.credentialCacheSeconds * 1000 }) } : {}),
  };
  app.addHook('onClose', async () => deps.credentials?.close());

  app.setValidatorCompiler(validatorCompiler);
  // Responses are built by typed mappers; plain JSON.stringify keeps list routes fast.
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  app.setErrorHandler(handleError);
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || !existsSync(webDist)) {
      throw new AppError('not_found', { message: 'route_not_found', params: { method: request.method, url: request.url.split('?')[0] } });
    }
    return reply.sendFile('index.html');
  });
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  await registerSecurityHeaders(app);
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Kehu API', version: VERSION, description: 'Kehu (客户) CRM REST API. Lists take filter, sort, limit, cursor, q and fields.' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' }, cookie: { type: 'apiKey', in: 'cookie', name: 'kehu_session' } } },
      security: [{ bearer: [] }, { cookie: [] }],
    },
    transform: withPlatformHeaders(jsonSchemaTransform),
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list' } });
  await app.register(fastifyCookie);
  app.addHook('onRequest', requestContextHook(deps));
  app.addHook('onSend', forgetCredentialsOnWrite(deps));
  await app.register(fastifyRateLimit, {
    global: true,
    hook: 'preHandler',
    max: (request) => request.principal?.rateLimit ?? o.config.apiRateLimit,
    timeWindow: '1 minute',
    keyGenerator: (request) => (request.principal ? `${request.principal.kind}:${request.principal.credentialId}` : `ip:${request.ip}`),
    allowList: (request) => !request.url.startsWith('/api/'),
    errorResponseBuilder: (_request, context) => new AppError('rate_limited', { params: { after: context.after } }),
  });
  registerIdempotency(app, deps);

  const apiSegments = watchApiSegments(app);
  platformRoutes(app, deps);
  authRoutes(app, deps);
  customFieldRoutes(app, deps);
  layoutRoutes(app, deps);
  tenantSettingsRoutes(app, deps);
  numberingRoutes(app, deps);
  fileRoutes(app, deps);
  calendarRoutes(app, deps);
  for (const module of MODULES) module.register(app, deps);
  objectRoutes(app, deps, apiSegments);

  if (existsSync(webDist)) {
    await app.register(fastifyStatic, { root: webDist, wildcard: false });
  } else {
    app.get('/', { config: { public: true }, schema: { hide: true } }, async (_request, reply) =>
      reply
        .type('text/html')
        .send('<!doctype html><meta charset="utf-8"><title>Kehu 客户</title><h1>Kehu 客户</h1><p>The API is at <a href="/api/docs">/api/docs</a>.</p>'),
    );
  }
  return { app, deps };
}
