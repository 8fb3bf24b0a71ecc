import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestUser } from '#test/app.ts';
import { databaseAvailable } from '#test/db.ts';
import { importsClient, tempFile } from './imports.test-kit.ts';

type Product = { id: string; sku: string; name: string; listPrice: string; version: number };
type Dealer = { id: string; name: string; ownerId: string | null; custom: Record<string, unknown>; version: number };
type Role = { id: string; version: number };

/** Rows matched to existing records by a unique field: a product's SKU, a custom object's field marked unique. */
describe.skipIf(!databaseAvailable)('imports: matching by a unique field', () => {
  let t: TestApp;
  let api: ReturnType<typeof importsClient>;
  const call = async (user: TestUser, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object, headers?: Record<string, string>) =>
    t.request(user, { method, url, ...(payload ? { payload } : {}), ...(headers ? { headers } : {}) });
  const list = async <T>(user: TestUser, path: string): Promise<T[]> => {
    const res = await call(user, 'GET', `/api/v1/${path}?limit=200`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().data;
  };
  const created = async <T>(user: TestUser, path: string, body: object): Promise<T> => {
    const res = await call(user, 'POST', `/api/v1/${path}`, body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };
  /** A role with these grants on one object, and a user holding it. */
  const userWith = async (name: string, object: string, scopes: Record<string, string>) => {
    const role = await created<Role>(t.admin, 'roles', { name, permissions: {} });
    const res = await call(t.admin, 'PATCH', `/api/v1/roles/${role.id}`, { permissions: { [object]: scopes } }, { 'if-match': `"${role.version}"` });
    expect(res.statusCode, res.body).toBe(200);
    return t.createUser({ role: name });
  };

  beforeAll(async () => {
    t = await createTestApp();
    api = importsClient(t, t.admin);
    await created(t.admin, 'custom-objects', { name: 'dealers', label: { zh: '代理商', en: 'Dealer' } });
    await t.defineCustomField(t.admin, { object: 'dealers', key: 'code', type: 'text', unique: true, label: { zh: '代理商编号', en: 'Dealer code' } });
    await t.defineCustomField(t.admin, { object: 'dealers', key: 'region', type: 'text', label: { zh: '区域', en: 'Region' } });
  });
  afterAll(() => t?.close());

  it('products by SKU: any case or width updates the one product, a new SKU is created, a blank SKU is refused in both languages', async () => {
    const pro = await created<Product>(t.admin, 'products', { sku: 'CRM-PRO', name: '专业版', listPrice: 2400 });
    const file = await tempFile('products.csv', ['产品编码,产品名称,价格', 'crm-pro,专业版 2027,2600', 'ＣＲＭ－ＢＡＳＥ,基础版,900', ',无编码,10'].join('\n'));
    const imp = await api.uploaded(file, 'product');
    expect([imp.matches, imp.matchFields, imp.dedup.match]).toEqual([[], ['sku'], 'none']);

    const unknown = await call(t.admin, 'PATCH', `/api/v1/imports/${imp.id}`, { dedup: { match: 'field', field: 'name', action: 'update' } });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors).toEqual([{ field: 'dedup.field', message: '“name” is not a unique field rows of this object can be matched by' }]);
    expect((await api.configure(imp.id, { dedup: { match: 'field', field: 'sku', action: 'update' } })).dedup).toEqual({
      match: 'field',
      field: 'sku',
      action: 'update',
    });

    const preview = (await call(t.admin, 'POST', `/api/v1/imports/${imp.id}/preview`, undefined, { 'accept-language': 'zh-CN' })).json();
    expect(preview.counts).toEqual({ created: 1, updated: 1, skipped: 0, failed: 1 });
    expect(preview.rows[2].errors).toEqual([expect.objectContaining({ field: 'sku', text: '本行用于匹配的字段为空：请填写，或改用其他字段匹配' })]);

    await api.start(imp.id);
    expect(await api.run(imp.id)).toBe('done');
    expect((await api.get(imp.id)).progress).toMatchObject({ created: 1, updated: 1, failed: 1 });
    const products = await list<Product>(t.admin, 'products');
    expect(products.map((p) => [p.sku, p.name, p.listPrice]).sort()).toEqual([
      ['CRM-BASE', '基础版', '900.00'],
      // The row's spelling of the key is written back, as any mapped field is.
      ['crm-pro', '专业版 2027', '2600.00'],
    ]);
    expect(products.find((p) => p.id === pro.id)?.version).toBe(2);
    expect(await api.errorsCsv(imp.id)).toContain('sku,"The field rows are matched by is empty in this row');

    // The same file again, now skipping matches: both SKUs meet the products the first run left.
    const again = await api.uploaded(file, 'product');
    await api.configure(again.id, { dedup: { match: 'field', field: 'sku', action: 'skip' } });
    await api.start(again.id);
    await api.run(again.id);
    expect((await api.get(again.id)).progress).toMatchObject({ created: 0, updated: 0, skipped: 2, failed: 1 });
    expect(await list<Product>(t.admin, 'products')).toHaveLength(2);
  });

  it('products: an importer without update scope may create but not update the product a SKU matches', async () => {
    const clerk = await userWith('Product loader', 'product', { read: 'all', create: 'all', import: 'all' });
    const clerkApi = importsClient(t, clerk);
    const file = await tempFile('p.csv', ['sku,name,listPrice', 'CRM-PRO,改名,1', 'NEW-9,新品,5'].join('\n'));
    const imp = await clerkApi.uploaded(file, 'product');
    await clerkApi.configure(imp.id, { dedup: { match: 'field', field: 'sku', action: 'update' } });
    await clerkApi.start(imp.id);
    await clerkApi.run(imp.id);
    expect((await clerkApi.get(imp.id)).progress).toMatchObject({ created: 1, updated: 0, failed: 1 });
    expect(await clerkApi.errorsCsv(imp.id)).toContain('You may not update the matching record');
    const pro = (await list<Product>(t.admin, 'products')).find((p) => p.sku === 'crm-pro');
    expect(pro).toMatchObject({ name: '专业版 2027', version: 2 });
  });

  it('a custom object by its unique field: updates the holder, creates new codes, refuses blank and ambiguous keys', async () => {
    const east = await created<Dealer>(t.admin, 'dealers', { name: '华东代理', custom: { code: 'HD-001', region: '上海' } });
    // Unique on write is exact: two spellings of one code can both exist, and then a row cannot tell them apart.
    await created<Dealer>(t.admin, 'dealers', { name: 'North', custom: { code: 'AB-7' } });
    await created<Dealer>(t.admin, 'dealers', { name: 'north', custom: { code: 'ab-7' } });
    const file = await tempFile(
      'dealers.csv',
      ['代理商名称,代理商编号,区域', '华东代理商,hd-001 ,杭州', '华南代理,HN-002,广州', '无编号,,深圳', '北方,Ab-7,北京'].join('\n'),
    );
    const imp = await api.uploaded(file, 'dealers');
    expect(imp.matchFields).toEqual(['custom.code']);
    await api.configure(imp.id, { dedup: { match: 'field', field: 'custom.code', action: 'update' } });
    await api.start(imp.id);
    expect(await api.run(imp.id)).toBe('done');
    expect((await api.get(imp.id)).progress).toMatchObject({ created: 1, updated: 1, failed: 2 });

    const dealers = await list<Dealer>(t.admin, 'dealers');
    expect(dealers).toHaveLength(4);
    expect(dealers.find((d) => d.id === east.id)).toMatchObject({ name: '华东代理商', custom: { code: 'hd-001', region: '杭州' }, version: 2 });
    expect(dealers.find((d) => d.custom.code === 'HN-002')).toMatchObject({ name: '华南代理', ownerId: t.admin.id });
    const report = await api.errorsCsv(imp.id);
    expect(report).toContain('custom.code,"The field rows are matched by is empty in this row');
    expect(report).toContain('“Ab-7” matches more than one record');
  });

  it('a custom object: an own-scope importer may not update another’s record its unique field matches', async () => {
    const clerk = await userWith('Dealer clerk', 'dealers', { read: 'own', create: 'own', update: 'own', import: 'own' });
    const clerkApi = importsClient(t, clerk);
    const imp = await clerkApi.uploaded(await tempFile('d.csv', ['名称,代理商编号', '改名,HD-001', '我的,MY-1'].join('\n')), 'dealers');
    await clerkApi.configure(imp.id, { dedup: { match: 'field', field: 'custom.code', action: 'update' } });
    await clerkApi.start(imp.id);
    await clerkApi.run(imp.id);
    expect((await clerkApi.get(imp.id)).progress).toMatchObject({ created: 1, updated: 0, failed: 1 });
    expect(await clerkApi.errorsCsv(imp.id)).toContain('You may not update the matching record');
    const all = await list<Dealer>(t.admin, 'dealers');
    expect(all.find((d) => d.custom.code === 'hd-001')).toMatchObject({ name: '华东代理商', version: 2 });
    expect(all.find((d) => d.custom.code === 'MY-1')).toMatchObject({ ownerId: clerk.id });
  });
});
