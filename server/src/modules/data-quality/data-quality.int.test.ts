import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestUser } from '#test/app.ts';
import { databaseAvailable } from '#test/db.ts';
import type { TDataQuality } from './data-quality.schema.ts';

describe.skipIf(!databaseAvailable)('data quality per object', () => {
  let t: TestApp;
  let rep: TestUser;
  const quality = async (user: TestUser, query = '') => {
    const res = await t.request(user, { method: 'GET', url: `/api/v1/data-quality/contact${query}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as TDataQuality;
  };
  const create = async (user: TestUser, payload: object) => {
    const res = await t.request(user, { method: 'POST', url: '/api/v1/contacts', payload });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };

  beforeAll(async () => {
    t = await createTestApp();
    rep = await t.createUser({ role: 'Sales Rep' });
    await create(t.admin, { name: '完整', title: 'CEO', emails: [{ address: 'a@b.cn' }], phones: [{ number: '13800138000' }], address: { city: '杭州' } });
    await create(t.admin, { name: '缺邮箱', title: 'CTO', phones: [{ number: '13900139000' }] });
    const old = await create(t.admin, { name: '很久没联系' });
    await create(rep, { name: '代表的', emails: [{ address: 'rep@b.cn' }] });
    // A malformed email and an unparsed phone, as older data or a raw import may hold them.
    await sql`update contacts set emails = '[{"address":"not-an-email"}]', phones = '[{"number":"12345","e164":null}]',
      created_at = now() - interval '1 year' where id = ${old}`.execute(t.db.kysely);
  });
  afterAll(() => t?.close());

  it('reports completeness against the target, invalid formats, stale records and drill-downs', async () => {
    const q = await quality(t.admin, '?target=50&staleMonths=6');
    expect(q.total).toBe(4);
    const by = Object.fromEntries(q.completeness.map((c) => [c.field, c]));
    expect(by.email).toMatchObject({ filled: 3, missing: 1, percent: 75, meetsTarget: true });
    expect(by.title).toMatchObject({ filled: 2, percent: 50, meetsTarget: true });
    expect(by.city).toMatchObject({ filled: 1, percent: 25, meetsTarget: false });
    expect(q.invalid).toEqual([
      { field: 'email', count: 1 },
      { field: 'phone', count: 1 },
    ]);
    expect(q.stale.count).toBe(1);
    expect(q.duplicates).toEqual({ count: null, reviewPath: '/duplicates?object=contact' });

    // Each drill-down is a filter the list API takes, and it lists exactly the counted records.
    const list = async (filter: string) =>
      (await t.request(t.admin, { method: 'GET', url: `/api/v1/contacts?filter=${encodeURIComponent(filter)}` }))
        .json()
        .data.map((c: { name: string }) => c.name);
    expect(await list(by.email?.drillDown?.filter as string)).toEqual(['缺邮箱']);
    expect(await list(q.stale.drillDown.filter)).toEqual(['很久没联系']);
    expect((await list(by.city?.drillDown?.filter as string)).length).toBe(3);
  });

  it('counts only what the user may read and uses the 95% default target', async () => {
    const q = await quality(rep);
    expect(q).toMatchObject({ total: 1, target: 95 });
    expect(q.completeness.find((c) => c.field === 'email')).toMatchObject({ percent: 100, meetsTarget: true });
    expect((await t.request(rep, { method: 'GET', url: '/api/v1/data-quality/contact?target=0' })).statusCode).toBe(400);
    expect((await t.request(rep, { method: 'GET', url: '/api/v1/data-quality/deal' })).statusCode).toBe(400);
  });
});
