import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestUser } from '#test/app.ts';
import { databaseAvailable } from '#test/db.ts';

type Named = { id: string; name: string } | null;
type WithLookups = { id: string; custom: Record<string, unknown>; lookups?: Record<string, Named> };

describe.skipIf(!databaseAvailable)('lookup names on every object, obeying the reader’s read scope', () => {
  let t: TestApp;
  let rep: TestUser;
  const ids = {} as Record<'company' | 'adminDist' | 'repDist' | 'toAdmin' | 'toRep' | 'none', string>;
  const call = async <T>(user: TestUser, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object, status = 200): Promise<T> => {
    const res = await t.request(user, { method, url, ...(payload ? { payload } : {}) });
    expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(status);
    return res.json() as T;
  };

  beforeAll(async () => {
    t = await createTestApp();
    await call(t.admin, 'POST', '/api/v1/custom-objects', { name: 'distributors', label: { zh: '经销商', en: 'Distributor' } }, 201);
    await t.defineCustomField(t.admin, {
      object: 'contact',
      key: 'distributor',
      type: 'lookup',
      target: 'distributors',
      label: { zh: '经销商', en: 'Distributor' },
    });
    await t.defineCustomField(t.admin, { object: 'distributors', key: 'company', type: 'lookup', target: 'company', label: { zh: '所属公司', en: 'Company' } });
    // Reps: their own contacts and distributors (a custom object gets no default grant).
    const roles = await call<{ data: { id: string; name: string; version: number }[] }>(t.admin, 'GET', '/api/v1/roles');
    const role = roles.data.find((r) => r.name === 'Sales Rep') as { id: string; version: number };
    const own = { read: 'own', create: 'own', update: 'own' };
    const patched = await t.request(t.admin, {
      method: 'PATCH',
      url: `/api/v1/roles/${role.id}`,
      payload: { permissions: { contact: own, company: own, distributors: own } },
      headers: { 'if-match': `"${role.version}"` },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    rep = await t.createUser({ role: 'Sales Rep' });
    ids.company = (await call<{ id: string }>(t.admin, 'POST', '/api/v1/companies', { name: '星辰贸易' }, 201)).id;
    ids.adminDist = (await call<{ id: string }>(t.admin, 'POST', '/api/v1/distributors', { name: '总部经销商', custom: { company: ids.company } }, 201)).id;
    ids.repDist = (await call<{ id: string }>(rep, 'POST', '/api/v1/distributors', { name: '我的经销商', custom: { company: ids.company } }, 201)).id;
    ids.toAdmin = (await call<{ id: string }>(rep, 'POST', '/api/v1/contacts', { name: '王芳', custom: { distributor: ids.adminDist } }, 201)).id;
    ids.toRep = (await call<{ id: string }>(rep, 'POST', '/api/v1/contacts', { name: '李雷', custom: { distributor: ids.repDist } }, 201)).id;
    ids.none = (await call<{ id: string }>(rep, 'POST', '/api/v1/contacts', { name: '韩梅梅' }, 201)).id;
  });
  afterAll(async () => t?.close());

  it('a contact’s lookup to a custom object comes back with the record’s name (get, list, create)', async () => {
    const got = await call<WithLookups>(t.admin, 'GET', `/api/v1/contacts/${ids.toAdmin}`);
    expect(got.custom.distributor).toBe(ids.adminDist);
    expect(got.lookups).toEqual({ distributor: { id: ids.adminDist, name: '总部经销商' } });
    const list = await call<{ data: WithLookups[] }>(t.admin, 'GET', '/api/v1/contacts?sort=name');
    const byId = new Map(list.data.map((c) => [c.id, c.lookups]));
    expect(byId.get(ids.toRep)).toEqual({ distributor: { id: ids.repDist, name: '我的经销商' } });
    expect(byId.get(ids.none)).toEqual({ distributor: null });
    const created = await call<WithLookups>(t.admin, 'POST', '/api/v1/contacts', { name: '赵敏', custom: { distributor: ids.repDist } }, 201);
    expect(created.lookups?.distributor?.name).toBe('我的经销商');
    // An object without lookup fields answers as before, without `lookups`.
    expect(await call<Record<string, unknown>>(t.admin, 'GET', `/api/v1/companies/${ids.company}`)).not.toHaveProperty('lookups');
  });

  it('a reader sees no name for a record they may not read: own scope hides the colleague’s distributor, keeps their own', async () => {
    expect((await call<WithLookups>(rep, 'GET', `/api/v1/contacts/${ids.toAdmin}`)).lookups).toEqual({ distributor: null });
    expect((await call<WithLookups>(rep, 'GET', `/api/v1/contacts/${ids.toRep}`)).lookups).toEqual({
      distributor: { id: ids.repDist, name: '我的经销商' },
    });
    const list = await call<{ data: WithLookups[] }>(rep, 'GET', '/api/v1/contacts');
    expect(JSON.stringify(list.data)).not.toContain('总部经销商');
  });

  it('custom objects obey the same rule: a rep’s distributor pointing at a company they may not read shows no company name', async () => {
    expect((await call<WithLookups>(t.admin, 'GET', `/api/v1/distributors/${ids.repDist}`)).lookups).toEqual({
      company: { id: ids.company, name: '星辰贸易' },
    });
    const seen = await call<WithLookups>(rep, 'GET', `/api/v1/distributors/${ids.repDist}`);
    expect(seen.custom.company).toBe(ids.company);
    expect(seen.lookups).toEqual({ company: null });
  });

  it('the OpenAPI document declares `lookups` on standard objects’ responses', async () => {
    const doc = (await t.request(null, { method: 'GET', url: '/api/openapi.json' })).json();
    const schema = doc.paths['/api/v1/contacts/{id}'].get.responses['200'].content['application/json'].schema;
    const props = schema.properties ?? doc.components?.schemas?.[String(schema.$ref).split('/').pop() as string]?.properties;
    expect(props).toHaveProperty('lookups');
  });
});
