import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestUser } from '../../../test/app.ts';
import { databaseAvailable } from '../../../test/db.ts';
import { inTenant } from '#db/tx.ts';

type Scope = 'none' | 'own' | 'team' | 'all';
type Role = { id: string; name: string; permissions: Record<string, Record<string, Scope>>; version: number };

/**
 * Every read path of a record object (list, count, get, CSV export, search) against one model of
 * the read scope, for random grants of own / team / all to random users, on a custom object and a
 * standard one alike: the registry gives both the same record service.
 */
describe.skipIf(!databaseAvailable)('read scope on every record path, randomized', () => {
  let t: TestApp;
  let users: { user: TestUser; team: 'east' | 'west'; role: string }[];
  const records: Record<string, { id: string; owner: string }[]> = { distributors: [], contacts: [] };

  beforeAll(async () => {
    t = await createTestApp();
    await t.request(t.admin, { method: 'POST', url: '/api/v1/custom-objects', payload: { name: 'distributors', label: { zh: '经销商', en: 'Distributor' } } });
    const teams = await inTenant(t.db.kysely, t.admin.tenantId, async (tx) => {
      const root = (await tx.selectFrom('teams').select('id').executeTakeFirstOrThrow()).id;
      const make = async (name: string) => {
        const id = crypto.randomUUID();
        await tx.insertInto('teams').values({ tenant_id: t.admin.tenantId, id, name, parent_id: root }).execute();
        return id;
      };
      return { east: await make('East'), west: await make('West') };
    });
    // One role per user, so each can be given its own scope.
    users = [];
    for (const [i, team] of (['east', 'east', 'west', 'west'] as const).entries()) {
      const role = `Tester ${i}`;
      const created = await t.request(t.admin, { method: 'POST', url: '/api/v1/roles', payload: { name: role, permissions: {} } });
      expect(created.statusCode, created.body).toBe(201);
      users.push({ user: await t.createUser({ role, teamId: teams[team] }), team, role });
    }
    // Every user owns two records of each object; the admin creates them on their behalf.
    for (const { user } of users)
      for (const [path, records_] of Object.entries(records))
        for (let k = 0; k < 2; k++) {
          const res = await t.request(t.admin, {
            method: 'POST',
            url: `/api/v1/${path}`,
            payload: { name: `共享 ${path} ${user.email} ${k}`, ownerId: user.id },
          });
          expect(res.statusCode, res.body).toBe(201);
          records_.push({ id: res.json().id, owner: user.id });
        }
  });
  afterAll(() => t?.close());

  const grant = async (role: string, object: string, scope: Scope) => {
    const roles = (await t.request(t.admin, { method: 'GET', url: '/api/v1/roles?limit=100' })).json().data as Role[];
    const r = roles.find((x) => x.name === role) as Role;
    const res = await t.request(t.admin, {
      method: 'PATCH',
      url: `/api/v1/roles/${r.id}`,
      headers: { 'if-match': `"${r.version}"` },
      payload: { permissions: { ...r.permissions, [object]: { read: scope, export: scope } } },
    });
    expect(res.statusCode, res.body).toBe(200);
  };

  const expected = (viewer: (typeof users)[number], scope: Scope, all: { id: string; owner: string }[]) => {
    if (scope === 'none') return null;
    const teamOf = new Map(users.map((u) => [u.user.id, u.team]));
    return all
      .filter((r) => scope === 'all' || (scope === 'own' ? r.owner === viewer.user.id : teamOf.get(r.owner) === viewer.team))
      .map((r) => r.id)
      .sort();
  };

  it('list, count, get, export and search show exactly what the scope allows', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...(['distributors', 'contacts'] as const)),
        fc.integer({ min: 0, max: 3 }),
        fc.constantFrom<Scope>('none', 'own', 'team', 'all'),
        async (path, who, scope) => {
          const viewer = users[who] as (typeof users)[number];
          const object = path === 'contacts' ? 'contact' : path;
          await grant(viewer.role, object, scope);
          const want = expected(viewer, scope, records[path] as { id: string; owner: string }[]);
          const as = (url: string) => t.request(viewer.user, { method: 'GET', url });
          const list = await as(`/api/v1/${path}?limit=100`);
          if (!want) {
            for (const url of [`/api/v1/${path}`, `/api/v1/${path}/count`, `/api/v1/${path}/export`]) expect((await as(url)).statusCode, url).toBe(403);
            return;
          }
          expect(list.statusCode, list.body).toBe(200);
          expect(
            list
              .json()
              .data.map((r: { id: string }) => r.id)
              .sort(),
          ).toEqual(want);
          expect((await as(`/api/v1/${path}/count`)).json().count).toBe(want.length);
          const searched = (await as(`/api/v1/${path}?q=${encodeURIComponent('共享')}&limit=100`)).json().data.map((r: { id: string }) => r.id);
          expect(searched.sort()).toEqual(want);
          const csv = (await as(`/api/v1/${path}/export`)).body;
          for (const r of records[path] as { id: string }[]) expect(csv.includes(r.id), `export ${r.id}`).toBe(want.includes(r.id));
          for (const r of records[path] as { id: string }[]) expect((await as(`/api/v1/${path}/${r.id}`)).statusCode).toBe(want.includes(r.id) ? 200 : 404);
        },
      ),
      { numRuns: 12 },
    );
  });
});
