import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningJobs } from '#platform/jobs/start-jobs.ts';
import { createTestApp, type TestApp, type TestUser } from '#test/app.ts';
import { databaseAvailable } from '#test/db.ts';
import { FAST, startJobs, waitFor } from '#test/jobs-kit.ts';
import { startTestSmtp, type TestSmtp } from '#test/smtp-kit.ts';

/** "Send e-mail" from a record page: lead, deal and custom-object records, in the recipient's language. */
describe.skipIf(!databaseAvailable)('e-mail from a record', () => {
  let t: TestApp;
  let rep: TestUser;
  let smtp: TestSmtp;
  let jobs: RunningJobs;
  let teamId = '';
  const ids = { anyTemplate: '', dealTemplate: '', tenderTemplate: '', lead: '', deal: '', tender: '' };

  const template = async (body: Record<string, unknown>) => {
    const res = await t.request(t.admin, { method: 'POST', url: '/api/v1/mail/templates', payload: body });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  const messageCount = async () => (await sql<{ n: number }>`select count(*)::int as n from mail_messages`.execute(t.db.kysely)).rows[0]?.n;

  beforeAll(async () => {
    t = await createTestApp();
    smtp = await startTestSmtp();
    teamId = (await t.request(t.admin, { method: 'POST', url: '/api/v1/teams', payload: { name: '华东销售' } })).json().id;
    rep = await t.createUser({ name: '王小明', email: 'xiaoming@acme.test', teamId });
    await t.request(t.admin, { method: 'PUT', url: '/api/v1/mail/settings', payload: { host: '127.0.0.1', port: smtp.port, from: 'Acme <sales@acme.test>' } });
    ids.anyTemplate = await template({
      name: '感谢 Thanks',
      object: null,
      subject: { zh: '感谢您，{{record.name}}', en: 'Thank you, {{record.name}}' },
      body: { zh: '{{record.name}} 您好，我是 {{owner.name}}。', en: 'Hello {{record.name}}, this is {{owner.name}}.' },
    });
    ids.dealTemplate = await template({
      name: 'Deal summary',
      object: 'deal',
      subject: { zh: '商机 {{record.name}}', en: 'Your project {{record.name}}' },
      body: { zh: '{{contact.name}}：金额 {{record.amount}}', en: 'Dear {{contact.name}}, the amount is {{record.amount}}.' },
    });
    const lead = await t.request(rep, { method: 'POST', url: '/api/v1/leads', payload: { name: '王芳', emails: [{ address: 'wang.fang@qinghe.cn' }] } });
    expect(lead.statusCode, lead.body).toBe(201);
    ids.lead = lead.json().id;
    const contact = await t.request(rep, {
      method: 'POST',
      url: '/api/v1/contacts',
      payload: { name: 'Anna Schmidt', emails: [{ address: 'anna@optik.de' }] },
    });
    const deal = await t.request(rep, {
      method: 'POST',
      url: '/api/v1/deals',
      payload: { name: 'Optik Rollout', amount: '1250000.50', currency: 'CNY', contactId: contact.json().id },
    });
    expect(deal.statusCode, deal.body).toBe(201);
    ids.deal = deal.json().id;
    jobs = await startJobs(t.deps, FAST);
  });
  afterAll(async () => {
    await jobs?.stop();
    await smtp?.close();
    await t?.close();
  });

  it('previews in the recipient’s language and sends a lead’s e-mail, which lands on its timeline', async () => {
    const preview = await t.request(rep, {
      method: 'POST',
      url: `/api/v1/mail/templates/${ids.anyTemplate}/preview`,
      payload: { record: { object: 'lead', id: ids.lead } },
    });
    expect(preview.statusCode, preview.body).toBe(200);
    // The sender reads English; the recipient 王芳 gets Chinese.
    expect(preview.json()).toMatchObject({ locale: 'zh-CN', to: 'wang.fang@qinghe.cn', subject: '感谢您，王芳', text: '王芳 您好，我是 王小明。' });
    const sent = await t.request(rep, {
      method: 'POST',
      url: '/api/v1/mail/send',
      payload: { templateId: ids.anyTemplate, record: { object: 'lead', id: ids.lead } },
    });
    expect(sent.statusCode, sent.body).toBe(202);
    await waitFor(() => smtp.received.some((m) => m.subject === '感谢您，王芳'), 15_000, 'the lead’s e-mail');
    const mail = smtp.received.find((m) => m.subject === '感谢您，王芳');
    expect(mail?.headers.get('content-language')).toBe('zh-CN');
    await waitFor(
      async () =>
        (await t.request(rep, { method: 'GET', url: `/api/v1/leads/${ids.lead}/timeline` }))
          .json()
          .data.some((i: { action?: string }) => i.action === 'email_sent'),
      10_000,
      'the timeline entry',
    );
  });

  it('fills a deal template from the deal and its contact, in English with the money formatted, shown in the record’s e-mails', async () => {
    const preview = await t.request(rep, {
      method: 'POST',
      url: `/api/v1/mail/templates/${ids.dealTemplate}/preview`,
      headers: { 'accept-language': 'zh-CN' },
      payload: { record: { object: 'deal', id: ids.deal } },
    });
    expect(preview.json()).toMatchObject({ locale: 'en', to: 'anna@optik.de', text: 'Dear Anna Schmidt, the amount is CN¥1,250,000.50.' });
    const zh = await t.request(rep, {
      method: 'POST',
      url: `/api/v1/mail/templates/${ids.dealTemplate}/preview`,
      payload: { record: { object: 'deal', id: ids.deal }, locale: 'zh-CN' },
    });
    expect(zh.json()).toMatchObject({ locale: 'zh-CN', subject: '商机 Optik Rollout', text: 'Anna Schmidt：金额 ¥1,250,000.50' });
    const sent = await t.request(rep, {
      method: 'POST',
      url: '/api/v1/mail/send',
      payload: { templateId: ids.dealTemplate, record: { object: 'deal', id: ids.deal } },
    });
    expect(sent.statusCode, sent.body).toBe(202);
    await waitFor(() => smtp.received.some((m) => m.subject === 'Your project Optik Rollout'), 15_000, 'the deal’s e-mail');
    // Another rep's message about the same deal is listed for everyone who may read the deal.
    const manager = await t.createUser({ name: 'Manager', role: 'Sales Manager', teamId });
    const log = await t.request(manager, { method: 'GET', url: `/api/v1/mail/messages?object=deal&recordId=${ids.deal}` });
    expect(log.statusCode, log.body).toBe(200);
    expect(log.json().data).toMatchObject([{ to: 'anna@optik.de', subject: 'Your project Optik Rollout', record: { object: 'deal', id: ids.deal } }]);
    const stranger = await t.createUser({ name: 'Stranger' });
    const hidden = await t.request(stranger, { method: 'GET', url: `/api/v1/mail/messages?object=deal&recordId=${ids.deal}` });
    expect(hidden.statusCode).toBe(404);
  });

  it('sends from a custom object’s record to a given address', async () => {
    expect(
      (await t.request(t.admin, { method: 'POST', url: '/api/v1/custom-objects', payload: { name: 'tenders', label: { zh: '投标', en: 'Tender' } } }))
        .statusCode,
    ).toBe(201);
    await t.defineCustomField(t.admin, { object: 'tenders', key: 'budget', type: 'number', label: { zh: '预算', en: 'Budget' } });
    ids.tenderTemplate = await template({
      name: '投标确认',
      object: 'tenders',
      subject: { zh: '投标「{{record.name}}」已收到', en: 'Tender {{record.name}} received' },
      body: { zh: '预算 {{record.custom.budget}}', en: 'Budget {{record.custom.budget}}' },
    });
    const tender = await t.request(t.admin, { method: 'POST', url: '/api/v1/tenders', payload: { name: '市政照明', custom: { budget: 880000 } } });
    expect(tender.statusCode, tender.body).toBe(201);
    ids.tender = tender.json().id;
    const sent = await t.request(t.admin, {
      method: 'POST',
      url: '/api/v1/mail/send',
      payload: { templateId: ids.tenderTemplate, record: { object: 'tenders', id: ids.tender }, to: 'bids@city.gov.test' },
    });
    expect(sent.statusCode, sent.body).toBe(202);
    await waitFor(() => smtp.received.some((m) => m.subject === '投标「市政照明」已收到'), 15_000, 'the tender’s e-mail');
    expect(smtp.received.find((m) => m.subject === '投标「市政照明」已收到')?.text?.trim()).toBe('预算 880,000');
  });

  it('refuses a template written for another object, and a record without an address, translated; nothing is queued', async () => {
    const before = await messageCount();
    const wrong = await t.request(rep, {
      method: 'POST',
      url: '/api/v1/mail/send',
      headers: { 'accept-language': 'zh-CN' },
      payload: { templateId: ids.dealTemplate, record: { object: 'lead', id: ids.lead } },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.headers['content-type']).toContain('application/problem+json');
    expect(wrong.json().errors).toEqual([{ field: 'templateId', message: '该模板用于商机记录' }]);
    const noAddress = await t.request(rep, { method: 'POST', url: '/api/v1/leads', payload: { name: 'No Mail', phones: [{ number: '13900139000' }] } });
    const none = await t.request(rep, {
      method: 'POST',
      url: '/api/v1/mail/send',
      payload: { templateId: ids.anyTemplate, record: { object: 'lead', id: noAddress.json().id } },
    });
    expect(none.statusCode).toBe(400);
    expect(none.json().errors).toEqual([{ field: 'to', message: 'The record has no e-mail address you may read; give one' }]);
    const badTo = await t.request(rep, {
      method: 'POST',
      url: '/api/v1/mail/send',
      payload: { templateId: ids.anyTemplate, record: { object: 'lead', id: ids.lead }, to: 'not-an-address' },
    });
    expect(badTo.statusCode).toBe(400);
    expect(await messageCount()).toBe(before);
  });
});
