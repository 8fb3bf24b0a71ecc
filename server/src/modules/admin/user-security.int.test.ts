import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, createTestApp, type TestApp } from '../../../test/app.ts';
import { databaseAvailable } from '../../../test/db.ts';
import { login, makeUser, roleIdByName } from './admin.test-kit.ts';

describe.skipIf(!databaseAvailable)('user activation, passwords and the last administrator', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  const me = (token: string) => t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { authorization: `Bearer ${token}` } });

  it('deactivation refuses sign-in and stops existing sessions and API tokens; activation restores sign-in', async () => {
    const user = await makeUser(t);
    const created = await t.request(user, { method: 'POST', url: '/api/v1/api-tokens', payload: { name: 'script' } });
    const apiToken = created.json().token as string;
    expect((await me(apiToken)).statusCode).toBe(200);

    const off = await t.request(t.admin, { method: 'POST', url: `/api/v1/users/${user.id}/deactivate` });
    expect(off.statusCode, off.body).toBe(200);
    expect(off.json().isActive).toBe(false);
    expect((await login(t, user.email)).statusCode).toBe(403);
    expect((await login(t, user.email)).json().code).toBe('account_inactive');
    expect((await me(user.token)).statusCode).toBe(401);
    expect((await me(apiToken)).statusCode).toBe(401);

    const on = await t.request(t.admin, { method: 'POST', url: `/api/v1/users/${user.id}/activate` });
    expect(on.json().isActive).toBe(true);
    expect((await login(t, user.email)).statusCode).toBe(200);
  });

  it('an admin password reset ends every session of the user and the new password works', async () => {
    const user = await makeUser(t);
    const second = (await login(t, user.email)).json().token as string;
    const reset = await t.request(t.admin, { method: 'POST', url: `/api/v1/users/${user.id}/reset-password`, payload: { password: 'brand new secret' } });
    expect(reset.statusCode, reset.body).toBe(204);
    expect((await me(user.token)).statusCode).toBe(401);
    expect((await me(second)).statusCode).toBe(401);
    expect((await login(t, user.email)).statusCode).toBe(401);
    expect((await login(t, user.email, 'brand new secret')).statusCode).toBe(200);
  });

  it('changing one’s own password needs the current one and ends the other sessions only', async () => {
    const user = await makeUser(t);
    const other = (await login(t, user.email)).json().token as string;
    const wrong = await t.request(user, {
      method: 'POST',
      url: '/api/v1/auth/change-password',
      payload: { currentPassword: 'nope', newPassword: 'another secret' },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors).toEqual([{ field: 'currentPassword', message: 'The current password is wrong' }]);
    const ok = await t.request(user, {
      method: 'POST',
      url: '/api/v1/auth/change-password',
      payload: { currentPassword: PASSWORD, newPassword: 'another secret' },
    });
    expect(ok.statusCode, ok.body).toBe(204);
    expect((await me(user.token)).statusCode).toBe(200);
    expect((await me(other)).statusCode).toBe(401);
    expect((await login(t, user.email, 'another secret')).statusCode).toBe(200);
  });

  it('the last active administrator cannot be deactivated or lose the administrator role', async () => {
    const adminRole = await roleIdByName(t, 'Administrator');
    const repRole = await roleIdByName(t, 'Sales Rep');
    const self = await t.request(t.admin, { method: 'POST', url: `/api/v1/users/${t.admin.id}/deactivate` });
    expect(self.statusCode).toBe(409);
    expect(self.json().code).toBe('last_admin');
    const demote = await t.request(t.admin, { method: 'PATCH', url: `/api/v1/users/${t.admin.id}`, payload: { roleIds: [repRole] } });
    expect(demote.statusCode).toBe(409);
    const zh = await t.request(t.admin, {
      method: 'PATCH',
      url: `/api/v1/users/${t.admin.id}`,
      headers: { 'accept-language': 'zh-CN' },
      payload: { roleIds: [] },
    });
    expect(zh.json().detail).toBe('不能移除最后一位管理员的管理员权限');
    const unAdminRole = await t.request(t.admin, { method: 'PATCH', url: `/api/v1/roles/${adminRole}`, payload: { isAdmin: false } });
    expect(unAdminRole.statusCode).toBe(409);
    expect((await t.request(t.admin, { method: 'GET', url: `/api/v1/users/${t.admin.id}` })).json().roleIds).toEqual([adminRole]);

    // With a second administrator the first may step down.
    await makeUser(t, { roleIds: [adminRole] });
    expect((await t.request(t.admin, { method: 'PATCH', url: `/api/v1/users/${t.admin.id}`, payload: { roleIds: [adminRole, repRole] } })).statusCode).toBe(
      200,
    );
  });

  it('two administrators demoting each other at once leave exactly one administrator', async () => {
    const adminRole = await roleIdByName(t, 'Administrator');
    const repRole = await roleIdByName(t, 'Sales Rep');
    const list = await t.request(t.admin, {
      method: 'GET',
      url: `/api/v1/users?filter=${encodeURIComponent(JSON.stringify({ roleIds: { eq: adminRole }, isActive: true }))}`,
    });
    const others = list.json().data.filter((u: { id: string }) => u.id !== t.admin.id);
    await Promise.all(others.map((u: { id: string }) => t.request(t.admin, { method: 'POST', url: `/api/v1/users/${u.id}/deactivate` })));
    const peer = await makeUser(t, { roleIds: [adminRole] });
    const results = await Promise.all(
      [t.admin, peer].map((u) => t.request(u, { method: 'PATCH', url: `/api/v1/users/${u.id}`, payload: { roleIds: [repRole] } })),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    // Leave t.admin an administrator for the tests that follow.
    if (results[0]?.statusCode === 200) {
      await t.request(peer, { method: 'PATCH', url: `/api/v1/users/${t.admin.id}`, payload: { roleIds: [adminRole] } });
    }
  });

  it('a user of another tenant cannot see or change this tenant’s users (404)', async () => {
    const user = await makeUser(t);
    const other = await t.createTenant('globex');
    expect((await t.request(other, { method: 'GET', url: `/api/v1/users/${user.id}` })).statusCode).toBe(404);
    expect((await t.request(other, { method: 'PATCH', url: `/api/v1/users/${user.id}`, payload: { name: 'pwned' } })).statusCode).toBe(404);
    expect((await t.request(other, { method: 'POST', url: `/api/v1/users/${user.id}/deactivate` })).statusCode).toBe(404);
    expect((await t.request(other, { method: 'POST', url: `/api/v1/users/${user.id}/reset-password`, payload: { password: 'takeover123' } })).statusCode).toBe(
      404,
    );
    const list = await t.request(other, { method: 'GET', url: '/api/v1/users' });
    expect(list.json().data.map((u: { id: string }) => u.id)).toEqual([other.id]);
    expect((await login(t, user.email)).statusCode).toBe(200);
  });
});
