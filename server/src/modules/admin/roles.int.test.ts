import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { databaseAvailable } from '../../../test/db.ts';
import { makeUser } from './admin.test-kit.ts';

describe.skipIf(!databaseAvailable)('roles API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  const createRole = (payload: Record<string, unknown>) => t.request(t.admin, { method: 'POST', url: '/api/v1/roles', payload });

  it('a user with two roles gets the most permissive scope of each action (GET /auth/me)', async () => {
    const readers = await createRole({
      name: 'Readers',
      permissions: { contact: { read: 'all', update: 'own' }, deal: { read: 'team' } },
      fieldPermissions: { contact: { idNumber: { read: true, edit: false } } },
    });
    expect(readers.statusCode, readers.body).toBe(201);
    const editors = await createRole({ name: 'Editors', permissions: { contact: { read: 'own', update: 'team', delete: 'own' } } });
    const user = await makeUser(t, { roleIds: [readers.json().id, editors.json().id] });
    const me = await t.request(user, { method: 'GET', url: '/api/v1/auth/me' });
    expect(me.statusCode).toBe(200);
    expect(me.json().permissions).toMatchObject({ contact: { read: 'all', update: 'team', delete: 'own' }, deal: { read: 'team' } });
    expect(me.json().fields.contact.idNumber).toEqual({ read: true, edit: false });
    expect(me.json().user.isAdmin).toBe(false);
  });

  it('validates objects, actions, scopes and unknown fields with per-field errors', async () => {
    const badObject = await createRole({ name: 'X', permissions: { spaceship: { read: 'all' } } });
    expect(badObject.statusCode).toBe(400);
    const badAction = await createRole({ name: 'X', permissions: { contact: { fly: 'all' } } });
    expect(badAction.statusCode).toBe(400);
    const badScope = await createRole({ name: 'X', permissions: { contact: { read: 'everyone' } } });
    expect(badScope.statusCode).toBe(400);
    expect(badScope.json().errors[0].field).toBe('permissions.contact.read');
    expect((await createRole({ name: 'X', colour: 'red' })).statusCode).toBe(400);
    expect((await createRole({ name: 'Administrator' })).statusCode).toBe(409);
    const list = await t.request(t.admin, { method: 'GET', url: '/api/v1/roles' });
    expect(list.json().data.map((r: { name: string }) => r.name)).not.toContain('X');
  });

  it('grants every object of the registry (price_book, privacy_request…) and saves a default role back unchanged; an unknown name is refused', async () => {
    const roles = (await t.request(t.admin, { method: 'GET', url: '/api/v1/roles' })).json().data as {
      id: string;
      name: string;
      version: number;
      permissions: object;
      fieldPermissions: object;
    }[];
    const rep = roles.find((r) => r.name === 'Sales Rep');
    if (!rep) throw new Error('no Sales Rep role');
    // What the role editor sends: the role's whole matrix back.
    const same = await t.request(t.admin, {
      method: 'PATCH',
      url: `/api/v1/roles/${rep.id}`,
      payload: { permissions: rep.permissions, fieldPermissions: rep.fieldPermissions },
    });
    expect(same.statusCode, same.body).toBe(200);
    const objects = (await t.request(t.admin, { method: 'GET', url: '/api/v1/objects' })).json().data as { name: string; actions: string[] }[];
    const all = Object.fromEntries(objects.map((o) => [o.name, { read: 'all' }]));
    const granted = await createRole({ name: 'Reads everything', permissions: all });
    expect(granted.statusCode, granted.body).toBe(201);
    expect(Object.keys(granted.json().permissions).sort()).toEqual(Object.keys(all).sort());
    const unknown = await createRole({ name: 'Nope', permissions: { space_ship: { read: 'all' } } });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0].field).toBe('permissions.space_ship');
  });

  it('reads, updates with If-Match and deletes a role; a role in use is kept (409)', async () => {
    const role = (await createRole({ name: 'Temp', description: '临时' })).json();
    const got = await t.request(t.admin, { method: 'GET', url: `/api/v1/roles/${role.id}` });
    expect(got.headers.etag).toBe('"1"');
    const patched = await t.request(t.admin, {
      method: 'PATCH',
      url: `/api/v1/roles/${role.id}`,
      headers: { 'if-match': '"1"' },
      payload: { permissions: { lead: { read: 'own' } } },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({ version: 2, permissions: { lead: { read: 'own' } } });
    expect(
      (await t.request(t.admin, { method: 'PATCH', url: `/api/v1/roles/${role.id}`, headers: { 'if-match': '"1"' }, payload: { name: 'Y' } })).statusCode,
    ).toBe(412);

    const holder = await makeUser(t, { roleIds: [role.id] });
    const inUse = await t.request(t.admin, { method: 'DELETE', url: `/api/v1/roles/${role.id}` });
    expect(inUse.statusCode).toBe(409);
    expect(inUse.json().code).toBe('role_in_use');
    await t.request(t.admin, { method: 'PATCH', url: `/api/v1/users/${holder.id}`, payload: { roleIds: [] } });
    expect((await t.request(t.admin, { method: 'DELETE', url: `/api/v1/roles/${role.id}` })).statusCode).toBe(204);
    expect((await t.request(t.admin, { method: 'GET', url: `/api/v1/roles/${role.id}` })).statusCode).toBe(404);
  });

  it('only administrators change roles, even with read access to them', async () => {
    const viewers = (await createRole({ name: 'Role viewers', permissions: { role: { read: 'all', update: 'all', create: 'all' } } })).json();
    const user = await makeUser(t, { roleIds: [viewers.id] });
    expect((await t.request(user, { method: 'GET', url: '/api/v1/roles' })).statusCode).toBe(200);
    expect((await t.request(user, { method: 'PATCH', url: `/api/v1/roles/${viewers.id}`, payload: { isAdmin: true } })).statusCode).toBe(403);
    expect((await t.request(user, { method: 'POST', url: '/api/v1/roles', payload: { name: 'Mine', isAdmin: true } })).statusCode).toBe(403);
    const rep = await t.createUser({ role: 'Sales Rep' });
    expect((await t.request(rep, { method: 'GET', url: '/api/v1/roles' })).statusCode).toBe(403);
  });
});
