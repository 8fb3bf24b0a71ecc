import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestUser } from '../../../test/app.ts';
import { databaseAvailable } from '../../../test/db.ts';

describe.skipIf(!databaseAvailable)('object layouts', () => {
  let t: TestApp;
  const get = (user: TestUser, object: string, headers?: Record<string, string>) =>
    t.request(user, { method: 'GET', url: `/api/v1/layouts/${object}`, ...(headers ? { headers } : {}) });
  const put = (user: TestUser, object: string, payload: unknown, ifMatch?: string, headers: Record<string, string> = {}) =>
    t.request(user, {
      method: 'PUT',
      url: `/api/v1/layouts/${object}`,
      payload: payload as object,
      headers: { ...headers, ...(ifMatch === undefined ? {} : { 'if-match': ifMatch }) },
    });
  const section = (id: string, zh: string, en: string, fields: string[], collapsed?: boolean) => ({
    id,
    label: { zh, en },
    fields,
    ...(collapsed === undefined ? {} : { collapsed }),
  });
  const contactLayout = {
    listColumns: ['name', 'title', 'phones', 'custom.wechat'],
    sections: [
      section('basic', '基本信息', 'Basics', ['name', 'title']),
      section('reach', '联系方式', 'Contact details', ['phones', 'emails', 'custom.wechat'], true),
    ],
  };

  beforeAll(async () => {
    t = await createTestApp();
    await t.defineCustomField(t.admin, { object: 'contact', key: 'wechat', type: 'text', label: { zh: '微信', en: 'WeChat' } });
  });
  afterAll(() => t?.close());

  it('answers the defaults before anything is saved', async () => {
    const res = await get(t.admin, 'contact');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ object: 'contact', listColumns: null, sections: null, version: 0 });
    expect(res.headers.etag).toBe('"0"');
  });

  it('saves a layout with If-Match, which every reader of the object then gets, and audits it', async () => {
    const saved = await put(t.admin, 'contact', contactLayout, '"0"');
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toEqual({ object: 'contact', ...contactLayout, version: 1 });
    expect(saved.headers.etag).toBe('"1"');

    const rep = await t.createUser({ role: 'Sales Rep' });
    const read = await get(rep, 'contact');
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json()).toEqual({ object: 'contact', ...contactLayout, version: 1 });

    const again = await put(t.admin, 'contact', { ...contactLayout, listColumns: ['name', 'companyId'] }, '"1"');
    expect(again.json()).toMatchObject({ listColumns: ['name', 'companyId'], version: 2 });

    const audit = await t.request(t.admin, { method: 'GET', url: '/api/v1/audit-log?objectType=layout' });
    expect(audit.statusCode, audit.body).toBe(200);
    const entries = audit.json().data as { action: string; changes: Record<string, { from: unknown; to: unknown }> }[];
    expect(entries.map((e) => e.action).sort()).toEqual(['created', 'updated']);
    expect(entries.find((e) => e.action === 'updated')?.changes.listColumns).toEqual({ from: contactLayout.listColumns, to: ['name', 'companyId'] });
  });

  it('returns to the defaults when columns and sections are null', async () => {
    const current = (await get(t.admin, 'company')).json().version as number;
    await put(t.admin, 'company', { listColumns: ['name', 'industry'], sections: null }, `"${current}"`);
    const reset = await put(t.admin, 'company', { listColumns: null, sections: null }, `"${current + 1}"`);
    expect(reset.json()).toEqual({ object: 'company', listColumns: null, sections: null, version: current + 2 });
  });

  it('refuses a stale If-Match with 412 and changes nothing', async () => {
    const before = (await get(t.admin, 'contact')).json();
    const stale = await put(t.admin, 'contact', { listColumns: ['name'], sections: null }, '"1"');
    expect(stale.statusCode).toBe(412);
    expect(stale.headers['content-type']).toContain('application/problem+json');
    expect((await get(t.admin, 'contact')).json()).toEqual(before);
    // The first save races like any other: If-Match "0" once a layout exists is stale too.
    expect((await put(t.admin, 'contact', { listColumns: ['name'], sections: null }, '"0"')).statusCode).toBe(412);
  });

  it('lets only admins save (403), and only readers of the object read it', async () => {
    const rep = await t.createUser({ role: 'Sales Rep' });
    const refused = await put(rep, 'contact', { listColumns: ['name'], sections: null });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ status: 403, title: expect.any(String) });
    const role = await t.request(t.admin, { method: 'POST', url: '/api/v1/roles', payload: { name: 'Leads only', permissions: { lead: { read: 'own' } } } });
    expect(role.statusCode, role.body).toBe(201);
    const outsider = await t.createUser({ role: 'Leads only' });
    expect((await get(outsider, 'lead')).statusCode).toBe(200);
    expect((await get(outsider, 'contact')).statusCode).toBe(403);
  });

  it('refuses unknown fields, fields placed twice and repeated sections (400, translated), and unknown objects (404)', async () => {
    const bad = await put(t.admin, 'contact', {
      listColumns: ['name', 'nope', 'name'],
      sections: [section('a', '甲', 'A', ['title', 'custom.missing']), section('a', '乙', 'B', ['title'])],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([
      { field: 'listColumns.1', message: 'There is no field nope on this object' },
      { field: 'listColumns.2', message: 'name is placed more than once' },
      { field: 'sections.0.fields.1', message: 'There is no field custom.missing on this object' },
      { field: 'sections.1.id', message: 'Another section has the id a' },
      { field: 'sections.1.fields.0', message: 'title is placed more than once' },
    ]);
    const zh = await put(t.admin, 'contact', { listColumns: ['nope'], sections: null }, undefined, { 'accept-language': 'zh-CN' });
    expect(zh.json().errors).toEqual([{ field: 'listColumns.0', message: '该对象没有字段 nope' }]);
    const noLabel = await put(t.admin, 'contact', { listColumns: null, sections: [{ id: 'x', label: { zh: '', en: 'X' }, fields: [] }] });
    expect(noLabel.statusCode).toBe(400);
    expect(noLabel.json().errors[0].field).toBe('sections.0.label.zh');
    expect((await put(t.admin, 'contact', { listColumns: [], sections: null })).statusCode).toBe(400);

    for (const object of ['nothing', 'pool']) {
      expect((await get(t.admin, object)).statusCode, object).toBe(404);
      expect((await put(t.admin, object, { listColumns: ['name'], sections: null })).statusCode, object).toBe(404);
    }
  });

  it('accepts the fields a lead or deal page shows, where the registry lists no list columns', async () => {
    const lead = await put(t.admin, 'lead', {
      listColumns: ['name', 'companyName', 'phones', 'status'],
      sections: [section('who', '联系人', 'Person', ['name', 'title', 'phones', 'emails']), section('src', '来源', 'Source', ['source', 'utmSource'])],
    });
    expect(lead.statusCode, lead.body).toBe(200);
    const deal = await put(t.admin, 'deal', { listColumns: ['name', 'amount', 'stageId', 'expectedCloseDate'], sections: null });
    expect(deal.statusCode, deal.body).toBe(200);
  });

  it('lays out a custom object with its own fields, kept apart from other tenants', async () => {
    const created = await t.request(t.admin, {
      method: 'POST',
      url: '/api/v1/custom-objects',
      payload: { name: 'distributors', label: { zh: '经销商', en: 'Distributor' } },
    });
    expect(created.statusCode, created.body).toBe(201);
    await t.defineCustomField(t.admin, { object: 'distributors', key: 'region', type: 'text', label: { zh: '区域', en: 'Region' } });
    const layout = {
      listColumns: ['name', 'custom.region', 'ownerId'],
      sections: [section('main', '概况', 'Overview', ['name', 'custom.region'])],
    };
    const saved = await put(t.admin, 'distributors', layout, '"0"');
    expect(saved.statusCode, saved.body).toBe(200);
    expect((await get(t.admin, 'distributors')).json()).toEqual({ object: 'distributors', ...layout, version: 1 });
    // A field of another object is not one of its fields.
    expect((await put(t.admin, 'distributors', { listColumns: ['name', 'custom.wechat'], sections: null })).statusCode).toBe(400);

    const other = await t.createTenant('globex');
    expect((await get(other, 'distributors')).statusCode).toBe(404);
    expect((await get(other, 'contact')).json()).toEqual({ object: 'contact', listColumns: null, sections: null, version: 0 });
  });
});
