import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestUser } from '#test/app.ts';
import { databaseAvailable } from '#test/db.ts';

/**
 * Exports and searches are read paths too: an exported row must be readable and exportable, and
 * a masked field the user may not read cannot be filtered, sorted or searched on (an oracle).
 */
describe.skipIf(!databaseAvailable)('exports and filters obey the read rules', () => {
  let t: TestApp;
  let mine: string;
  let theirs: string;
  let leadOfMine: string;

  const role = async (name: string, body: object) => {
    const res = await t.request(t.admin, { method: 'POST', url: '/api/v1/roles', payload: { name, ...body } });
    expect(res.statusCode, res.body).toBe(201);
    return t.createUser({ role: name });
  };
  const create = async (path: string, payload: object) => {
    const res = await t.request(t.admin, { method: 'POST', url: `/api/v1/${path}`, payload });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  const get = (user: TestUser, url: string) => t.request(user, { method: 'GET', url });

  let exporter: TestUser; // contact {read: own, export: all}
  let blindLeads: TestUser; // lead {read: none, export: own}
  let noPhones: TestUser; // contact read all, may not read phones
  let other: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    other = await t.createUser({ role: 'Sales Rep' });
    exporter = await role('Own reader, all exporter', { permissions: { contact: { read: 'own', export: 'all' } } });
    blindLeads = await role('Lead exporter', { permissions: { lead: { read: 'none', export: 'own' } } });
    noPhones = await role('No phones', {
      permissions: { contact: { read: 'all', export: 'all' }, company: { read: 'all' } },
      fieldPermissions: { contact: { phones: { read: false, edit: false } } },
    });
    mine = await create('contacts', { name: '自己的 Mine', ownerId: exporter.id, phones: [{ number: '+86 138 0013 8000' }] });
    theirs = await create('contacts', { name: '别人的 Theirs', ownerId: other.id, phones: [{ number: '+86 139 1234 5678' }] });
    leadOfMine = await create('leads', { name: '线索 Lead', ownerId: blindLeads.id });
  });
  afterAll(() => t?.close());

  it('GET /export shows only rows that are both readable and exportable', async () => {
    const csv = await get(exporter, '/api/v1/contacts/export');
    expect(csv.statusCode, csv.body).toBe(200);
    expect(csv.body).toContain(mine);
    expect(csv.body).not.toContain(theirs);
    expect((await get(exporter, `/api/v1/contacts/${theirs}`)).statusCode).toBe(404);
  });

  it('without read there is no export at all', async () => {
    const res = await get(blindLeads, '/api/v1/leads/export');
    expect(res.statusCode).toBe(403);
    expect(res.body).not.toContain(leadOfMine);
  });

  it('no filter, sort or search on a masked field without read permission on it', async () => {
    const phoneFilter = encodeURIComponent(JSON.stringify({ phone: { contains: '13912345' } }));
    const refused = await get(noPhones, `/api/v1/contacts?filter=${phoneFilter}`);
    expect(refused.statusCode).toBe(400);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect((await get(noPhones, `/api/v1/contacts/count?filter=${phoneFilter}`)).statusCode).toBe(400);
    expect((await get(noPhones, `/api/v1/contacts/export?filter=${phoneFilter}`)).statusCode).toBe(400);
    // Phone digits in `q` find nothing for them, while the name still does.
    expect((await get(noPhones, '/api/v1/contacts?q=13912345678')).json().data).toEqual([]);
    expect((await get(noPhones, '/api/v1/contacts?q=5678')).json().data).toEqual([]);
    expect((await get(noPhones, `/api/v1/contacts?q=${encodeURIComponent('别人的')}`)).json().data.map((r: { id: string }) => r.id)).toEqual([theirs]);
    // Someone who may read phones still finds by them (the admin; Sales Reps read phones).
    expect((await get(t.admin, '/api/v1/contacts?q=13912345678')).json().data.map((r: { id: string }) => r.id)).toEqual([theirs]);
    expect((await get(t.admin, `/api/v1/contacts?filter=${phoneFilter}`)).json().data.map((r: { id: string }) => r.id)).toEqual([theirs]);
    // Company phones are not masked: filtering on them stays open.
    expect((await get(noPhones, `/api/v1/companies?filter=${phoneFilter}`)).statusCode).toBe(200);
  });
});
