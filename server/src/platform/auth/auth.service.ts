import { inTenant } from '#db/tx.ts';
import type { Kysely } from 'kysely';
import type { DB } from '#db/schema.ts';
import { type AccessProfile, type FieldPermissions, mergeRoles, type Permissions, restrictToScopes } from '../access/access.ts';
import { writeAudit } from '../audit/audit.ts';
import type { RequestContext } from '../context.ts';
import type { Deps } from '../deps.ts';
import { AppError } from '../errors/app-error.ts';
import * as repo from './auth.repo.ts';
import { type AccessRow, resolveCredential, resolveUserAccess } from './credential.repo.ts';
import { verifyPassword } from './password.ts';
import { hashToken, newToken, tokenKind } from './tokens.ts';

const LOCK_AFTER_FAILURES = 5;
const LOCK_MINUTES = 15;

export type LoginOptions = {
  deps: Deps;
  email: string;
  password: string;
  tenant?: string | undefined;
  ip: string | null;
  userAgent: string | null;
  requestId: string;
  remember?: boolean | undefined;
};

export type Principal = {
  tenantId: string;
  userId: string;
  kind: 'session' | 'api';
  credentialId: string;
  rateLimit: number | null;
  locale: string | null;
  /** API token scopes (`contact:read`); empty for sessions and unscoped tokens. */
  scopes: string[];
};

/** Password sign-in with lockout; returns a new session token (also used as the cookie). */
export async function login({ deps, ...o }: LoginOptions) {
  const candidates = await repo.findLoginCandidates(deps.db.kysely, o.email.trim());
  const pool = o.tenant ? candidates.filter((c) => c.slug === o.tenant) : candidates;
  if (pool.length > 1) throw new AppError('bad_request', { message: 'choose_tenant' });
  const user = pool[0];
  if (!user) {
    // As long as a wrong password takes: the answer's timing must not tell that no such user exists.
    await verifyPassword(null, o.password);
    throw new AppError('unauthorized', { message: 'invalid_credentials' });
  }
  if (user.locked_until && user.locked_until > new Date()) {
    throw new AppError('locked', { params: { until: user.locked_until.toISOString() } });
  }
  if (!(await verifyPassword(user.password_hash, o.password))) {
    await repo.recordLoginFailure(deps.db.kysely, user.tenant_id, user.id, LOCK_AFTER_FAILURES, LOCK_MINUTES);
    throw new AppError('unauthorized', { message: 'invalid_credentials' });
  }
  if (!user.is_active) throw new AppError('forbidden', { message: 'account_inactive' });
  const { token, hash } = newToken('session');
  const days = o.remember === false ? 1 : deps.config.sessionDays;
  const expiresAt = await inTenant(deps.db.kysely, user.tenant_id, async (tx) => {
    await repo.recordLoginSuccess(tx, user.tenant_id, user.id);
    const expires = await repo.insertSession(tx, { tenantId: user.tenant_id, userId: user.id, hash, days, ip: o.ip, userAgent: o.userAgent });
    await writeAudit(tx, loginContext(user.tenant_id, user.id, o), { action: 'login', objectType: 'user', objectId: user.id });
    return expires;
  });
  return { token, expiresAt, tenantId: user.tenant_id, userId: user.id };
}

const loginContext = (tenantId: string, userId: string, o: Omit<LoginOptions, 'deps'>): RequestContext => ({
  tenantId,
  userId,
  requestId: o.requestId,
  ip: o.ip,
  locale: 'en',
  access: { userId, isAdmin: false, permissions: {}, fields: {}, teamUserIds: [userId] },
});

export type LogoutOptions = { deps: Deps; token: string };
export async function logout({ deps, token }: LogoutOptions) {
  await repo.deleteSession(deps.db.kysely, hashToken(token));
}

export type AuthenticateOptions = { deps: Deps; token: string };
/**
 * Resolves a bearer/cookie token to its user and access profile in one query; throws 401 for
 * anything unknown, expired, revoked or deactivated.
 */
export async function authenticate({ deps, token }: AuthenticateOptions): Promise<{ principal: Principal; access: AccessProfile }> {
  const kind = tokenKind(token);
  if (!kind) throw new AppError('unauthorized');
  const db = deps.db.kysely;
  const hash = hashToken(token);
  let c = deps.credentials?.get(hash);
  if (!c) {
    const readAt = deps.credentials?.generation() ?? 0;
    c = await resolveCredential(db, kind, hash);
    if (c?.is_active && !c.revoked_at) deps.credentials?.set(hash, c, readAt);
  }
  if (!c?.is_active) throw new AppError('unauthorized');
  if (c.revoked_at) throw new AppError('unauthorized', { message: 'token_revoked' });
  if (c.expires_at && c.expires_at <= new Date()) throw new AppError('unauthorized');
  // Last-used is written at most once a minute, to keep reads cheap.
  if (!c.last_used_at || Date.now() - c.last_used_at.getTime() > 60_000) {
    await (kind === 'api' ? repo.touchApiToken : repo.touchSession)(db, c.tenant_id, c.credential_id);
    c.last_used_at = new Date(); // a cached credential is touched once a minute, not on every request
  }
  const access = toAccessProfile(c);
  const principal: Principal = {
    tenantId: c.tenant_id,
    userId: c.user_id,
    kind,
    credentialId: c.credential_id,
    rateLimit: c.rate_limit,
    locale: c.locale,
    scopes: c.scopes,
  };
  return { principal, access: restrictToScopes(access, principal.scopes) };
}

function toAccessProfile(row: AccessRow): AccessProfile {
  const merged = mergeRoles(row.roles.map((r) => ({ isAdmin: r.isAdmin, permissions: r.permissions as Permissions, fields: r.fields as FieldPermissions })));
  return { userId: row.user_id, teamUserIds: [...new Set([row.user_id, ...row.team_user_ids])], ...merged };
}

export type LoadAccessOptions = { deps: Deps; tenantId: string; userId: string };
/** The merged permissions of the user's roles and the users their team scope covers. */
export async function loadAccess({ deps, tenantId, userId }: LoadAccessOptions): Promise<AccessProfile> {
  return accessOf({ db: deps.db.kysely, tenantId, userId });
}

export type AccessOfOptions = { db: Kysely<DB>; tenantId: string; userId: string };
/** loadAccess inside an open transaction (a job or subscriber acting for a user; PGlite has one connection). */
export async function accessOf({ db, tenantId, userId }: AccessOfOptions): Promise<AccessProfile> {
  const row = await resolveUserAccess(db, tenantId, userId);
  return row ? toAccessProfile(row) : { userId, teamUserIds: [userId], isAdmin: false, permissions: {}, fields: {} };
}
