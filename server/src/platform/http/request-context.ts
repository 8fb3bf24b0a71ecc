import type { FastifyReply, FastifyRequest } from 'fastify';
import { authenticate, type Principal } from '../auth/auth.service.ts';
import type { RequestContext } from '../context.ts';
import type { Deps } from '../deps.ts';
import { AppError } from '../errors/app-error.ts';
import { type Locale, pickLocale } from '../i18n/i18n.ts';

export const SESSION_COOKIE = 'kehu_session';

declare module 'fastify' {
  interface FastifyRequest {
    ctx: RequestContext;
    principal: Principal | null;
  }
  interface FastifyContextConfig {
    /** Routes reachable without signing in (health, login, docs, public forms). */
    public?: boolean;
    /** Responses holding secrets (a new API token) are not kept for Idempotency-Key replays. */
    noReplay?: boolean;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function readToken(request: FastifyRequest): { token: string; viaCookie: boolean } | null {
  const header = request.headers.authorization;
  if (header?.toLowerCase().startsWith('bearer ')) return { token: header.slice(7).trim(), viaCookie: false };
  const cookie = request.cookies?.[SESSION_COOKIE];
  return cookie ? { token: cookie, viaCookie: true } : null;
}

/**
 * onSend hook: a write may have changed who can do what (a role, a team, a token, a sign-out),
 * so the tenant's cached credentials go before the caller sees the answer. Other processes and
 * instances hear of it through the database's notices (credential-cache.ts).
 */
export function forgetCredentialsOnWrite(deps: Deps) {
  return async (request: FastifyRequest) => {
    if (request.principal && !SAFE_METHODS.has(request.method)) deps.credentials?.forgetTenant(request.principal.tenantId);
  };
}

/**
 * onRequest hook: resolves the caller and builds `request.ctx`. Cookie-authenticated writes must
 * carry X-Requested-With, which a cross-site form cannot send (CSRF guard beside SameSite=Lax).
 */
export function requestContextHook(deps: Deps) {
  return async (request: FastifyRequest, _reply: FastifyReply) => {
    request.principal = null;
    if (request.url.startsWith('/api/docs')) return; // the reference UI is public, like the OpenAPI document
    const headerLocale = request.headers['accept-language'] ? pickLocale(request.headers['accept-language']) : null;
    const found = readToken(request);
    if (!found) {
      if (request.routeOptions.config?.public || !request.url.startsWith('/api/')) return;
      throw new AppError('unauthorized');
    }
    let resolved: Awaited<ReturnType<typeof authenticate>>;
    try {
      resolved = await authenticate({ deps, token: found.token });
    } catch (error) {
      if (request.routeOptions.config?.public) return;
      throw error;
    }
    if (found.viaCookie && !SAFE_METHODS.has(request.method) && !request.headers['x-requested-with']) {
      throw new AppError('forbidden', { message: 'csrf' });
    }
    const { principal, access } = resolved;
    request.principal = principal;
    request.ctx = {
      tenantId: principal.tenantId,
      userId: principal.userId,
      requestId: request.id,
      ip: request.ip,
      locale: headerLocale ?? (principal.locale as Locale | null) ?? 'zh-CN',
      access,
    };
  };
}
