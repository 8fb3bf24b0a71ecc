import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningJobs } from '#platform/jobs/start-jobs.ts';
import { createTestApp, type TestApp } from './app.ts';
import { databaseAvailable } from './db.ts';
import { FAST, startJobs, waitFor } from './jobs-kit.ts';

process.env.KEHU_WEBHOOK_ALLOW_PRIVATE = '1'; // the receiver listens on loopback

const EMAIL = 'lin.chen@example.com';
const PHONE = '13812345678';
const TOKEN = 'kht_Zx9cVb8nM7aS6dF5gH4jK3lQ2wE1rT0y';
const PASSWORD = 'Tr0ub4dor&3';

/**
 * What other systems answer is stored in module error columns (an SMTP server's refusal, a
 * webhook receiver's response and error) and shown in logs and timelines: it is scrubbed like a
 * log line first, so a receiver echoing the payload or a server quoting a credential leaves no
 * personal data or secret in the database.
 */
describe.skipIf(!databaseAvailable)('module error columns are stored scrubbed', { timeout: 60_000 }, () => {
  let t: TestApp;
  let jobs: RunningJobs;
  let receiver: http.Server;
  let smtp: SMTPServer;
  let smtpPort: number;

  beforeAll(async () => {
    t = await createTestApp();
    // A receiver that refuses every delivery, echoing what it got and quoting a token and password.
    receiver = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        res.writeHead(401, { 'content-type': 'text/plain' });
        res.end(`refused Authorization: Bearer ${TOKEN} (password=${PASSWORD}) for ${Buffer.concat(chunks).toString('utf8')}`);
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    // An SMTP server whose refusal quotes the recipient, a phone number and a credential.
    smtp = new SMTPServer({
      secure: false,
      disabledCommands: ['STARTTLS'],
      authOptional: true,
      logger: false,
      onRcptTo(address, _session, callback) {
        const error = new Error(`mailbox <${address.address}> unknown; call ${PHONE}; api_key=${PASSWORD}`) as Error & { responseCode: number };
        error.responseCode = 550;
        callback(error);
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    smtpPort = (smtp.server.address() as AddressInfo).port;
    jobs = await startJobs(t.deps, FAST);
  });
  afterAll(async () => {
    await jobs?.stop();
    await new Promise<void>((resolve) => receiver?.close(() => resolve()));
    await new Promise<void>((resolve) => smtp?.close(() => resolve()));
    await t?.close();
  });

  const clean = (text: string) => {
    for (const secret of [EMAIL, PHONE, TOKEN, PASSWORD]) expect(text, secret).not.toContain(secret);
  };

  it('a webhook receiver’s answer and error are kept without the personal data and secrets it quoted', async () => {
    const port = (receiver.address() as AddressInfo).port;
    const hook = await t.request(t.admin, {
      method: 'POST',
      url: '/api/v1/webhooks',
      payload: { name: 'echo', url: `http://127.0.0.1:${port}/in`, events: ['contact.created'] },
    });
    expect(hook.statusCode, hook.body).toBe(201);
    const contact = await t.request(t.admin, {
      method: 'POST',
      url: '/api/v1/contacts',
      payload: { name: '陈林', emails: [{ address: EMAIL }], phones: [{ number: PHONE }] },
    });
    expect(contact.statusCode, contact.body).toBe(201);
    let deliveryId = '';
    await waitFor(
      async () => {
        const list = (await t.request(t.admin, { method: 'GET', url: `/api/v1/webhooks/${hook.json().id}/deliveries` })).json().data;
        deliveryId = list[0]?.attempts > 0 ? list[0].id : '';
        return deliveryId !== '';
      },
      20_000,
      'a delivery attempt',
    );
    const detail = await t.request(t.admin, { method: 'GET', url: `/api/v1/webhook-deliveries/${deliveryId}` });
    const attempt = detail.json().attemptLog[0];
    expect(attempt.responseStatus).toBe(401);
    expect(attempt.responseBody).toContain('refused Authorization: [redacted]');
    clean(attempt.responseBody);
    // Still the delivery log it was: the request body as sent is there for replay.
    expect(detail.json().requestBody).toContain(contact.json().id);
  });

  it('an SMTP refusal is stored, answered and logged without the addresses, numbers and credentials it quoted', async () => {
    const put = await t.request(t.admin, {
      method: 'PUT',
      url: '/api/v1/mail/settings',
      payload: { host: '127.0.0.1', port: smtpPort, from: 'ops@acme.test' },
    });
    expect(put.statusCode, put.body).toBe(200);
    const res = await t.request(t.admin, { method: 'POST', url: '/api/v1/mail/settings/test', payload: { to: EMAIL } });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().detail).toContain('550');
    clean(res.json().detail);
    const failed = (await t.request(t.admin, { method: 'GET', url: '/api/v1/mail/messages?status=failed' })).json().data[0];
    expect(failed.error).toContain('550');
    clean(failed.error);
  });
});
