import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestUser } from '#test/app.ts';
import { databaseAvailable } from '#test/db.ts';
import { importsClient, tempFile } from './imports.test-kit.ts';

type Distributor = {
  id: string;
  name: string;
  ownerId: string | null;
  custom: Record<string, unknown>;
  lookups: Record<string, { id: string; name: string } | null>;
};
type Role = { id: string; name: string; permissions: Record<string, Record<string, string>>; version: number };

/** A custom object an admin made takes a CSV through the same upload -> map -> run -> rollback path as contacts. */
describe.skipIf(!databaseAvailable)('imports: custom objects', () => {
  let t: TestApp;
  let api: ReturnType<typeof importsClient>;
  let companyId: string;
  const call = async (user: TestUser, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object, headers?: Record<string, string>) =>
    t.request(user, { method, url, ...(payload ? { payload } : {}), ...(headers ? { headers } : {}) });
  const distributors = async (user: TestUser, query = ''): Promise<Distributor[]> => {
    const res = await call(user, 'GET', `/api/v1/distributors?limit=200${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().data;
  };

  beforeAll(async () => {
    t = await createTestApp();
    api = importsClient(t, t.admin);
    const created = await call(t.admin, 'POST', '/api/v1/custom-objects', { name: 'distributors', label: { zh: '经销商', en: 'Distributor' } });
    expect(created.statusCode, created.body).toBe(201);
    await t.defineCustomField(t.admin, { object: 'distributors', key: 'region', type: 'text', label: { zh: '区域', en: 'Region' } });
    await t.defineCustomField(t.admin, { object: 'distributors', key: 'level', type: 'number', label: { zh: '级别', en: 'Level' } });
    await t.defineCustomField(t.admin, { object: 'distributors', key: 'since', type: 'date', label: { zh: '签约日期', en: 'Signed on' } });
    await t.defineCustomField(t.admin, {
      object: 'distributors',
      key: 'grade',
      type: 'select',
      label: { zh: '等级', en: 'Grade' },
      options: [
        { value: 'gold', label: { zh: '金牌', en: 'Gold' } },
        { value: 'silver', label: { zh: '银牌', en: 'Silver' } },
      ],
    });
    await t.defineCustomField(t.admin, { object: 'distributors', key: 'company', type: 'lookup', target: 'company', label: { zh: '所属公司', en: 'Company' } });
    companyId = (await call(t.admin, 'POST', '/api/v1/companies', { name: '星辰贸易' })).json().id;
  });
  afterAll(() => t?.close());

  it('is listed as importable with its fields, and an unknown object is refused on object', async () => {
    const objects = (await call(t.admin, 'GET', '/api/v1/objects')).json().data as { name: string; actions: string[]; capabilities: string[] }[];
    expect(objects.find((o) => o.name === 'distributors')).toMatchObject({
      actions: expect.arrayContaining(['import']),
      capabilities: expect.arrayContaining(['import']),
    });
    const fields = (await call(t.admin, 'GET', '/api/v1/imports/fields')).json();
    expect(fields.distributors).toEqual(['name', 'owner']);
    expect(Object.keys(fields)).toEqual(expect.arrayContaining(['contact', 'company', 'lead', 'deal', 'activity']));
    const unknown = await api.upload(await tempFile('x.csv', 'name\nA'), 'nothing');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0]).toMatchObject({ field: 'object' });
  });

  it('imports a CSV: suggested mapping from its labels, typed values, lookups by name or id, refused rows with reasons, audit; rollback', async () => {
    const path = await tempFile(
      'distributors.csv',
      [
        '经销商名称,区域,级别,签约日期,等级,所属公司',
        '华东经销商,上海,2,2026/03/15,金牌,星辰贸易',
        `North Distributor,Beijing,1,2026-01-02,silver,${companyId}`,
        '坏行,广州,abc,2026-01-01,gold,',
        '无名公司的经销商,深圳,3,,,不存在的公司',
      ].join('\n'),
    );
    const imp = await api.uploaded(path, 'distributors');
    expect(imp.object).toBe('distributors');
    expect(imp.dedup.match).toBe('none');
    // The match rules come from the object's import spec: a custom object matches by name alone.
    expect([imp.matches, imp.matchesParent]).toEqual([['nameCompany'], false]);
    const contacts = await api.uploaded(await tempFile('c.csv', '姓名,邮箱\n甲,a@x.cn'), 'contact');
    expect([contacts.matches, contacts.matchesParent]).toEqual([['email', 'phone', 'nameCompany'], true]);
    expect(imp.mapping).toEqual([
      { column: 0, field: 'name' },
      { column: 1, field: 'custom.region' },
      { column: 2, field: 'custom.level' },
      { column: 3, field: 'custom.since' },
      { column: 4, field: 'custom.grade' },
      { column: 5, field: 'custom.company' },
    ]);
    const preview = (await call(t.admin, 'POST', `/api/v1/imports/${imp.id}/preview`)).json();
    expect(preview.counts).toEqual({ created: 2, updated: 0, skipped: 0, failed: 2 });
    expect(await distributors(t.admin)).toEqual([]);

    await api.start(imp.id);
    expect(await api.run(imp.id)).toBe('done');
    const done = await api.get(imp.id);
    expect(done.progress).toMatchObject({ created: 2, failed: 2, updated: 0, skipped: 0 });
    const rows = await distributors(t.admin, '&sort=name');
    expect(rows.map((r) => r.name)).toEqual(['North Distributor', '华东经销商']);
    const east = rows.find((r) => r.name === '华东经销商') as Distributor;
    expect(east.custom).toEqual({ region: '上海', level: 2, since: '2026-03-15', grade: 'gold', company: companyId });
    expect(east.lookups.company).toEqual({ id: companyId, name: '星辰贸易' });
    expect(east.ownerId).toBe(t.admin.id);
    expect(rows.find((r) => r.name === 'North Distributor')?.custom).toMatchObject({ grade: 'silver', level: 1, company: companyId });

    const report = await api.errorsCsv(imp.id);
    expect(report).toContain('custom.level,Not a valid number');
    expect(report).toContain('坏行');
    expect(report).toContain('No record found for “不存在的公司”');

    const audit = (await call(t.admin, 'GET', `/api/v1/audit-log?objectType=distributors&objectId=${east.id}`)).json().data as { action: string }[];
    expect(audit.map((e) => e.action)).toContain('created');

    await api.rollback(imp.id);
    await api.runRollback(imp.id);
    expect((await api.get(imp.id)).status).toBe('rolled_back');
    expect(await distributors(t.admin)).toEqual([]);
    expect((await distributors(t.admin, '&deleted=true')).map((r) => r.name).sort()).toEqual(['North Distributor', '华东经销商']);
  });

  it('follows the importer’s role: no import grant is a 403; an own scope creates records they own and may not update others’', async () => {
    const role = (await call(t.admin, 'POST', '/api/v1/roles', { name: 'Distributor clerk', permissions: {} })).json() as Role;
    const clerk = await t.createUser({ role: 'Distributor clerk' });
    const clerkApi = importsClient(t, clerk);
    const file = await tempFile('mine.csv', ['名称,区域', 'Admin 的经销商,华南', '我的经销商,华北'].join('\n'));
    expect((await clerkApi.upload(file, 'distributors')).statusCode).toBe(403);

    const scopes = { read: 'own', create: 'own', update: 'own', import: 'own' };
    const granted = await call(t.admin, 'PATCH', `/api/v1/roles/${role.id}`, { permissions: { distributors: scopes } }, { 'if-match': `"${role.version}"` });
    expect(granted.statusCode, granted.body).toBe(200);
    const other = (await call(t.admin, 'POST', '/api/v1/distributors', { name: 'Admin 的经销商', custom: { region: '华东' } })).json();

    const imp = await clerkApi.uploaded(file, 'distributors');
    await clerkApi.configure(imp.id, { dedup: { match: 'nameCompany', action: 'update' } });
    await clerkApi.start(imp.id);
    await clerkApi.run(imp.id);
    expect((await clerkApi.get(imp.id)).progress).toMatchObject({ created: 1, updated: 0, failed: 1 });
    expect(await clerkApi.errorsCsv(imp.id)).toContain('row,You may not update the matching record,Admin 的经销商');
    const mine = await distributors(clerk);
    expect(mine.map((r) => [r.name, r.ownerId, r.custom.region])).toEqual([['我的经销商', clerk.id, '华北']]);
    // The admin's record was left as it was.
    expect((await call(t.admin, 'GET', `/api/v1/distributors/${other.id}`)).json()).toMatchObject({ version: 1, custom: { region: '华东' } });
  });
});
