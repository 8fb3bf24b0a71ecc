import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../deps.ts';
import { SESSION_COOKIE } from '../http/request-context.ts';
import { login, logout } from './auth.service.ts';
import { dummyHash } from './password.ts';
import { getMe, ZMe } from './me.ts';

const ZLoginRequest = z
  .object({
    email: z.email().max(254),
    password: z.string().min(1).max(200),
    tenant: z.string().max(63).optional(),
    remember: z.boolean().optional(),
  })
  .strict();

export function authRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  // Made before the first sign-in, so an unknown e-mail's first check is not slower than a real one.
  app.addHook('onReady', async () => void (await dummyHash()));

  r.post(
    '/api/v1/auth/login',
    {
      config: { public: true, rateLimit: { max: 20, timeWindow: '1 minute', keyGenerator: (req) => req.ip } },
      schema: {
        tags: ['auth'],
        summary: 'Sign in with email and password',
        body: ZLoginRequest,
        response: { 200: z.object({ token: z.string(), user: ZMe.shape.user }) },
      },
    },
    async (request, reply) => {
      const session = await login({ deps, ...request.body, ip: request.ip, userAgent: request.headers['user-agent'] ?? null, requestId: request.id });
      reply.setCookie(SESSION_COOKIE, session.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: request.protocol === 'https',
        ...(request.body.remember === false ? {} : { expires: session.expiresAt }),
      });
      const me = await getMe(deps, session.tenantId, session.userId);
      return { token: session.token, user: me.user };
    },
  );

  r.post('/api/v1/auth/logout', { config: { public: true }, schema: { tags: ['auth'], summary: 'Sign out (ends the session)' } }, async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE] ?? request.headers.authorization?.replace(/^Bearer /i, '');
    if (token) await logout({ deps, token });
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send();
  });

  r.get('/api/v1/auth/me', { schema: { tags: ['auth'], summary: 'The signed-in user and what they may do', response: { 200: ZMe } } }, async (request) =>
    getMe(deps, request.ctx.tenantId, request.ctx.userId as string, request.ctx.access),
  );
}
