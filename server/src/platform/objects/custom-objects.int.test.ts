import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestUser } from '../../../test/app.ts';
import { databaseAvailable } from '../../../test/db.ts';
import { inTenant } from '#db/tx.ts';

describe.skipIf(!databaseAvailable)('custom objects', () => {
  let t: TestApp;
  let companyId: string;
  const call = (user: TestUser, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown, headers?: Record<string, string>) =>
    t.request(user, { method, url, ...(payload === undefined ? {} : { payload: payload as object }), ...(headers ? { headers } : {}) });

  beforeAll(async () => {
    t = await createTestApp();
    const created = await call(t.admin, 'POST', '/api/v1/custom-objects', { name: 'distributors', label: { zh: '经销商', en: 'Distributor' } });
    expect(created.statusCode, created.body).toBe(201);
    await t.defineCustomField(t.admin, { object: 'distributors', key: 'region', type: 'text', label: { zh: '区域', en: 'Region' } });
    await t.defineCustomField(t.admin, { object: 'distributors', key: 'level', type: 'number', label: { zh: '级别', en: 'Level' } });
    await t.defineCustomField(t.admin, {
      object: 'distributors',
      key: 'company',
      type: 'lookup',
      target: 'company',
      label: { zh: '所属公司', en: 'Company' },
    });
    companyId = (await call(t.admin, 'POST', '/api/v1/companies', { name: '星辰贸易' })).json().id;
  });
  afterAll(() => t?.close());

  it('lists every object in the registry, standard and custom, with what roles can grant', async () => {
    const res = await call(t.admin, 'GET', '/api/v1/objects');
    expect(res.statusCode).toBe(200);
    const objects = res.json().data as { name: string; path: string | null; custom: boolean; actions: string[]; sensitiveFields: string[] }[];
    expect(objects.map((o) => o.name)).toEqual(expect.arrayContaining(['company', 'contact', 'activity', 'lead', 'deal', 'pool', 'distributors']));
    expect(objects.find((o) => o.name === 'distributors')).toMatchObject({ path: 'distributors', custom: true, label: { zh: '经销商', en: 'Distributor' } });
    expect(objects.find((o) => o.name === 'contact')?.sensitiveFields).toEqual(['phones', 'idNumber']);
    expect(objects.find((o) => o.name === 'pool')).toMatchObject({ path: null, record: false });
  });

  it('refuses reserved, taken and malformed names, and non-admins', async () => {
    const rep = await t.createUser({ role: 'Sales Rep' });
    expect((await call(rep, 'POST', '/api/v1/custom-objects', { name: 'vendors', label: { zh: '供应商', en: 'Vendor' } })).statusCode).toBe(403);
    for (const name of ['contacts', 'products', 'custom-objects', 'company']) {
      const res = await call(t.admin, 'POST', '/api/v1/custom-objects', { name, label: { zh: '甲', en: 'A' } });
      expect(res.statusCode, name).toBe(400);
      expect(res.json().errors).toEqual([{ field: 'name', message: 'This name is taken by the system; choose another' }]);
    }
    const taken = await call(t.admin, 'POST', '/api/v1/custom-objects', { name: 'distributors', label: { zh: '甲', en: 'A' } });
    expect(taken.json().errors[0].field).toBe('name');
    expect((await call(t.admin, 'POST', '/api/v1/custom-objects', { name: 'Bad Name', label: { zh: '甲', en: 'A' } })).statusCode).toBe(400);
  });

  it('serves create, get, list, filter, sort, search, patch with If-Match, delete and restore, with audit', async () => {
    const a = await call(t.admin, 'POST', '/api/v1/distributors', { name: '华东经销商', custom: { region: '上海', level: 2, company: companyId } });
    expect(a.statusCode, a.body).toBe(201);
    expect(a.json()).toMatchObject({
      name: '华东经销商',
      custom: { region: '上海', level: 2 },
      lookups: { company: { id: companyId, name: '星辰贸易' } },
      version: 1,
    });
    expect(a.headers.location).toBe(`/api/v1/distributors/${a.json().id}`);
    await call(t.admin, 'POST', '/api/v1/distributors', { name: 'North Distributor', custom: { region: 'Beijing', level: 1 } });

    const got = await call(t.admin, 'GET', `/api/v1/distributors/${a.json().id}`);
    expect(got.statusCode, got.body).toBe(200);
    expect(got.json().lookups.company.name).toBe('星辰贸易');
    expect(got.headers.etag).toBe('"1"');

    const byLevel = await call(t.admin, 'GET', `/api/v1/distributors?sort=custom.level&filter=${encodeURIComponent('{"custom.level":{"gte":1}}')}`);
    expect(byLevel.json().data.map((r: { name: string }) => r.name)).toEqual(['North Distributor', '华东经销商']);
    const related = await call(t.admin, 'GET', `/api/v1/distributors?filter=${encodeURIComponent(JSON.stringify({ 'custom.company': { eq: companyId } }))}`);
    expect(related.json().data.map((r: { name: string }) => r.name)).toEqual(['华东经销商']);
    expect((await call(t.admin, 'GET', `/api/v1/distributors?q=${encodeURIComponent('华东')}`)).json().data).toHaveLength(1);
    expect((await call(t.admin, 'GET', '/api/v1/distributors?q=beijing')).json().data[0].name).toBe('North Distributor');
    expect((await call(t.admin, 'GET', '/api/v1/distributors/count')).json()).toEqual({ count: 2 });

    const id = a.json().id as string;
    expect((await call(t.admin, 'PATCH', `/api/v1/distributors/${id}`, { custom: { level: 3 } }, { 'if-match': '"7"' })).statusCode).toBe(412);
    const patched = await call(t.admin, 'PATCH', `/api/v1/distributors/${id}`, { custom: { level: 3 } }, { 'if-match': '"1"' });
    expect(patched.json()).toMatchObject({ custom: { region: '上海', level: 3 }, version: 2 });

    expect((await call(t.admin, 'DELETE', `/api/v1/distributors/${id}`)).statusCode).toBe(204);
    expect((await call(t.admin, 'GET', `/api/v1/distributors/${id}`)).statusCode).toBe(404);
    expect((await call(t.admin, 'GET', '/api/v1/distributors?deleted=true')).json().data).toHaveLength(1);
    expect((await call(t.admin, 'POST', `/api/v1/distributors/${id}/restore`, {})).json().deletedAt).toBeNull();

    const audit = await call(t.admin, 'GET', `/api/v1/audit-log?objectType=distributors&objectId=${id}`);
    expect(audit.statusCode, audit.body).toBe(200);
    expect(audit.json().data.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['created', 'updated', 'deleted', 'restored']));

    const csv = await call(t.admin, 'GET', '/api/v1/distributors/export');
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain('custom.region');
    expect(csv.body).toContain('华东经销商');
  });

  it("writes the tenant's custom objects into its OpenAPI document, fields typed; another tenant's document has none", async () => {
    const doc = (await call(t.admin, 'GET', '/api/v1/objects/openapi.json')).json();
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/distributors', '/api/v1/distributors/{id}', '/api/v1/distributors/count']));
    const create = doc.paths['/api/v1/distributors'].post;
    expect(create.tags).toEqual(['Distributor / 经销商']);
    const custom = create.requestBody.content['application/json'].schema.properties.custom;
    expect(custom.properties).toMatchObject({ level: { type: 'number' }, region: { type: 'string' }, company: { type: 'string', format: 'uuid' } });
    expect(doc.paths['/api/v1/distributors/{id}'].get.parameters.map((p: { name: string }) => p.name)).toEqual(['id']);
    const other = await t.createTenant('initech');
    const theirs = (await call(other, 'GET', '/api/v1/objects/openapi.json')).json();
    expect(Object.keys(theirs.paths).filter((p) => p.includes('distributors'))).toEqual([]);
  });

  it('validates fields: required name, unknown fields, bad values, lookups to missing records', async () => {
    const bad = await call(t.admin, 'POST', '/api/v1/distributors', {
      name: '甲',
      custom: { level: 'high', nope: 1, company: '0190a000-0000-7000-8000-000000000000' },
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['custom.company', 'custom.level', 'custom.nope']);
    expect((await call(t.admin, 'POST', '/api/v1/distributors', { custom: {} })).statusCode).toBe(400);
    const lookupWithoutTarget = await call(t.admin, 'POST', '/api/v1/custom-fields', { object: 'distributors', key: 'x', type: 'lookup', label: { en: 'X' } });
    expect(lookupWithoutTarget.json().errors).toEqual([{ field: 'target', message: 'Required' }]);
    const unknownObject = await call(t.admin, 'POST', '/api/v1/custom-fields', { object: 'nothing', key: 'x', type: 'text', label: { en: 'X' } });
    expect(unknownObject.json().errors[0].field).toBe('object');
  });

  it('scopes records by owner for roles granted own, team or all; others get 403', async () => {
    const rep = await t.createUser({ role: 'Sales Rep' });
    expect((await call(rep, 'GET', '/api/v1/distributors')).statusCode).toBe(403);
    const roles = (await call(t.admin, 'GET', '/api/v1/roles')).json().data as {
      id: string;
      name: string;
      permissions: Record<string, unknown>;
      version: number;
    }[];
    const repRole = roles.find((r) => r.name === 'Sales Rep') as (typeof roles)[number];
    const granted = await call(
      t.admin,
      'PATCH',
      `/api/v1/roles/${repRole.id}`,
      { permissions: { ...repRole.permissions, distributors: { read: 'own', create: 'own', update: 'own' } } },
      { 'if-match': `"${repRole.version}"` },
    );
    expect(granted.statusCode, granted.body).toBe(200);
    const mine = await call(rep, 'POST', '/api/v1/distributors', { name: '我的经销商' });
    expect(mine.statusCode, mine.body).toBe(201);
    const repList = await call(rep, 'GET', '/api/v1/distributors');
    expect(repList.statusCode, repList.body).toBe(200);
    const seen = repList.json().data.map((r: { name: string }) => r.name);
    expect(seen).toEqual(['我的经销商']);
    const others = (await call(t.admin, 'GET', '/api/v1/distributors?limit=100')).json().data as { id: string; ownerId: string }[];
    const notMine = others.find((r) => r.ownerId !== rep.id) as { id: string };
    expect((await call(rep, 'GET', `/api/v1/distributors/${notMine.id}`)).statusCode).toBe(404);
    expect((await call(rep, 'DELETE', `/api/v1/distributors/${mine.json().id}`)).statusCode).toBe(403);
  });

  it('keeps tenants apart: another tenant has no such object, and a raw query under its RLS sees no rows', async () => {
    const other = await t.createTenant('globex');
    expect((await call(other, 'GET', '/api/v1/distributors')).statusCode).toBe(404);
    const table = (await t.db.kysely.selectFrom('custom_objects').select('table_name').where('name', '=', 'distributors').executeTakeFirstOrThrow()).table_name;
    const seen = await inTenant(
      t.db.kysely,
      other.tenantId,
      async (tx) => (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(tx)).rows[0]?.n,
    );
    expect(seen).toBe(0);
    const mine = await inTenant(
      t.db.kysely,
      t.admin.tenantId,
      async (tx) => (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(tx)).rows[0]?.n,
    );
    expect(mine).toBeGreaterThan(0);
  });

  it('filters on a field through its index', async () => {
    const table = (await t.db.kysely.selectFrom('custom_objects').select('table_name').where('name', '=', 'distributors').executeTakeFirstOrThrow()).table_name;
    const indexes = await sql<{ indexname: string }>`select indexname from pg_indexes where tablename = ${table}`.execute(t.db.kysely);
    expect(indexes.rows.map((r) => r.indexname)).toEqual(
      expect.arrayContaining([`${table}_f_level`, `${table}_d_level`, `${table}_f_region`, `${table}_f_company`]),
    );
  });

  it('retires an object only when it has no live records', async () => {
    const list = (await call(t.admin, 'GET', '/api/v1/custom-objects')).json().data as { id: string; name: string }[];
    const distributors = list.find((o) => o.name === 'distributors') as { id: string };
    const refused = await call(t.admin, 'DELETE', `/api/v1/custom-objects/${distributors.id}`);
    expect(refused.statusCode).toBe(409);
    const empty = await call(t.admin, 'POST', '/api/v1/custom-objects', { name: 'vendors', label: { zh: '供应商', en: 'Vendor' } });
    expect((await call(t.admin, 'DELETE', `/api/v1/custom-objects/${empty.json().id}`)).statusCode).toBe(204);
    expect((await call(t.admin, 'GET', '/api/v1/vendors')).statusCode).toBe(404);
  });
});
