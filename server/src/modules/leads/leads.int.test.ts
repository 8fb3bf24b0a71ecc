import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { databaseAvailable } from '../../../test/db.ts';

describe.skipIf(!databaseAvailable)('leads API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  const events = (type: string) => t.db.kysely.selectFrom('outbox').select(['object_id', 'payload']).where('type', '=', type).execute();

  it('creates a lead with E.164 phones, lists, patches status, and emits lead events', async () => {
    const res = await t.request(t.admin, {
      method: 'POST',
      url: '/api/v1/leads',
      payload: {
        name: '李娜',
        companyName: '上海云帆信息技术有限公司',
        title: '采购经理',
        phones: [{ number: '139 1111 2222' }],
        emails: [{ address: 'Li.Na@Yunfan.cn' }],
        industry: '软件',
        province: '上海',
        city: '上海',
        companySize: '50-199',
        source: 'website',
        utmSource: 'baidu',
        utmCampaign: 'spring',
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const lead = res.json();
    expect(lead).toMatchObject({
      status: 'new',
      phones: [{ e164: '+8613911112222' }],
      emails: [{ address: 'li.na@yunfan.cn' }],
      owner: { id: t.admin.id },
      duplicates: [],
      customerMatches: [],
      merged: false,
    });
    const list = await t.request(t.admin, { method: 'GET', url: `/api/v1/leads?q=${encodeURIComponent('云帆')}` });
    expect(list.json().data.map((l: { id: string }) => l.id)).toEqual([lead.id]);

    const noReason = await t.request(t.admin, { method: 'PATCH', url: `/api/v1/leads/${lead.id}`, payload: { status: 'unqualified' } });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors).toEqual([{ field: 'unqualifiedReason', message: 'Give a reason when a lead is unqualified' }]);
    const contacted = await t.request(t.admin, { method: 'PATCH', url: `/api/v1/leads/${lead.id}`, payload: { status: 'contacted' } });
    expect(contacted.statusCode, contacted.body).toBe(200);
    expect(contacted.json().version).toBe(2);

    expect((await events('lead.created')).map((e) => e.object_id)).toContain(lead.id);
    expect((await events('lead.captured')).find((e) => e.object_id === lead.id)?.payload).toMatchObject({ channel: 'manual', formId: null });
    expect((await events('lead.status_changed')).find((e) => e.object_id === lead.id)?.payload).toMatchObject({ from: 'new', to: 'contacted' });
  });

  it('rejects an invalid email or phone with a 400 and writes nothing', async () => {
    const before = await t.db.kysely
      .selectFrom('leads')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const badEmail = await t.request(t.admin, { method: 'POST', url: '/api/v1/leads', payload: { name: 'X', emails: [{ address: 'nope' }] } });
    expect(badEmail.statusCode).toBe(400);
    expect(badEmail.headers['content-type']).toContain('application/problem+json');
    const badPhone = await t.request(t.admin, { method: 'POST', url: '/api/v1/leads', payload: { name: 'X', phones: [{ number: '12345' }] } });
    expect(badPhone.statusCode).toBe(400);
    expect(badPhone.json().errors).toEqual([{ field: 'phones.0.number', message: 'Not a valid phone number' }]);
    const after = await t.db.kysely
      .selectFrom('leads')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('links activities to a lead and keeps its last activity time', async () => {
    const lead = (
      await t.request(t.admin, { method: 'POST', url: '/api/v1/leads', payload: { name: 'Activity Lead', emails: [{ address: 'act@lead.io' }] } })
    ).json();
    const call = await t.request(t.admin, {
      method: 'POST',
      url: '/api/v1/activities',
      payload: { type: 'call', subject: '首次电话沟通', leadId: lead.id, occurredAt: '2026-11-20T08:00:00.000Z' },
    });
    expect(call.statusCode, call.body).toBe(201);
    expect(call.json()).toMatchObject({ leadId: lead.id, lead: { id: lead.id, name: 'Activity Lead' } });
    const list = await t.request(t.admin, {
      method: 'GET',
      url: `/api/v1/activities?filter=${encodeURIComponent(JSON.stringify({ leadId: { eq: lead.id } }))}`,
    });
    expect(list.json().data).toHaveLength(1);
    expect((await t.request(t.admin, { method: 'GET', url: `/api/v1/leads/${lead.id}` })).json().lastActivityAt).toBe('2026-11-20T08:00:00.000Z');
    const unknown = await t.request(t.admin, {
      method: 'POST',
      url: '/api/v1/activities',
      payload: { type: 'note', subject: 'x', leadId: '0190a0a0-0000-7000-8000-00000000beef' },
    });
    expect(unknown.statusCode).toBe(400);
  });
});
