import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningJobs } from '#platform/jobs/start-jobs.ts';
import { createTestApp, type TestApp, type TestUser } from '#test/app.ts';
import { databaseAvailable } from '#test/db.ts';
import { FAST, startJobs, waitFor } from '#test/jobs-kit.ts';
import { startTestSmtp, type TestSmtp } from '#test/smtp-kit.ts';

describe.skipIf(!databaseAvailable)('e-mail templates', () => {
  let t: TestApp;
  let rep: TestUser;
  let smtp: TestSmtp;
  let jobs: RunningJobs;
  let contactId: string;
  const template = {
    name: '报价跟进',
    object: 'contact',
    subject: { zh: '{{contact.name}}，您的报价', en: 'Your quote, {{contact.name}}' },
    body: { zh: '{{contact.name}} 您好：电话 {{contact.idNumber}}。{{owner.name}}', en: 'Dear {{contact.name}}: phone {{contact.idNumber}}. {{owner.name}}' },
  };

  beforeAll(async () => {
    t = await createTestApp();
    smtp = await startTestSmtp();
    rep = await t.createUser({ name: '王小明', email: 'xiaoming@acme.test' });
    await t.request(t.admin, { method: 'PUT', url: '/api/v1/mail/settings', payload: { host: '127.0.0.1', port: smtp.port, from: 'Acme <sales@acme.test>' } });
    const contact = await t.request(t.admin, {
      method: 'POST',
      url: '/api/v1/contacts',
      payload: { name: '李雷', emails: [{ address: 'lilei@example.test' }], idNumber: '11010519491231002X', ownerId: rep.id },
    });
    expect(contact.statusCode, contact.body).toBe(201);
    contactId = contact.json().id;
    jobs = await startJobs(t.deps, FAST);
  });
  afterAll(async () => {
    await jobs?.stop();
    await smtp?.close();
    await t?.close();
  });

  it('refuses an unknown merge field at save, naming it, in the caller’s language; nothing is written', async () => {
    const bad = { ...template, body: { zh: '{{contact.nmae}} 您好', en: 'Hi {{contact.name}} from {{boss.name}}' } };
    const res = await t.request(t.admin, { method: 'POST', url: '/api/v1/mail/templates', headers: { 'accept-language': 'zh-CN' }, payload: bad });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().detail).toBe('模板中包含不存在的合并字段：contact.nmae, boss.name');
    expect(res.json().errors).toEqual([
      { field: 'body.zh', message: '未知的合并字段 contact.nmae' },
      { field: 'body.en', message: '未知的合并字段 boss.name' },
    ]);
    const en = await t.request(t.admin, { method: 'POST', url: '/api/v1/mail/templates', payload: { ...template, object: 'spaceship' } });
    expect(en.statusCode).toBe(400);
    expect(en.json().errors).toEqual([{ field: 'object', message: 'There is no object named spaceship' }]);
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from mail_templates`.execute(t.db.kysely);
    expect(rows[0]?.n).toBe(0);
  });

  it('refuses a template of 1 MB', async () => {
    const huge = 'x'.repeat(1024 * 1024);
    const res = await t.request(t.admin, { method: 'POST', url: '/api/v1/mail/templates', payload: { ...template, body: { zh: huge, en: 'ok' } } });
    expect([400, 413]).toContain(res.statusCode);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const under = await t.request(t.admin, {
      method: 'POST',
      url: '/api/v1/mail/templates',
      payload: { ...template, body: { zh: 'x'.repeat(200_000), en: 'ok' } },
    });
    expect(under.statusCode).toBe(400);
    expect(under.json().errors[0].field).toBe('body.zh');
  });

  it('lets only admins manage templates', async () => {
    const res = await t.request(rep, { method: 'POST', url: '/api/v1/mail/templates', payload: template });
    expect(res.statusCode).toBe(403);
  });

  it('fills merge fields as the sender reads the record: a rep sees the ID number masked, so does the e-mail; it lands on the timeline', async () => {
    const created = await t.request(t.admin, { method: 'POST', url: '/api/v1/mail/templates', payload: template });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    expect(created.json().mergeFields).toEqual(['contact.name', 'contact.idNumber', 'owner.name']);
    // The same masking as the rep's GET of the contact.
    const masked = (await t.request(rep, { method: 'GET', url: `/api/v1/contacts/${contactId}` })).json().idNumber as string;
    expect(masked).not.toBe('11010519491231002X');
    const asRep = await t.request(rep, {
      method: 'POST',
      url: `/api/v1/mail/templates/${id}/preview`,
      payload: { record: { object: 'contact', id: contactId }, locale: 'zh-CN' },
    });
    expect(asRep.statusCode, asRep.body).toBe(200);
    expect(asRep.json().text).toBe(`李雷 您好：电话 ${masked}。王小明`);
    const asAdmin = await t.request(t.admin, {
      method: 'POST',
      url: `/api/v1/mail/templates/${id}/preview`,
      payload: { record: { object: 'contact', id: contactId }, locale: 'en' },
    });
    expect(asAdmin.json().text).toBe('Dear 李雷: phone 11010519491231002X. 王小明');

    const sent = await t.request(rep, {
      method: 'POST',
      url: '/api/v1/mail/send',
      payload: { templateId: id, record: { object: 'contact', id: contactId }, locale: 'en' },
    });
    expect(sent.statusCode, sent.body).toBe(202);
    await waitFor(() => smtp.received.length === 1, 15_000, 'the e-mail');
    const mail = smtp.received[0];
    expect(mail?.subject).toBe('Your quote, 李雷');
    expect(mail?.text).toContain(`phone ${masked}.`);
    expect(mail?.text).not.toContain('11010519491231002X');
    expect(mail?.html).toContain(`<p>Dear 李雷: phone ${masked}. 王小明</p>`);
    expect(mail?.to && !Array.isArray(mail.to) ? mail.to.value[0]?.address : null).toBe('lilei@example.test');
    await waitFor(
      async () => {
        const tl = await t.request(rep, { method: 'GET', url: `/api/v1/contacts/${contactId}/timeline` });
        return tl.json().data.some((i: { action?: string }) => i.action === 'email_sent');
      },
      10_000,
      'the timeline entry',
    );
    const timeline = (await t.request(rep, { method: 'GET', url: `/api/v1/contacts/${contactId}/timeline` })).json();
    expect(timeline.data.find((i: { action?: string }) => i.action === 'email_sent')).toMatchObject({
      actorId: rep.id,
      changes: { to: { to: 'lilei@example.test' }, subject: { to: 'Your quote, 李雷' } },
    });
    const log = await t.request(rep, { method: 'GET', url: `/api/v1/mail/messages?object=contact&recordId=${contactId}` });
    expect(log.json().data[0]).toMatchObject({
      status: 'sent',
      to: 'lilei@example.test',
      subject: 'Your quote, 李雷',
      attempts: 1,
      record: { object: 'contact', id: contactId },
    });
  });

  it('does not fill a template from a record the sender may not read', async () => {
    const other = await t.createUser({ name: 'Other rep' });
    const id = (await t.request(t.admin, { method: 'GET', url: '/api/v1/mail/templates' })).json().data[0].id;
    const res = await t.request(other, { method: 'POST', url: '/api/v1/mail/send', payload: { templateId: id, record: { object: 'contact', id: contactId } } });
    expect(res.statusCode).toBe(404);
  });
});
