import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '#test/app.ts';
import { databaseAvailable } from '#test/db.ts';
import type { RunningJobs } from '#platform/jobs/start-jobs.ts';
import { FAST, startJobs, waitFor } from '#test/jobs-kit.ts';
import { startTestSmtp, type TestSmtp } from '#test/smtp-kit.ts';
import { actionsOf, runsOf } from './workflows.test-kit.ts';

// Read when the app is built: the receiver below is on loopback; mail retries fast.
process.env.KEHU_WEBHOOK_ALLOW_PRIVATE = '1';
process.env.KEHU_MAIL_RETRY_SECONDS = '1';

describe.skipIf(!databaseAvailable)('workflow rules that notify, e-mail and call a webhook (real jobs, SMTP and HTTP)', () => {
  let t: TestApp;
  let smtp: TestSmtp;
  let jobs: RunningJobs;
  let receiver: http.Server;
  const hits: { body: string; signature: string }[] = [];
  const call = (method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, payload?: unknown) =>
    t.request(t.admin, { method, url, ...(payload === undefined ? {} : { payload: payload as object }) });

  beforeAll(async () => {
    receiver = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        hits.push({ body, signature: String(req.headers['kehu-signature']) });
        res.writeHead(200).end('ok');
      });
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    t = await createTestApp();
    smtp = await startTestSmtp();
    expect((await call('PUT', '/api/v1/mail/settings', { host: '127.0.0.1', port: smtp.port, from: 'Acme <sales@acme.test>' })).statusCode).toBe(200);
    jobs = await startJobs(t.deps, FAST);
  });
  afterAll(async () => {
    await jobs?.stop();
    await smtp?.close();
    receiver?.closeAllConnections();
    await new Promise<void>((r) => (receiver ? receiver.close(() => r()) : r()));
    await t?.close();
  });

  it('fires once through the real outbox and jobs: one notification, one e-mail, one signed webhook call', async () => {
    const template = await call('POST', '/api/v1/mail/templates', {
      name: '欢迎',
      object: 'contact',
      subject: { zh: '欢迎，{{contact.name}}', en: 'Welcome, {{contact.name}}' },
      body: { zh: '{{contact.name}} 您好，我是 {{owner.name}}。', en: 'Dear {{contact.name}}, this is {{owner.name}}.' },
    });
    expect(template.statusCode, template.body).toBe(201);
    const port = (receiver.address() as AddressInfo).port;
    const hook = await call('POST', '/api/v1/webhooks', { name: 'rule target', url: `http://127.0.0.1:${port}/rule`, events: [] });
    expect(hook.statusCode, hook.body).toBe(201);
    const rule = await call('POST', '/api/v1/workflow-rules', {
      name: 'welcome',
      object: 'contact',
      enabled: true,
      trigger: { type: 'created' },
      actions: [
        { type: 'notify', recipients: ['owner'], title: '新联系人 {{name}}', body: '来自工作流' },
        { type: 'send_email', templateId: template.json().id, to: 'record' },
        { type: 'call_webhook', webhookId: hook.json().id },
      ],
    });
    expect(rule.statusCode, rule.body).toBe(201);
    const contact = await call('POST', '/api/v1/contacts', { name: '韩梅梅', emails: [{ address: 'meimei@example.test' }] });
    expect(contact.statusCode).toBe(201);

    await waitFor(() => smtp.received.length === 1 && hits.length === 1, 30_000, 'the e-mail and the webhook call');
    const [run] = await runsOf(t, rule.json().id);
    expect(run?.status).toBe('succeeded');
    expect(actionsOf(run).map((a) => a.status)).toEqual(['succeeded', 'succeeded', 'succeeded']);
    expect(smtp.received[0]?.subject).toBe('欢迎，韩梅梅');
    expect(smtp.received[0]?.text).toContain('韩梅梅 您好');
    const sent = JSON.parse(hits[0]?.body ?? '{}');
    expect(sent.type).toBe('workflow.rule_fired');
    expect(JSON.stringify(sent)).toContain('韩梅梅');
    expect(hits[0]?.signature).toMatch(/v1=/);
    const bell = await call('GET', '/api/v1/notifications');
    expect(bell.json().data.map((n: { title: { zh: string } }) => n.title.zh)).toContain('新联系人 韩梅梅');
  });

  it('refuses an unknown template at save, and logs a missing address as the action’s failure', async () => {
    const bad = await call('POST', '/api/v1/workflow-rules', {
      name: 'bad mail',
      object: 'contact',
      trigger: { type: 'created' },
      actions: [{ type: 'send_email', templateId: '00000000-0000-7000-8000-000000000000', to: 'record' }],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('actions.0.templateId');
    const templates = (await call('GET', '/api/v1/mail/templates')).json().data as { id: string }[];
    const rule = await call('POST', '/api/v1/workflow-rules', {
      name: 'mail without address',
      object: 'contact',
      enabled: true,
      trigger: { type: 'updated', field: 'title' },
      actions: [{ type: 'send_email', templateId: templates[0]?.id, to: 'record' }],
    });
    expect(rule.statusCode, rule.body).toBe(201);
    const mute = (await call('POST', '/api/v1/contacts', { name: '无邮箱' })).json();
    expect((await call('PATCH', `/api/v1/contacts/${mute.id}`, { title: '经理' })).statusCode).toBe(200);
    await waitFor(async () => (await runsOf(t, rule.json().id)).length === 1, 20_000, 'the run');
    const [run] = await runsOf(t, rule.json().id);
    expect([run?.status, actionsOf(run)[0]?.error]).toEqual(['failed', '没有可发送的邮箱地址']);
  });
});
