import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { databaseAvailable } from '../../../test/db.ts';

describe.skipIf(!databaseAvailable)('saved views and revealing sensitive fields', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  it('keeps personal views private, shares shared views, and lets only the author change them', async () => {
    const rep = await t.createUser({ role: 'Sales Rep' });
    const mine = await t.request(t.admin, {
      method: 'POST',
      url: '/api/v1/saved-views',
      payload: { object: 'contact', name: '北京客户', filter: { city: { eq: '北京' } }, sort: '-createdAt', columns: ['name', 'city'] },
    });
    expect(mine.statusCode, mine.body).toBe(201);
    const shared = await t.request(t.admin, {
      method: 'POST',
      url: '/api/v1/saved-views',
      payload: { object: 'contact', name: 'VIP', filter: { tags: { contains: 'vip' } }, shared: true },
    });
    const seen = await t.request(rep, { method: 'GET', url: '/api/v1/saved-views?object=contact' });
    expect(seen.json().data.map((v: { name: string }) => v.name)).toEqual(['VIP']);
    expect((await t.request(rep, { method: 'PATCH', url: `/api/v1/saved-views/${shared.json().id}`, payload: { name: 'x' } })).statusCode).toBe(403);
    expect((await t.request(rep, { method: 'DELETE', url: `/api/v1/saved-views/${mine.json().id}` })).statusCode).toBe(404);
    const renamed = await t.request(t.admin, { method: 'PATCH', url: `/api/v1/saved-views/${mine.json().id}`, payload: { name: '北京重点客户' } });
    expect(renamed.json()).toMatchObject({ name: '北京重点客户', filter: { city: { eq: '北京' } }, mine: true });
  });

  it('reveals a sensitive field to a permitted user and audits it; refuses others', async () => {
    const rep = await t.createUser({ role: 'Sales Rep' });
    const created = await t.request(t.admin, {
      method: 'POST',
      url: '/api/v1/contacts',
      payload: { name: '李娜', idNumber: '110101199003071234', ownerId: rep.id },
    });
    const id = created.json().id as string;
    const shown = await t.request(t.admin, { method: 'POST', url: `/api/v1/contacts/${id}/reveal`, payload: { field: 'idNumber' } });
    expect(shown.json()).toEqual({ field: 'idNumber', value: '110101199003071234' });
    expect((await t.request(rep, { method: 'POST', url: `/api/v1/contacts/${id}/reveal`, payload: { field: 'idNumber' } })).statusCode).toBe(403);
    const history = await t.request(t.admin, { method: 'GET', url: `/api/v1/audit-log?objectId=${id}` });
    expect(history.statusCode, history.body).toBe(200);
    expect(history.json().data.map((e: { action: string }) => e.action)).toContain('revealed');
  });
});
