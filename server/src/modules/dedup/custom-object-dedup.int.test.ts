import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestUser } from '#test/app.ts';
import { databaseAvailable } from '#test/db.ts';
import { dedupClient } from './dedup.test-kit.ts';

type Cluster = { id: string; records: { id: string; name: string }[] };

describe.skipIf(!databaseAvailable)('duplicates of a custom object (its declaration, no per-object code)', () => {
  let t: TestApp;
  let api: ReturnType<typeof dedupClient>;
  const ids: Record<string, string> = {};
  const vendor = async (name: string, custom: Record<string, unknown> = {}, user?: TestUser) => {
    const body = { name, custom };
    const created = user
      ? await dedupClient(t, user).call<{ id: string }>('POST', '/api/v1/vendors', body, 201)
      : await api.call<{ id: string }>('POST', '/api/v1/vendors', body, 201);
    return created.id;
  };

  beforeAll(async () => {
    t = await createTestApp();
    api = dedupClient(t, t.admin);
    await api.call('POST', '/api/v1/custom-objects', { name: 'vendors', label: { zh: '供应商', en: 'Vendor' } }, 201);
    await t.defineCustomField(t.admin, { object: 'vendors', key: 'code', type: 'text', unique: true, label: { zh: '编码', en: 'Code' } });
    await t.defineCustomField(t.admin, { object: 'vendors', key: 'mail', type: 'email', label: { zh: '邮箱', en: 'Email' } });
    await t.defineCustomField(t.admin, { object: 'vendors', key: 'region', type: 'text', label: { zh: '区域', en: 'Region' } });
    // A standard object's lookup to the custom object: its value follows a merge.
    await t.defineCustomField(t.admin, { object: 'contact', key: 'vendor', type: 'lookup', target: 'vendors', label: { zh: '供应商', en: 'Vendor' } });
    ids.a = await vendor('华东供应商', { code: 'HD-001', region: '上海' });
    // Unique on write is exact: "hd 001" gets in, the match key sees it is HD-001.
    ids.b = await vendor('华东供应商', { code: 'hd 001', mail: 'east@example.com', region: '上海市浦东新区' });
    // Same name, another code: a different unique value outweighs the name.
    ids.c = await vendor('华东供应商', { code: 'HD-002' });
    // Names alike but not equal, nothing else: not suggested.
    ids.d = await vendor('Northwind Trading');
    ids.e = await vendor('Northwind Traders Group');
    // A different name but the same email.
    ids.f = await vendor('Acme Supplies', { mail: 'sales@acme.example' });
    ids.g = await vendor('ACME supplies', { mail: 'Sales@Acme.example' });
  });
  afterAll(async () => t?.close());

  it('the registry offers dedup for the custom object and a scan suggests A/B (name + key) and F/G (name + email), not C or D/E', async () => {
    const objects = await api.call<{ data: { name: string; capabilities: string[] }[] }>('GET', '/api/v1/objects');
    expect(objects.data.find((o) => o.name === 'vendors')?.capabilities).toContain('dedup');
    const run = await api.call<{ object: string; status: string }>('POST', '/api/v1/duplicates/scan', { object: 'vendors' }, 202);
    expect(run.object).toBe('vendors');
    expect(await api.scan('vendors')).toBe('done');
    const { data, total } = await api.call<{ data: Cluster[]; total: number }>('GET', '/api/v1/duplicates?object=vendors');
    expect(total).toBe(2);
    const sets = data.map((c) => c.records.map((r) => r.id).sort());
    expect(sets).toEqual(expect.arrayContaining([[ids.a, ids.b].sort(), [ids.f, ids.g].sort()]));
    expect(sets.flat()).not.toContain(ids.c);
    expect(data.flatMap((c) => c.records.map((r) => r.name))).toContain('华东供应商');
    // Contacts keep their own queue.
    expect((await api.clusters('contact')).total).toBe(0);
  });

  it('compares side by side with the key as evidence, merges with a hand choice, moves lookups pointing at it, audits; undo brings everything back', async () => {
    const cmp = await api.call<{
      fields: { field: string; chosen: number | string; value: unknown }[];
      evidence: { field: string; similarity: number }[];
      score: number;
    }>('GET', `/api/v1/duplicates/compare?object=vendors&ids=${ids.a},${ids.b}`);
    expect(cmp.score).toBeGreaterThan(0.99);
    expect(cmp.evidence).toEqual(expect.arrayContaining([{ field: 'custom.code', similarity: 1, weight: 14 }]));
    expect(cmp.fields.map((f) => f.field)).toEqual(['name', 'ownerId', 'custom.code', 'custom.mail', 'custom.region']);
    expect(cmp.fields.find((f) => f.field === 'custom.region')).toMatchObject({ chosen: 1, value: '上海市浦东新区' }); // most complete
    const buyer = await api.call<{ id: string }>('POST', '/api/v1/contacts', { name: '采购员', custom: { vendor: ids.b } }, 201);
    const merged = await api.call<{ survivorId: string; merges: { id: string }[] }>('POST', '/api/v1/duplicates/merge', {
      object: 'vendors',
      survivorId: ids.a,
      mergedIds: [ids.b],
      choices: { 'custom.region': ids.a },
    });
    expect(merged.survivorId).toBe(ids.a);
    const survivor = await api.call<{ custom: Record<string, unknown>; version: number }>('GET', `/api/v1/vendors/${ids.a}`);
    expect(survivor.custom).toEqual({ code: 'HD-001', mail: 'east@example.com', region: '上海' });
    expect((await api.raw('GET', `/api/v1/vendors/${ids.b}`)).statusCode).toBe(404);
    const moved = await api.call<{ custom: Record<string, unknown> }>('GET', `/api/v1/contacts/${buyer.id}`);
    expect(moved.custom.vendor).toBe(ids.a);
    const audit = await api.call<{ data: { action: string; objectType: string; objectId: string }[] }>('GET', '/api/v1/audit-log?limit=100');
    expect(audit.data.filter((e) => e.action === 'merge' && e.objectType === 'vendors').map((e) => e.objectId)).toEqual(expect.arrayContaining([ids.a, ids.b]));
    const history = await api.call<{ data: { id: string; survivorName: string; mergedName: string }[] }>('GET', '/api/v1/duplicates/merges?object=vendors');
    expect(history.data[0]).toMatchObject({
      id: merged.merges[0]?.id,
      survivorName: '华东供应商',
      mergedName: '华东供应商',
      moved: { 'custom.contact.vendor': 1 },
    });

    await api.call('POST', `/api/v1/duplicates/merges/${merged.merges[0]?.id}/undo`);
    expect((await api.call<{ custom: Record<string, unknown> }>('GET', `/api/v1/vendors/${ids.b}`)).custom).toMatchObject({
      code: 'hd 001',
      mail: 'east@example.com',
    });
    expect((await api.call<{ custom: Record<string, unknown> }>('GET', `/api/v1/vendors/${ids.a}`)).custom).toEqual({ code: 'HD-001', region: '上海' });
    expect((await api.call<{ custom: Record<string, unknown> }>('GET', `/api/v1/contacts/${buyer.id}`)).custom.vendor).toBe(ids.b);
  });

  it('refuses an unknown object (translated 400), a record of another object and users without access, writing nothing', async () => {
    const zh = await t.request(t.admin, { method: 'GET', url: '/api/v1/duplicates?object=widgets', headers: { 'accept-language': 'zh-CN' } });
    expect(zh.statusCode).toBe(400);
    expect(zh.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(zh.json().errors[0].field).toBe('object');
    expect(zh.json().errors[0].message).toMatch(/[\u4e00-\u9fff]/);
    const scan = await api.raw('POST', '/api/v1/duplicates/scan', { object: 'widgets' });
    expect(scan.statusCode).toBe(400);
    const contact = await api.contact({ name: '张三' });
    const before = await api.call<{ version: number }>('GET', `/api/v1/vendors/${ids.f}`);
    const mixed = await api.raw('POST', '/api/v1/duplicates/merge', { object: 'vendors', survivorId: ids.f, mergedIds: [contact.id] });
    expect(mixed.statusCode).toBe(400);
    expect((await api.call<{ version: number }>('GET', `/api/v1/vendors/${ids.f}`)).version).toBe(before.version);
    expect((await api.raw('GET', `/api/v1/contacts/${contact.id}`)).statusCode).toBe(200);

    const rep = await t.createUser({ role: 'Sales Rep' });
    const repApi = dedupClient(t, rep);
    expect((await repApi.raw('GET', '/api/v1/duplicates?object=vendors')).statusCode).toBe(403);
    expect((await repApi.raw('POST', '/api/v1/duplicates/merge', { object: 'vendors', survivorId: ids.f, mergedIds: [ids.g] })).statusCode).toBe(403);
    expect((await api.call<{ total: number }>('GET', '/api/v1/duplicates?object=vendors')).total).toBeGreaterThanOrEqual(1);
  });

  it('a rep granted own scope on the object sees only clusters of records they own', async () => {
    const roles = await api.call<{ data: { id: string; name: string; version: number }[] }>('GET', '/api/v1/roles');
    const repRole = roles.data.find((r) => r.name === 'Sales Rep') as (typeof roles.data)[number];
    const granted = await t.request(t.admin, {
      method: 'PATCH',
      url: `/api/v1/roles/${repRole.id}`,
      payload: { permissions: { vendors: { read: 'own', create: 'own', update: 'own' } } },
      headers: { 'if-match': `"${repRole.version}"` },
    });
    expect(granted.statusCode, granted.body).toBe(200);
    const rep = await t.createUser({ role: 'Sales Rep' });
    const mine = [await vendor('我的供应商', { code: 'MY-1' }, rep), await vendor('我的供应商', { code: 'my 1' }, rep)];
    expect(await api.scan('vendors')).toBe('done');
    const seen = await dedupClient(t, rep).call<{ data: Cluster[]; total: number }>('GET', '/api/v1/duplicates?object=vendors');
    expect(seen.total).toBe(1);
    expect(seen.data[0]?.records.map((r) => r.id).sort()).toEqual(mine.sort());
    expect((await api.call<{ total: number }>('GET', '/api/v1/duplicates?object=vendors')).total).toBe(2);
  });
});
