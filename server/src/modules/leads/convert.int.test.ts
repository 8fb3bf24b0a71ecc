import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { databaseAvailable } from '../../../test/db.ts';

describe.skipIf(!databaseAvailable)('lead duplicate rules, 撞单 and conversion', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  const post = (payload: object) => t.request(t.admin, { method: 'POST', url: '/api/v1/leads', payload });
  const count = async (table: 'leads' | 'contacts' | 'companies' | 'deals') =>
    Number(
      (
        await t.db.kysely
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('warns on a duplicate email (409 with the match), creates with allowDuplicate, merges and blocks per rule', async () => {
    const first = await post({ name: 'Tom Lee', companyName: 'Acme Ltd', emails: [{ address: 'tom@acme.io' }] });
    expect(first.statusCode).toBe(201);
    const warned = await post({ name: 'Thomas Lee', emails: [{ address: 'TOM@acme.io' }] });
    expect(warned.statusCode).toBe(409);
    expect(warned.json()).toMatchObject({ action: 'warn', duplicates: [{ id: first.json().id, rule: 'email', owner: { id: t.admin.id } }] });
    expect(warned.json().detail).toContain('allowDuplicate');
    const anyway = await post({ name: 'Thomas Lee', emails: [{ address: 'tom@acme.io' }], allowDuplicate: true });
    expect(anyway.statusCode).toBe(201);
    expect(anyway.json().duplicateOf).toBe(first.json().id);

    const settings = await t.request(t.admin, {
      method: 'PATCH',
      url: '/api/v1/lead-settings',
      payload: {
        dedupRules: [
          { kind: 'phone', action: 'block', enabled: true },
          { kind: 'fuzzy_name', action: 'merge', enabled: true, threshold: 0.4 },
        ],
      },
    });
    expect(settings.statusCode, settings.body).toBe(200);
    const phoned = await post({ name: '赵敏', phones: [{ number: '13800138000' }] });
    expect(phoned.statusCode).toBe(201);
    const before = await count('leads');
    const blocked = await post({ name: '赵敏敏', phones: [{ number: '+86 138 0013 8000' }], allowDuplicate: true });
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json().action).toBe('block');
    expect(await count('leads')).toBe(before);

    const merged = await post({ name: 'Tom Leee', companyName: 'ACME LTD', title: 'CTO', emails: [{ address: 'tom.lee@acme.io' }] });
    expect(merged.statusCode, merged.body).toBe(200);
    expect(merged.json()).toMatchObject({ merged: true, title: 'CTO', emails: [{ address: 'tom@acme.io' }, { address: 'tom.lee@acme.io' }] });
    expect(await count('leads')).toBe(before);
    const captures = await t.request(t.admin, { method: 'GET', url: `/api/v1/leads/${merged.json().id}/captures` });
    expect(captures.json().data.map((c: { outcome: string }) => c.outcome)).toEqual(['merged', 'created']);

    const repeated = await t.request(t.admin, {
      method: 'PATCH',
      url: '/api/v1/lead-settings',
      payload: {
        dedupRules: [
          { kind: 'email', action: 'warn', enabled: true },
          { kind: 'email', action: 'block', enabled: true },
        ],
      },
    });
    expect(repeated.statusCode).toBe(400);
  });

  it('shows who owns a matching contact or company (撞单)', async () => {
    const rep = await t.createUser({ name: '销售小刘', role: 'Sales Rep' });
    const company = await t.request(rep, { method: 'POST', url: '/api/v1/companies', payload: { name: '深圳明远电子' } });
    await t.request(rep, {
      method: 'POST',
      url: '/api/v1/contacts',
      payload: { name: '陈晨', companyId: company.json().id, emails: [{ address: 'chen@mingyuan.cn' }] },
    });
    const lead = await post({ name: '陈晨', companyName: '深圳明远电子', emails: [{ address: 'chen@mingyuan.cn' }] });
    expect(lead.statusCode).toBe(201);
    expect(lead.json().customerMatches).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ object: 'contact', name: '陈晨', matchedOn: 'email', owner: { id: rep.id, name: '销售小刘' } }),
        expect.objectContaining({ object: 'company', name: '深圳明远电子', matchedOn: 'company_name', owner: { id: rep.id, name: '销售小刘' } }),
      ]),
    );
  });

  it('converts into company, contact and deal through the mapping; twice is a 409; unqualified needs a reason', async () => {
    await t.defineCustomField(t.admin, { object: 'lead', key: 'budget', label: { zh: '预算', en: 'Budget' }, type: 'text' });
    await t.defineCustomField(t.admin, { object: 'contact', key: 'lead_budget', label: { zh: '线索预算', en: 'Lead budget' }, type: 'text' });
    const mapping = await t.request(t.admin, { method: 'GET', url: '/api/v1/lead-settings' });
    const saved = await t.request(t.admin, {
      method: 'PATCH',
      url: '/api/v1/lead-settings',
      payload: { conversionMapping: [...mapping.json().conversionMapping, { from: 'custom.budget', target: 'contact', to: 'custom.lead_budget' }] },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const badMap = await t.request(t.admin, {
      method: 'PATCH',
      url: '/api/v1/lead-settings',
      payload: { conversionMapping: [{ from: 'nope', target: 'contact', to: 'title' }] },
    });
    expect(badMap.statusCode).toBe(400);

    const lead = (
      await post({
        name: '周杰',
        companyName: '成都蓝海物流',
        title: '运营总监',
        industry: '物流',
        city: '成都',
        phones: [{ number: '028 8888 6666' }],
        emails: [{ address: 'zhou@lanhai.cn' }],
        custom: { budget: '50万' },
      })
    ).json();
    const unq = await t.request(t.admin, { method: 'PATCH', url: `/api/v1/leads/${lead.id}`, payload: { status: 'qualified' } });
    expect(unq.statusCode).toBe(200);

    const before = { contacts: await count('contacts'), companies: await count('companies'), deals: await count('deals') };
    const res = await t.request(t.admin, {
      method: 'POST',
      url: `/api/v1/leads/${lead.id}/convert`,
      payload: { contact: { mode: 'create' }, company: { mode: 'create' }, deal: { name: '蓝海物流 CRM 项目', amount: '120000.50' } },
    });
    expect(res.statusCode, res.body).toBe(200);
    const out = res.json();
    expect(out).toMatchObject({
      contact: { name: '周杰', created: true },
      company: { name: '成都蓝海物流', created: true },
      deal: { name: '蓝海物流 CRM 项目' },
    });
    const contact = (await t.request(t.admin, { method: 'GET', url: `/api/v1/contacts/${out.contact.id}` })).json();
    expect(contact).toMatchObject({
      title: '运营总监',
      companyId: out.company.id,
      emails: [{ address: 'zhou@lanhai.cn' }],
      phones: [{ e164: '+862888886666' }],
      address: { city: '成都' },
      custom: { lead_budget: '50万' },
    });
    const company = (await t.request(t.admin, { method: 'GET', url: `/api/v1/companies/${out.company.id}` })).json();
    expect(company).toMatchObject({ industry: '物流' });
    const deal = await t.db.kysely.selectFrom('deals').select(['lead_id', 'amount', 'contact_id']).where('id', '=', out.deal.id).executeTakeFirstOrThrow();
    expect(deal).toMatchObject({ lead_id: lead.id, contact_id: out.contact.id });
    expect(String(deal.amount)).toBe('120000.50');
    const converted = (await t.request(t.admin, { method: 'GET', url: `/api/v1/leads/${lead.id}` })).json();
    expect(converted).toMatchObject({
      status: 'converted',
      convertedContactId: out.contact.id,
      convertedCompanyId: out.company.id,
      convertedDealId: out.deal.id,
    });
    const event = await t.db.kysely
      .selectFrom('outbox')
      .select('payload')
      .where('type', '=', 'lead.converted')
      .where('object_id', '=', lead.id)
      .executeTakeFirstOrThrow();
    expect(event.payload).toMatchObject({ dealId: out.deal.id });

    const after = { contacts: await count('contacts'), companies: await count('companies'), deals: await count('deals') };
    const twice = await t.request(t.admin, {
      method: 'POST',
      url: `/api/v1/leads/${lead.id}/convert`,
      headers: { 'accept-language': 'zh-CN' },
      payload: { contact: { mode: 'create' }, company: { mode: 'create' }, deal: { name: 'again' } },
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().detail).toMatch(/^该线索已于 \d{4}-\d{2}-\d{2} 转化，不能重复转化$/);
    expect({ contacts: await count('contacts'), companies: await count('companies'), deals: await count('deals') }).toEqual(after);
    expect(after).toEqual({ contacts: before.contacts + 1, companies: before.companies + 1, deals: before.deals + 1 });
    const edit = await t.request(t.admin, { method: 'PATCH', url: `/api/v1/leads/${lead.id}`, payload: { name: 'x' } });
    expect(edit.statusCode).toBe(400);
  });

  it('links an existing company and contact; refuses a hidden or unknown one without writing', async () => {
    const company = (await t.request(t.admin, { method: 'POST', url: '/api/v1/companies', payload: { name: '已存在公司' } })).json();
    const lead = (await post({ name: '孙丽', companyName: '已存在公司', emails: [{ address: 'sun@exists.cn' }], allowDuplicate: true })).json();
    const bad = await t.request(t.admin, {
      method: 'POST',
      url: `/api/v1/leads/${lead.id}/convert`,
      payload: { contact: { mode: 'create' }, company: { mode: 'link', id: '0190a0a0-0000-7000-8000-00000000abcd' } },
    });
    expect(bad.statusCode).toBe(400);
    expect((await t.request(t.admin, { method: 'GET', url: `/api/v1/leads/${lead.id}` })).json().status).toBe('new');
    const ok = await t.request(t.admin, {
      method: 'POST',
      url: `/api/v1/leads/${lead.id}/convert`,
      payload: { contact: { mode: 'create' }, company: { mode: 'link', id: company.id } },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ company: { id: company.id, created: false }, deal: null });
  });
});
