import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { databaseAvailable } from '../../../test/db.ts';
import { auditOf, makeUser, roleIdByName } from './admin.test-kit.ts';

describe.skipIf(!databaseAvailable)('audit log of permission changes', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  it('writes one entry with before/after for each permission change', async () => {
    const role = (
      await t.request(t.admin, { method: 'POST', url: '/api/v1/roles', payload: { name: 'Auditors', permissions: { contact: { read: 'own' } } } })
    ).json();
    await t.request(t.admin, { method: 'PATCH', url: `/api/v1/roles/${role.id}`, payload: { permissions: { contact: { read: 'all' } } } });
    const team = (await t.request(t.admin, { method: 'POST', url: '/api/v1/teams', payload: { name: 'Audit team' } })).json();
    const user = await makeUser(t, { name: 'Audited' });
    await t.request(t.admin, { method: 'PATCH', url: `/api/v1/users/${user.id}`, payload: { roleIds: [role.id], teamId: team.id } });
    await t.request(t.admin, { method: 'POST', url: `/api/v1/users/${user.id}/deactivate` });
    await t.request(t.admin, { method: 'POST', url: `/api/v1/users/${user.id}/activate` });
    await t.request(t.admin, { method: 'POST', url: `/api/v1/users/${user.id}/reset-password`, payload: { password: 'reset secret 1' } });
    const token = (await t.request(t.admin, { method: 'POST', url: '/api/v1/api-tokens', payload: { name: 'audited token' } })).json();
    await t.request(t.admin, { method: 'POST', url: `/api/v1/api-tokens/${token.id}/revoke` });
    await t.request(t.admin, { method: 'PATCH', url: `/api/v1/users/${user.id}`, payload: { roleIds: [] } });
    await t.request(t.admin, { method: 'DELETE', url: `/api/v1/roles/${role.id}` });

    const roleTrail = await auditOf(t, { objectType: 'role', objectId: role.id });
    expect(roleTrail.map((e) => e.action)).toEqual(['deleted', 'updated', 'created']);
    expect(roleTrail[1]?.changes.permissions).toEqual({ from: { contact: { read: 'own' } }, to: { contact: { read: 'all' } } });
    expect(roleTrail.every((e) => e.actorId === t.admin.id)).toBe(true);

    // Sign-ins are audited on the same object; this test is about the administrator's changes.
    const userTrail = (await auditOf(t, { objectType: 'user', objectId: user.id })).filter((e) => e.action !== 'login');
    expect(userTrail.map((e) => e.action)).toEqual(['updated', 'password_reset', 'activated', 'deactivated', 'updated', 'created']);
    expect(userTrail[4]?.changes).toMatchObject({ roleIds: { from: [], to: [role.id] }, teamId: { to: team.id } });
    expect(userTrail[3]?.changes.isActive).toEqual({ from: true, to: false });
    expect(userTrail[1]?.changes).toEqual({ password: { from: '***', to: '***' } });
    expect(JSON.stringify(userTrail)).not.toContain('reset secret 1');

    const tokenTrail = await auditOf(t, { objectType: 'apiToken', objectId: token.id });
    expect(tokenTrail.map((e) => e.action)).toEqual(['revoked', 'created']);
    expect(tokenTrail[0]?.changes.revokedAt?.from).toBeNull();
    expect(JSON.stringify(tokenTrail)).not.toContain(token.token);

    expect((await auditOf(t, { objectType: 'team', objectId: team.id })).map((e) => e.action)).toEqual(['created']);
  });

  it('filters by actor, action and time, pages newest first, and is admin-only', async () => {
    const all = await auditOf(t, { actorId: t.admin.id, limit: '500' });
    const ids = all.map((e) => (e as unknown as { id: string }).id);
    expect([...ids].sort().reverse()).toEqual(ids);
    const first = await t.request(t.admin, { method: 'GET', url: '/api/v1/audit-log?limit=3' });
    const next = await t.request(t.admin, { method: 'GET', url: `/api/v1/audit-log?limit=3&cursor=${first.json().nextCursor}` });
    expect(next.json().data[0].id < first.json().data[2].id).toBe(true);
    expect((await auditOf(t, { action: 'password_reset' })).length).toBe(1);
    expect(await auditOf(t, { from: new Date(Date.now() + 3_600_000).toISOString() })).toEqual([]);
    expect((await t.request(t.admin, { method: 'GET', url: '/api/v1/audit-log?bogus=1' })).statusCode).toBe(400);

    const rep = await t.createUser({ role: 'Sales Rep' });
    expect((await t.request(rep, { method: 'GET', url: '/api/v1/audit-log' })).statusCode).toBe(403);
  });

  it('shows the field history of one record to whoever may read that kind of record', async () => {
    const rep = await t.createUser({ role: 'Sales Rep' });
    const contact = await t.request(rep, { method: 'POST', url: '/api/v1/contacts', payload: { name: '赵敏' } });
    expect(contact.statusCode, contact.body).toBe(201);
    await t.request(rep, { method: 'PATCH', url: `/api/v1/contacts/${contact.json().id}`, payload: { title: '经理' } });
    const history = await t.request(rep, { method: 'GET', url: `/api/v1/audit-log/contact/${contact.json().id}` });
    expect(history.statusCode, history.body).toBe(200);
    expect(history.json().data[0]).toMatchObject({ action: 'updated', actorId: rep.id, changes: { title: { from: null, to: '经理' } } });
    const roleId = await roleIdByName(t, 'Sales Rep');
    expect((await t.request(rep, { method: 'GET', url: `/api/v1/audit-log/role/${roleId}` })).statusCode).toBe(403);
    expect((await t.request(t.admin, { method: 'GET', url: `/api/v1/audit-log/role/${roleId}` })).statusCode).toBe(200);
  });
});
