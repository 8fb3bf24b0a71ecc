import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { databaseAvailable } from '../../../test/db.ts';

describe.skipIf(!databaseAvailable)('contacts API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  it('creates, reads, lists, updates with If-Match, deletes and restores a contact', async () => {
    const company = await t.request(t.admin, { method: 'POST', url: '/api/v1/companies', payload: { name: '北京星辰科技有限公司', industry: '软件' } });
    expect(company.statusCode).toBe(201);
    const created = await t.request(t.admin, {
      method: 'POST',
      url: '/api/v1/contacts',
      payload: {
        familyName: '张',
        givenName: '伟',
        companyId: company.json().id,
        phones: [{ number: '138 1234 5678' }],
        emails: [{ address: 'Zhang.Wei@Example.com' }],
        idNumber: '110101199003071234',
        tags: ['vip'],
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const contact = created.json();
    expect(contact).toMatchObject({
      name: '张伟',
      company: { name: '北京星辰科技有限公司' },
      phones: [{ e164: '+8613812345678' }],
      emails: [{ address: 'zhang.wei@example.com' }],
      version: 1,
    });
    expect(created.headers.etag).toBe('"1"');

    const list = await t.request(t.admin, {
      method: 'GET',
      url: '/api/v1/contacts?filter=' + encodeURIComponent(JSON.stringify({ tags: { contains: 'vip' } })),
    });
    expect(list.json().data.map((c: { id: string }) => c.id)).toEqual([contact.id]);

    const patched = await t.request(t.admin, {
      method: 'PATCH',
      url: `/api/v1/contacts/${contact.id}`,
      headers: { 'if-match': '"1"' },
      payload: { title: '总经理' },
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json().version).toBe(2);
    const stale = await t.request(t.admin, {
      method: 'PATCH',
      url: `/api/v1/contacts/${contact.id}`,
      headers: { 'if-match': '"1"' },
      payload: { title: 'CEO' },
    });
    expect(stale.statusCode).toBe(412);
    expect(stale.headers['content-type']).toContain('application/problem+json');

    expect((await t.request(t.admin, { method: 'DELETE', url: `/api/v1/contacts/${contact.id}` })).statusCode).toBe(204);
    expect((await t.request(t.admin, { method: 'GET', url: `/api/v1/contacts/${contact.id}` })).statusCode).toBe(404);
    const bin = await t.request(t.admin, { method: 'GET', url: '/api/v1/contacts?deleted=true' });
    expect(bin.json().data.map((c: { id: string }) => c.id)).toEqual([contact.id]);
    const restored = await t.request(t.admin, { method: 'POST', url: `/api/v1/contacts/${contact.id}/restore` });
    expect(restored.statusCode).toBe(200);
    expect(restored.json().deletedAt).toBeNull();
  });
});
