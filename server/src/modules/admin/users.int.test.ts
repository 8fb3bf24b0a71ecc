import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, createTestApp, type TestApp } from '../../../test/app.ts';
import { databaseAvailable } from '../../../test/db.ts';
import { login, makeUser, roleIdByName } from './admin.test-kit.ts';

describe.skipIf(!databaseAvailable)('users API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  it('lets a rep look colleagues up but refuses users administration with 403', async () => {
    const rep = await t.createUser({ role: 'Sales Rep' });
    const listed = await t.request(rep, { method: 'GET', url: '/api/v1/users' });
    expect(listed.statusCode).toBe(200);
    expect(listed.json().data.map((u: { id: string }) => u.id)).toContain(t.admin.id);
    for (const [method, url] of [
      ['POST', `/api/v1/users/${t.admin.id}/deactivate`],
      ['PATCH', `/api/v1/users/${t.admin.id}`],
    ] as const) {
      const res = await t.request(rep, { method, url, ...(method === 'PATCH' ? { payload: { name: 'x' } } : {}) });
      expect(res.statusCode, `${method} ${url}`).toBe(403);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    const created = await t.request(rep, { method: 'POST', url: '/api/v1/users', payload: { email: 'sneaky@acme.test', name: 'S', password: PASSWORD } });
    expect(created.statusCode).toBe(403);
    const me = await t.request(rep, { method: 'GET', url: '/api/v1/users/me' });
    expect(me.statusCode).toBe(200);
    expect(me.json().id).toBe(rep.id);
  });

  it('creates a user with roles and team who can then sign in', async () => {
    const roleId = await roleIdByName(t, 'Sales Manager');
    const teams = await t.request(t.admin, { method: 'GET', url: '/api/v1/teams' });
    const teamId = teams.json().data[0].id;
    const res = await t.request(t.admin, {
      method: 'POST',
      url: '/api/v1/users',
      payload: { email: 'li.na@acme.test', name: '李娜', password: 'longenough1', roleIds: [roleId], teamId, locale: 'zh-CN', timezone: 'Asia/Shanghai' },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.headers.etag).toBe('"1"');
    expect(res.json()).toMatchObject({ email: 'li.na@acme.test', name: '李娜', roleIds: [roleId], teamId, isActive: true, version: 1 });
    expect(res.body).not.toContain('password');
    const signedIn = await login(t, 'li.na@acme.test', 'longenough1');
    expect(signedIn.statusCode).toBe(200);
    expect(signedIn.json().user.name).toBe('李娜');
  });

  it('rejects bad input without writing: unknown field, short password, duplicate email, foreign role', async () => {
    const base = { email: 'dup@acme.test', name: 'Dup', password: PASSWORD };
    const unknown = await t.request(t.admin, { method: 'POST', url: '/api/v1/users', payload: { ...base, isAdmin: true } });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors).toContainEqual({ field: 'isAdmin', message: 'Unknown field' });
    expect((await t.request(t.admin, { method: 'POST', url: '/api/v1/users', payload: { ...base, password: 'short' } })).statusCode).toBe(400);
    const badRole = await t.request(t.admin, { method: 'POST', url: '/api/v1/users', payload: { ...base, roleIds: ['0190a0a0-0000-7000-8000-000000000000'] } });
    expect(badRole.statusCode).toBe(400);
    expect(badRole.json().errors[0].field).toBe('roleIds');
    expect((await t.request(t.admin, { method: 'POST', url: '/api/v1/users', payload: base })).statusCode).toBe(201);
    const again = await t.request(t.admin, { method: 'POST', url: '/api/v1/users', payload: { ...base, email: 'DUP@acme.test' } });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('duplicate');
  });

  it('lists users with filter, sort and cursor pages', async () => {
    for (const name of ['Zed A', 'Zed B', 'Zed C']) await makeUser(t, { name });
    const filter = encodeURIComponent(JSON.stringify({ name: { startsWith: 'Zed' } }));
    const first = await t.request(t.admin, { method: 'GET', url: `/api/v1/users?filter=${filter}&sort=-name&limit=2` });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().data.map((u: { name: string }) => u.name)).toEqual(['Zed C', 'Zed B']);
    const second = await t.request(t.admin, { method: 'GET', url: `/api/v1/users?filter=${filter}&sort=-name&limit=2&cursor=${first.json().nextCursor}` });
    expect(second.json()).toMatchObject({ data: [{ name: 'Zed A' }], nextCursor: null });
    const byRole = await t.request(t.admin, {
      method: 'GET',
      url: `/api/v1/users?filter=${encodeURIComponent(JSON.stringify({ roleIds: { eq: await roleIdByName(t, 'Administrator') } }))}`,
    });
    expect(byRole.json().data.map((u: { id: string }) => u.id)).toEqual([t.admin.id]);
    expect((await t.request(t.admin, { method: 'GET', url: '/api/v1/users?filter={"passwordHash":{"eq":"x"}}' })).statusCode).toBe(400);
  });

  it('honours If-Match on PATCH with 412 for a stale version', async () => {
    const user = await makeUser(t, { name: 'Versioned' });
    const ok = await t.request(t.admin, { method: 'PATCH', url: `/api/v1/users/${user.id}`, headers: { 'if-match': '"1"' }, payload: { name: 'Versioned 2' } });
    expect(ok.statusCode).toBe(200);
    expect(ok.headers.etag).toBe('"2"');
    const stale = await t.request(t.admin, {
      method: 'PATCH',
      url: `/api/v1/users/${user.id}`,
      headers: { 'if-match': '"1"' },
      payload: { name: 'Lost update' },
    });
    expect(stale.statusCode).toBe(412);
    expect((await t.request(t.admin, { method: 'GET', url: `/api/v1/users/${user.id}` })).json().name).toBe('Versioned 2');
  });

  it('lets anyone change their own name, language and time zone, but not their roles', async () => {
    const rep = await t.createUser({ role: 'Sales Rep' });
    const res = await t.request(rep, { method: 'PATCH', url: '/api/v1/users/me', payload: { name: '王芳', locale: 'en', timezone: 'Europe/Berlin' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ name: '王芳', locale: 'en', timezone: 'Europe/Berlin' });
    expect((await t.request(rep, { method: 'PATCH', url: '/api/v1/users/me', payload: { roleIds: [] } })).statusCode).toBe(400);
    expect((await t.request(rep, { method: 'PATCH', url: '/api/v1/users/me', payload: { timezone: 'Mars/Olympus' } })).statusCode).toBe(400);
  });
});
