import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, PASSWORD, type TestApp } from '../../../test/app.ts';
import { databaseAvailable } from '../../../test/db.ts';
import { inTenant } from '../../db/tx.ts';
import { newId } from '../ids.ts';
import { newToken } from './tokens.ts';

describe.skipIf(!databaseAvailable)('sign-in, sessions and tokens', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  const login = (email: string, password: string) => t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });

  it('sets an HttpOnly SameSite session cookie that works for reads and, with X-Requested-With, for writes', async () => {
    const res = await login(t.admin.email, PASSWORD);
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'kehu_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    const jar = { kehu_session: cookie?.value ?? '' };
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', cookies: jar });
    expect(me.json().user).toMatchObject({ email: t.admin.email, isAdmin: true, timezone: null, tenantTimezone: 'Asia/Shanghai', tenantCurrency: 'CNY' });
    const forged = await t.app.inject({ method: 'POST', url: '/api/v1/companies', cookies: jar, payload: { name: 'CSRF Inc' } });
    expect(forged.statusCode).toBe(403);
    expect(forged.json().code).toBe('csrf');
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/v1/companies',
      cookies: jar,
      headers: { 'x-requested-with': 'kehu' },
      payload: { name: 'Real Inc' },
    });
    expect(ok.statusCode).toBe(201);
    await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', cookies: jar, headers: { 'x-requested-with': 'kehu' } });
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', cookies: jar })).statusCode).toBe(401);
  });

  it('answers a wrong password with 401 and locks the account after 5 failures', async () => {
    const user = await t.createUser({ role: 'Sales Rep' });
    for (let i = 0; i < 5; i++) expect((await login(user.email, 'wrong password')).statusCode).toBe(401);
    const locked = await login(user.email, PASSWORD);
    expect(locked.statusCode).toBe(423);
    expect(locked.json().code).toBe('locked');
    expect((await login('nobody@acme.test', PASSWORD)).json().code).toBe('invalid_credentials');
  });

  it("gives the user's own language only: null until they choose, so an English browser is not turned Chinese by the tenant default", async () => {
    const user = await t.createUser({ role: 'Sales Rep' });
    const me = async () => (await t.request(user, { method: 'GET', url: '/api/v1/auth/me' })).json().user.locale;
    expect(await me()).toBeNull();
    await inTenant(t.db.kysely, t.admin.tenantId, (tx) => tx.updateTable('users').set({ locale: 'en' }).where('id', '=', user.id).execute());
    expect(await me()).toBe('en');
  });

  it('writes a login audit entry', async () => {
    const res = await t.request(t.admin, { method: 'GET', url: '/api/v1/auth/me' });
    expect(res.statusCode).toBe(200);
    const rows = await inTenant(t.db.kysely, t.admin.tenantId, (tx) =>
      tx.selectFrom('audit_log').select(['action', 'ip']).where('action', '=', 'login').execute(),
    );
    expect(rows.length).toBeGreaterThan(0);
  });

  it('limits requests per API token', async () => {
    const { token, hash, prefix } = newToken('api');
    await inTenant(t.db.kysely, t.admin.tenantId, (tx) =>
      tx
        .insertInto('api_tokens')
        .values({ tenant_id: t.admin.tenantId, id: newId(), user_id: t.admin.id, name: 'limited', token_hash: hash, prefix, rate_limit: 3 })
        .execute(),
    );
    const codes: number[] = [];
    for (let i = 0; i < 5; i++)
      codes.push((await t.app.inject({ method: 'GET', url: '/api/v1/contacts', headers: { authorization: `Bearer ${token}` } })).statusCode);
    expect(codes).toEqual([200, 200, 200, 429, 429]);
    const limited = await t.app.inject({ method: 'GET', url: '/api/v1/contacts', headers: { authorization: `Bearer ${token}`, 'accept-language': 'zh-CN' } });
    expect(limited.json().title).toBe('请求过于频繁，请在 {{after}} 后重试'.replace('{{after}}', limited.json().detail.match(/在 (.+) 后/)?.[1] ?? ''));
  });

  it('serves the OpenAPI 3.1 document and the reference UI without signing in', async () => {
    const doc = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(doc.json().openapi).toBe('3.1.0');
    expect(Object.keys(doc.json().paths)).toEqual(expect.arrayContaining(['/api/v1/contacts', '/api/v1/companies/{id}', '/api/v1/auth/login']));
    const ui = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(ui.statusCode).toBe(200);
    expect(ui.body).toContain('swagger');
  });

  it('answers every request with a request id', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health', headers: { 'x-request-id': 'abc-123' } });
    expect(res.headers['x-request-id']).toBe('abc-123');
    expect(res.json()).toMatchObject({ status: 'ok', db: expect.stringMatching(/pglite|postgres/) });
  });
});
