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

  it("reads phones typed without a country code in the tenant's phone region", async () => {
    const phone = async (number: string) => {
      const res = await t.request(t.admin, { method: 'POST', url: '/api/v1/contacts', payload: { name: `Dial ${number}`, phones: [{ number }] } });
      return res.statusCode === 201 ? res.json().phones[0].e164 : res.json().errors[0].field;
    };
    expect(await phone('138 1234 5678')).toBe('+8613812345678');
    const version = (await t.request(t.admin, { method: 'GET', url: '/api/v1/tenant' })).json().version;
    const set = await t.request(t.admin, { method: 'PATCH', url: '/api/v1/tenant', headers: { 'if-match': `"${version}"` }, payload: { phoneRegion: 'US' } });
    expect(set.json().phoneRegion).toBe('US');
    expect(await phone('(415) 555-0100')).toBe('+14155550100');
    expect(await phone('+86 138 1234 5678')).toBe('+8613812345678'); // a country code still wins
    expect(await phone('138 1234 5678')).toBe('phones.0.number'); // not a US number
    const company = await t.request(t.admin, { method: 'POST', url: '/api/v1/companies', payload: { name: 'Dial Co', phones: [{ number: '212 555 0199' }] } });
    expect(company.json().phones[0].e164).toBe('+12125550199');
    const bad = await t.request(t.admin, {
      method: 'PATCH',
      url: '/api/v1/tenant',
      headers: { 'if-match': `"${version + 1}"` },
      payload: { phoneRegion: 'XX' },
    });
    expect(bad.statusCode).toBe(400);
  });
});
