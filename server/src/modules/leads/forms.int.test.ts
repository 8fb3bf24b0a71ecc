import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTenant } from '#db/tx.ts';
import type { OutboxEvent } from '#platform/events/subscribers.ts';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { databaseAvailable } from '../../../test/db.ts';
import { FAST, startJobs, waitFor } from '../../../test/jobs-kit.ts';

const SITE = 'https://www.example-site.cn';

describe.skipIf(!databaseAvailable)('web forms (web-to-lead)', () => {
  let t: TestApp;
  let smtp: SMTPServer;
  let smtpPort = 0;
  const inbox: string[] = [];
  let formId = '';

  beforeAll(async () => {
    t = await createTestApp();
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, _session, done) {
        let raw = '';
        stream.on('data', (c: Buffer) => {
          raw += c.toString();
        });
        stream.on('end', () => {
          inbox.push(raw);
          done();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    smtpPort = (smtp.server.address() as { port: number }).port;
    const form = await t.request(t.admin, {
      method: 'POST',
      url: '/api/v1/lead-forms',
      payload: {
        name: '官网试用申请',
        fields: [
          { key: 'name', label: { zh: '姓名', en: 'Name' }, required: true },
          { key: 'companyName', label: { zh: '公司', en: 'Company' }, required: false },
          { key: 'email', label: { zh: '邮箱', en: 'Email' }, required: true },
          { key: 'phone', label: { zh: '手机', en: 'Mobile' }, required: false },
        ],
        allowedOrigins: [SITE],
        successMessage: { zh: '感谢提交！', en: 'Thanks!' },
        doubleOptIn: false,
        source: 'website',
      },
    });
    expect(form.statusCode, form.body).toBe(201);
    formId = form.json().id;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => smtp?.close(() => resolve()));
    await t?.close();
  });

  const submit = (payload: object, origin: string | null = SITE, id = formId) =>
    t.request(null, {
      method: 'POST',
      url: `/api/public/forms/${id}/submit`,
      headers: { 'accept-language': 'zh-CN', ...(origin ? { origin } : {}) },
      payload,
    });
  const leadCount = async () =>
    Number(
      (
        await t.db.kysely
          .selectFrom('leads')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('captures a lead from an allowed origin with UTM and referrer, CORS for that origin only', async () => {
    const pre = await t.request(null, { method: 'OPTIONS', url: `/api/public/forms/${formId}/submit`, headers: { origin: SITE } });
    expect(pre.statusCode).toBe(204);
    expect(pre.headers['access-control-allow-origin']).toBe(SITE);
    const res = await submit({
      fields: { name: '王芳', companyName: '杭州青禾科技', email: 'wang.fang@qinghe.cn', phone: '+86 137 0000 1111' },
      utm: { source: 'wechat', medium: 'social', campaign: 'launch' },
      referrer: 'https://mp.weixin.qq.com/',
      pageUrl: `${SITE}/trial?utm_source=wechat`,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBe(SITE);
    expect(res.json()).toEqual({ message: '感谢提交！', redirectUrl: null, confirmationRequired: false });
    const list = await t.request(t.admin, { method: 'GET', url: `/api/v1/leads?filter=${encodeURIComponent(JSON.stringify({ formId: { eq: formId } }))}` });
    expect(list.json().data).toMatchObject([
      {
        name: '王芳',
        source: 'website',
        utmSource: 'wechat',
        utmMedium: 'social',
        utmCampaign: 'launch',
        campaign: 'launch',
        referrer: 'https://mp.weixin.qq.com/',
        phones: [{ e164: '+8613700001111' }],
        owner: null,
        confirmation: 'none',
      },
    ]);
    const captured = await t.db.kysely.selectFrom('outbox').select('payload').where('type', '=', 'lead.captured').execute();
    expect(captured.map((e) => e.payload)).toContainEqual(expect.objectContaining({ channel: 'form', formId }));
    const form = await t.request(t.admin, { method: 'GET', url: `/api/v1/lead-forms/${formId}` });
    expect(form.json().submissions).toBe(1);
  });

  it('flags a second submission as a duplicate of the first (warn never stops a visitor)', async () => {
    const res = await submit({ fields: { name: '王芳', email: 'WANG.FANG@qinghe.cn' } });
    expect(res.statusCode).toBe(200);
    const leads = await t.db.kysely.selectFrom('leads').select(['id', 'duplicate_of']).where('form_id', '=', formId).orderBy('created_at').execute();
    expect(leads).toHaveLength(2);
    expect(leads[1]?.duplicate_of).toBe(leads[0]?.id);
    const matches = await t.request(t.admin, { method: 'GET', url: `/api/v1/leads/${leads[1]?.id}/matches` });
    expect(matches.json().duplicates).toMatchObject([{ id: leads[0]?.id, rule: 'email' }]);
  });

  it('refuses an unknown form, a foreign origin, a filled honeypot and bad values, writing nothing', async () => {
    const before = await leadCount();
    const unknown = await submit({ fields: { name: 'x', email: 'x@x.cn' } }, SITE, '0190a0a0-0000-7000-8000-000000000009');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().detail).toBe('该表单不存在或已停止收集');
    const foreign = await submit({ fields: { name: 'x', email: 'x@x.cn' } }, 'https://evil.example');
    expect(foreign.statusCode).toBe(403);
    expect(foreign.headers['access-control-allow-origin']).toBeUndefined();
    const noOrigin = await submit({ fields: { name: 'x', email: 'x@x.cn' } }, null);
    expect(noOrigin.statusCode).toBe(403);
    const pre = await t.request(null, { method: 'OPTIONS', url: `/api/public/forms/${formId}/submit`, headers: { origin: 'https://evil.example' } });
    expect(pre.headers['access-control-allow-origin']).toBeUndefined();
    const bot = await submit({ fields: { name: 'x', email: 'x@x.cn' }, website: 'http://spam' });
    expect(bot.statusCode).toBe(400);
    const badEmail = await submit({ fields: { name: 'x', email: 'not-an-email' } });
    expect(badEmail.statusCode).toBe(400);
    expect(badEmail.json().errors).toEqual([{ field: 'fields.email', message: expect.any(String) }]);
    const badPhone = await submit({ fields: { name: 'x', email: 'y@x.cn', phone: '123' } });
    expect(badPhone.statusCode).toBe(400);
    expect(badPhone.json().errors[0].field).toBe('phones.0.number');
    const missing = await submit({ fields: { name: 'x' } });
    expect(missing.json().errors).toEqual([{ field: 'fields.email', message: '必填' }]);
    const extra = await submit({ fields: { name: 'x', email: 'z@x.cn', ownerId: 'me' } });
    expect(extra.statusCode).toBe(400);
    expect(await leadCount()).toBe(before);
  });

  it('serves the embeddable script for the form', async () => {
    const js = await t.request(null, { method: 'GET', url: `/forms/${formId}.js` });
    expect(js.statusCode).toBe(200);
    expect(js.headers['content-type']).toContain('javascript');
    expect(js.body).toContain(`"formId":"${formId}"`);
    const def = await t.request(null, { method: 'GET', url: `/api/public/forms/${formId}`, headers: { origin: SITE } });
    expect(def.json().fields).toHaveLength(4);
    expect(def.json()).not.toHaveProperty('allowedOrigins');
  });

  it('double opt-in: holds the lead pending, mails a signed link over SMTP, the link confirms it', async () => {
    await t.request(t.admin, {
      method: 'PATCH',
      url: '/api/v1/lead-settings',
      payload: { mail: { smtpUrl: `smtp://127.0.0.1:${smtpPort}`, from: 'Kehu <crm@acme.test>' } },
    });
    const patched = await t.request(t.admin, { method: 'PATCH', url: `/api/v1/lead-forms/${formId}`, payload: { doubleOptIn: true } });
    expect(patched.json().doubleOptIn).toBe(true);
    const res = await submit({ fields: { name: 'Anna Schmidt', email: 'anna@optin.de' }, locale: 'en' });
    expect(res.json()).toMatchObject({ confirmationRequired: true });
    const lead = await t.db.kysely.selectFrom('leads').select(['id', 'confirmation']).where('name', '=', 'Anna Schmidt').executeTakeFirstOrThrow();
    expect(lead.confirmation).toBe('pending');

    // What the outbox relay does: deliver the event to the mail subscriber, here twice (a retry).
    const sub = t.deps.subscribers.byName('leads-optin-mail');
    for (let delivery = 0; delivery < 2; delivery++)
      await inTenant(t.db.kysely, t.admin.tenantId, async (tx) => {
        const e = await tx.selectFrom('outbox').selectAll().where('type', '=', 'lead.confirmation_requested').executeTakeFirstOrThrow();
        const event: OutboxEvent = {
          id: e.id,
          tenantId: e.tenant_id,
          type: e.type,
          objectType: e.object_type,
          objectId: e.object_id,
          actorId: e.actor_id,
          payload: e.payload as Record<string, unknown>,
          createdAt: e.created_at as Date,
        };
        await sub?.handle(event, tx);
      });
    // Queued on the mail module's durable queue: the job runner delivers it, once.
    const jobs = await startJobs(t.deps, FAST);
    try {
      await waitFor(() => inbox.length === 1, 20_000, 'the opt-in mail');
      await waitFor(
        async () =>
          (await t.request(t.admin, { method: 'GET', url: `/api/v1/mail/messages?object=lead&recordId=${lead.id}` })).json().data[0]?.status === 'sent',
        10_000,
        'the sent log',
      );
    } finally {
      await jobs.stop();
    }
    const log = (await t.request(t.admin, { method: 'GET', url: `/api/v1/mail/messages?object=lead&recordId=${lead.id}` })).json().data;
    expect(log).toMatchObject([{ to: 'anna@optin.de', status: 'sent', locale: 'en', record: { object: 'lead', id: lead.id } }]);
    expect(inbox).toHaveLength(1);
    // The lead settings' own sender address, and the lead's timeline shows the mail.
    expect(inbox[0]).toContain('From: Kehu <crm@acme.test>');
    const timeline = (await t.request(t.admin, { method: 'GET', url: `/api/v1/leads/${lead.id}/timeline` })).json().data;
    expect(timeline.some((i: { action?: string }) => i.action === 'email_sent')).toBe(true);
    const raw = (inbox[0] ?? '').replace(/=\r?\n/g, '').replace(/=3D/g, '=');
    expect(raw).toContain('To: anna@optin.de');
    const link = /https?:\/\/\S+\/api\/public\/leads\/confirm\?token=[\w.-]+/.exec(raw)?.[0];
    expect(link).toBeTruthy();
    const url = new URL(link as string);

    const forged = await t.request(null, { method: 'GET', url: `${url.pathname}?token=${url.searchParams.get('token')}x` });
    expect(forged.statusCode).toBe(400);
    const ok = await t.request(null, { method: 'GET', url: `${url.pathname}${url.search}`, headers: { 'accept-language': 'en' } });
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toContain('confirmed');
    const after = await t.request(t.admin, { method: 'GET', url: `/api/v1/leads/${lead.id}` });
    expect(after.json()).toMatchObject({ confirmation: 'confirmed', confirmedAt: expect.any(String) });
    const again = await t.request(null, { method: 'GET', url: `${url.pathname}${url.search}` });
    expect(again.statusCode).toBe(200);
  });
});
