import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTenant } from '#db/tx.ts';
import { sendMail } from '#modules/mail/index.ts';
import type { RunningJobs } from '#platform/jobs/start-jobs.ts';
import { createTestApp, type TestApp } from '#test/app.ts';
import { databaseAvailable } from '#test/db.ts';
import { FAST, startJobs, waitFor } from '#test/jobs-kit.ts';
import { startTestSmtp, type TestSmtp } from '#test/smtp-kit.ts';

/** An opted-out person is never mailed: the delivery job asks the suppression list before it talks to the SMTP server. */
describe.skipIf(!databaseAvailable)('suppression list and outbound mail', () => {
  let t: TestApp;
  let smtp: TestSmtp;
  let jobs: RunningJobs;

  beforeAll(async () => {
    t = await createTestApp();
    smtp = await startTestSmtp();
    jobs = await startJobs(t.deps, FAST);
    const put = await t.request(t.admin, {
      method: 'PUT',
      url: '/api/v1/mail/settings',
      payload: { host: '127.0.0.1', port: smtp.port, secure: false, user: null, password: null, from: 'Acme <sales@acme.test>' },
    });
    if (put.statusCode !== 200) throw new Error(put.body);
  });
  afterAll(async () => {
    await jobs?.stop();
    await smtp?.close();
    await t?.close();
  });

  it('fails a message to an opted-out address for good, and sends the others', async () => {
    const created = await t.request(t.admin, {
      method: 'POST',
      url: '/api/v1/privacy/requests',
      payload: { kind: 'objection', subjectEmail: 'Stop@Example.com' },
    });
    const id = created.json().id as string;
    await t.request(t.admin, { method: 'POST', url: `/api/v1/privacy/requests/${id}/verify` });
    expect((await t.request(t.admin, { method: 'POST', url: `/api/v1/privacy/requests/${id}/opt-out` })).statusCode).toBe(200);

    const [stopped, sent] = await inTenant(t.db.kysely, t.admin.tenantId, async (tx) => [
      await sendMail({ tx, tenantId: t.admin.tenantId, to: 'stop@example.com', subject: '新品上市', text: '您好' }),
      await sendMail({ tx, tenantId: t.admin.tenantId, to: 'welcome@example.com', subject: '新品上市', text: '您好' }),
    ]);
    const status = async (messageId: string) =>
      (await sql<{ status: string; last_error: string | null }>`select status, last_error from mail_messages where id = ${messageId}`.execute(t.db.kysely))
        .rows[0];
    await waitFor(async () => (await status(sent?.id as string))?.status === 'sent', 20_000, 'delivery');
    await waitFor(async () => (await status(stopped?.id as string))?.status === 'failed', 20_000, 'suppression');
    expect((await status(stopped?.id as string))?.last_error).toContain('suppression list');
    const recipients = smtp.received.map((m) => (m.to && !Array.isArray(m.to) ? m.to.value[0]?.address : null));
    expect(recipients).toEqual(['welcome@example.com']);
  });
  it('refuses a lead for an opted-out address (API, forms and lead imports capture the same way), writing nothing', async () => {
    const created = await t.request(t.admin, {
      method: 'POST',
      url: '/api/v1/privacy/requests',
      payload: { kind: 'objection', subjectEmail: 'gone@example.cn' },
    });
    const id = created.json().id as string;
    await t.request(t.admin, { method: 'POST', url: `/api/v1/privacy/requests/${id}/verify` });
    expect((await t.request(t.admin, { method: 'POST', url: `/api/v1/privacy/requests/${id}/opt-out` })).statusCode).toBe(200);
    const refused = await t.request(t.admin, {
      method: 'POST',
      url: '/api/v1/leads',
      headers: { 'accept-language': 'zh-CN' },
      payload: { name: '回来的人', emails: [{ address: 'GONE@example.cn' }] },
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('errors.privacy_suppressed');
    expect(refused.json().detail).toContain('隐私屏蔽名单');
    expect(refused.body).not.toContain('gone@example.cn');
    const list = await t.request(t.admin, { method: 'GET', url: `/api/v1/leads?q=${encodeURIComponent('回来的人')}` });
    expect(list.json().data).toHaveLength(0);
    const other = await t.request(t.admin, { method: 'POST', url: '/api/v1/leads', payload: { name: '新客户', emails: [{ address: 'stay@example.cn' }] } });
    expect(other.statusCode, other.body).toBe(201);
  });
});
