import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { databaseAvailable } from '../../../test/db.ts';

describe.skipIf(!databaseAvailable)('API tokens', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  const bearer = (token: string) => ({ 'accept-language': 'en', authorization: `Bearer ${token}` });

  it('creates a token shown once, lists it without the secret, records its use, and revokes it (401 token_revoked)', async () => {
    const rep = await t.createUser({ role: 'Sales Rep' });
    const created = await t.request(rep, {
      method: 'POST',
      url: '/api/v1/api-tokens',
      payload: { name: 'ERP sync', rateLimit: 120, scopes: ['contact:read', 'deal:*'] },
    });
    expect(created.statusCode, created.body).toBe(201);
    const { token, id, prefix } = created.json();
    expect(token).toMatch(/^kht_/);
    expect(token.startsWith(prefix)).toBe(true);
    expect(created.json()).toMatchObject({ userId: rep.id, rateLimit: 120, scopes: ['contact:read', 'deal:*'], lastUsedAt: null, revokedAt: null });

    const used = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: bearer(token) });
    expect(used.json().user.id).toBe(rep.id);

    const list = await t.request(rep, { method: 'GET', url: '/api/v1/api-tokens' });
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain(token);
    expect(list.body).not.toMatch(/hash/i);
    const listed = list.json().data.find((x: { id: string }) => x.id === id);
    expect(listed.prefix).toBe(prefix);
    expect(listed.lastUsedAt).not.toBeNull();

    const revoked = await t.request(rep, { method: 'POST', url: `/api/v1/api-tokens/${id}/revoke` });
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json().revokedAt).not.toBeNull();
    const refused = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: bearer(token) });
    expect(refused.statusCode).toBe(401);
    expect(refused.json().code).toBe('token_revoked');
  });

  it('DELETE revokes too; others’ tokens are 404 to non-admins, while admins list and revoke all', async () => {
    const owner = await t.createUser({ role: 'Sales Rep' });
    const stranger = await t.createUser({ role: 'Sales Rep' });
    const { id, token } = (await t.request(owner, { method: 'POST', url: '/api/v1/api-tokens', payload: { name: 'mine' } })).json();
    expect((await t.request(stranger, { method: 'DELETE', url: `/api/v1/api-tokens/${id}` })).statusCode).toBe(404);
    const strangerList = await t.request(stranger, { method: 'GET', url: '/api/v1/api-tokens' });
    expect(strangerList.json().data).toEqual([]);
    const adminList = await t.request(t.admin, {
      method: 'GET',
      url: `/api/v1/api-tokens?filter=${encodeURIComponent(JSON.stringify({ userId: { eq: owner.id } }))}`,
    });
    expect(adminList.json().data.map((x: { id: string }) => x.id)).toEqual([id]);
    expect((await t.request(t.admin, { method: 'DELETE', url: `/api/v1/api-tokens/${id}` })).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: bearer(token) })).json().code).toBe('token_revoked');
  });

  it('rejects bad scopes, past expiry and unknown fields; an expired token is refused', async () => {
    const bad = (payload: Record<string, unknown>) => t.request(t.admin, { method: 'POST', url: '/api/v1/api-tokens', payload });
    expect((await bad({ name: 'x', scopes: ['spaceship:fly'] })).statusCode).toBe(400);
    const unknownObject = await bad({ name: 'x', scopes: ['contact:read', 'space_ship:read'] });
    expect(unknownObject.statusCode).toBe(400);
    expect(unknownObject.json().errors[0].field).toBe('scopes.1');
    // Any object of the registry, with an underscore too.
    expect((await bad({ name: 'prices', scopes: ['price_book:read', 'quote:*'] })).statusCode).toBe(201);
    expect((await bad({ name: 'x', expiresAt: '2001-01-01T00:00:00Z' })).statusCode).toBe(400);
    expect((await bad({ name: 'x', tokenHash: 'abc' })).statusCode).toBe(400);
    expect((await bad({ name: 'x', rateLimit: 0 })).statusCode).toBe(400);
    const soon = await bad({ name: 'short-lived', expiresAt: new Date(Date.now() + 60_000).toISOString() });
    expect(soon.statusCode).toBe(201);
    await t.db.kysely
      .updateTable('api_tokens')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('id', '=', soon.json().id)
      .execute();
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: bearer(soon.json().token) })).statusCode).toBe(401);
  });

  it('enforces token scopes and never keeps a new secret for Idempotency-Key replays', async () => {
    const created = await t.request(t.admin, {
      method: 'POST',
      url: '/api/v1/api-tokens',
      headers: { 'idempotency-key': 'tok-1' },
      payload: { name: 'read contacts', scopes: ['contact:read'] },
    });
    expect(created.statusCode, created.body).toBe(201);
    const { token } = created.json();
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/contacts', headers: bearer(token) })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/contacts', headers: bearer(token), payload: { name: 'x' } })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/users', headers: bearer(token) })).statusCode).toBe(403);
    const stored = await t.db.kysely.selectFrom('idempotency_keys').select('response').execute();
    expect(JSON.stringify(stored)).not.toContain(token);
  });
});
