import { inTenant } from '#db/tx.ts';
import { newToken } from '#platform/auth/tokens.ts';
import type { RequestContext } from '#platform/context.ts';
import type { Deps } from '#platform/deps.ts';
import { notFound } from '#platform/errors/app-error.ts';
import { dateInPast, unknownObjects } from './admin.errors.ts';
import { recordChange } from '#platform/events/record-change.ts';
import { pickFields } from '#platform/http/list-query.ts';
import { newId } from '#platform/ids.ts';
import { requireUser } from './admin-guards.service.ts';
import * as repo from './api-tokens.repo.ts';
import { scopeObject, type TApiToken, type TApiTokenListQuery, type TCreateApiTokenRequest } from './api-tokens.schema.ts';
import { ACCESS_OBJECTS } from './roles.schema.ts';
import { planList, toPage } from './list-page.mapper.ts';

const iso = (d: Date | null) => d?.toISOString() ?? null;

const toToken = (row: repo.TokenRow): TApiToken => ({
  id: row.id,
  userId: row.user_id,
  name: row.name,
  prefix: row.prefix,
  scopes: row.scopes,
  rateLimit: row.rate_limit,
  expiresAt: iso(row.expires_at),
  lastUsedAt: iso(row.last_used_at),
  revokedAt: iso(row.revoked_at),
  createdAt: row.created_at.toISOString(),
});

export type ListTokensOptions = { deps: Deps; ctx: RequestContext; query: TApiTokenListQuery };
/** Everyone sees their own tokens; administrators see every token of the tenant. */
export async function listTokens({ deps, ctx, query }: ListTokensOptions) {
  const userId = requireUser(ctx);
  const plan = planList(query, repo.TOKEN_CATALOG, '-createdAt');
  const page = await inTenant(deps.db.kysely, ctx.tenantId, async (tx) =>
    toPage(await repo.listTokens(tx, { plan, q: query.q, userId: ctx.access.isAdmin ? null : userId }), plan, toToken),
  );
  return { data: pickFields(page.data, query.fields), nextCursor: page.nextCursor };
}

export type CreateTokenOptions = { deps: Deps; ctx: RequestContext; input: TCreateApiTokenRequest };
/** A token always acts as its creator; the secret is returned here once and only its hash is kept. */
export async function createToken({ deps, ctx, input }: CreateTokenOptions) {
  const userId = requireUser(ctx);
  if (input.expiresAt && Date.parse(input.expiresAt) <= Date.now()) throw dateInPast('expiresAt');
  const { token, hash, prefix } = newToken('api');
  return inTenant(deps.db.kysely, ctx.tenantId, async (tx) => {
    const registered = new Set([...ACCESS_OBJECTS, ...(await deps.objects.forTenant(tx)).map((d) => d.name)]);
    const unknown = input.scopes.flatMap((scope, i) => {
      const object = scopeObject(scope);
      return object === null || registered.has(object) ? [] : [`scopes.${i}`];
    });
    if (unknown.length) throw unknownObjects(unknown);
    const row = await repo.insertToken(tx, {
      tenant_id: ctx.tenantId,
      id: newId(),
      user_id: userId,
      name: input.name,
      token_hash: hash,
      prefix,
      scopes: input.scopes,
      rate_limit: input.rateLimit ?? null,
      expires_at: input.expiresAt ?? null,
    });
    const created = toToken(row);
    await recordChange(tx, ctx, { action: 'created', objectType: 'apiToken', objectId: created.id, after: created });
    return { ...created, token };
  });
}

export type RevokeTokenOptions = { deps: Deps; ctx: RequestContext; id: string };
/** Revoking is kept as a timestamp so the token answers `token_revoked`, not just 401; repeating it is harmless. */
export async function revokeToken({ deps, ctx, id }: RevokeTokenOptions): Promise<TApiToken> {
  const userId = requireUser(ctx);
  return inTenant(deps.db.kysely, ctx.tenantId, async (tx) => {
    const row = await repo.findToken(tx, id);
    // Someone else's token is reported missing, not forbidden, so ids reveal nothing.
    if (!row || (row.user_id !== userId && !ctx.access.isAdmin)) throw notFound('apiToken');
    const before = toToken(row);
    if (before.revokedAt) return before;
    const after = toToken(await repo.revokeToken(tx, id));
    await recordChange(tx, ctx, { action: 'revoked', objectType: 'apiToken', objectId: id, before, after });
    return after;
  });
}
