import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { databaseAvailable } from '../../../test/db.ts';

describe.skipIf(!databaseAvailable)('tenant settings', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  it('reads and changes the defaults with If-Match, admins only, audited; owners are embedded in records', async () => {
    const got = await t.request(t.admin, { method: 'GET', url: '/api/v1/tenant' });
    expect(got.json()).toMatchObject({ slug: 'acme', locale: 'zh-CN', timezone: 'Asia/Shanghai', currency: 'CNY', version: 1 });
    const rep = await t.createUser({ role: 'Sales Rep' });
    expect((await t.request(rep, { method: 'PATCH', url: '/api/v1/tenant', payload: { locale: 'en' } })).statusCode).toBe(403);
    const bad = await t.request(t.admin, { method: 'PATCH', url: '/api/v1/tenant', payload: { timezone: 'Mars/Olympus', currency: 'rmb' } });
    expect(
      bad
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['currency', 'timezone']);
    const ok = await t.request(t.admin, {
      method: 'PATCH',
      url: '/api/v1/tenant',
      headers: { 'if-match': '"1"' },
      payload: { locale: 'en', currency: 'USD', timezone: 'Europe/Berlin' },
    });
    expect(ok.json()).toMatchObject({ locale: 'en', currency: 'USD', timezone: 'Europe/Berlin', version: 2 });
    expect(
      (await t.request(t.admin, { method: 'PATCH', url: '/api/v1/tenant', headers: { 'if-match': '"1"' }, payload: { locale: 'zh-CN' } })).statusCode,
    ).toBe(412);
    const audit = await t.request(t.admin, { method: 'GET', url: '/api/v1/audit-log?objectType=tenant' });
    expect(audit.json().data[0].changes).toMatchObject({ currency: { from: 'CNY', to: 'USD' } });

    const contact = await t.request(rep, { method: 'POST', url: '/api/v1/contacts', payload: { name: 'Owned' } });
    expect(contact.json().owner).toEqual({ id: rep.id, name: rep.email });
    const missing = await t.request(t.admin, { method: 'GET', url: '/api/v1/nowhere' });
    expect(missing.json().title).not.toContain('{{');
  });
});
