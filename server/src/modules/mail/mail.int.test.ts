import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestUser } from '#test/app.ts';
import { databaseAvailable } from '#test/db.ts';
import { FAST, startJobs, waitFor } from '#test/jobs-kit.ts';
import type { RunningJobs } from '#platform/jobs/start-jobs.ts';
import { inTenant } from '#db/tx.ts';
import { sendMail } from './outbound.service.ts';
import { startTestSmtp, type TestSmtp } from '#test/smtp-kit.ts';

process.env.KEHU_MAIL_RETRY_SECONDS = '1';

describe.skipIf(!databaseAvailable)('outbound e-mail over SMTP', () => {
  let t: TestApp;
  let smtp: TestSmtp;
  let jobs: RunningJobs;
  let rep: TestUser;
  const settings = (port: number) => ({ host: '127.0.0.1', port, secure: false, user: 'kehu', password: 's3cret-密码', from: 'Acme 销售 <sales@acme.test>' });
  const log = async (id: string) =>
    (
      await sql<{
        status: string;
        attempts: number;
        last_error: string | null;
      }>`select status, attempts, last_error from mail_messages where id = ${id}`.execute(t.db.kysely)
    ).rows[0];

  beforeAll(async () => {
    t = await createTestApp();
    smtp = await startTestSmtp({ user: 'kehu', password: 's3cret-密码' });
    rep = await t.createUser({ name: '王小明', email: 'xiaoming@acme.test' });
    jobs = await startJobs(t.deps, FAST);
  });
  afterAll(async () => {
    await jobs?.stop();
    await smtp?.close();
    await t?.close();
  });
  beforeEach(() => smtp.setMode('accept'));

  it('keeps the SMTP password encrypted at rest and never returns it; only admins change settings', async () => {
    const put = await t.request(t.admin, { method: 'PUT', url: '/api/v1/mail/settings', payload: settings(smtp.port) });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toMatchObject({ source: 'tenant', host: '127.0.0.1', user: 'kehu', passwordSet: true });
    expect(put.body).not.toContain('s3cret');
    const { rows } = await sql<{ password_sealed: string }>`select password_sealed from mail_settings`.execute(t.db.kysely);
    expect(rows[0]?.password_sealed).toMatch(/^v1:/);
    expect(rows[0]?.password_sealed).not.toContain('s3cret');
    const denied = await t.request(rep, { method: 'PUT', url: '/api/v1/mail/settings', payload: settings(smtp.port) });
    expect(denied.statusCode).toBe(403);
    expect(denied.headers['content-type']).toContain('application/problem+json');
    // Saving again without a password keeps the stored one.
    const again = await t.request(t.admin, { method: 'PUT', url: '/api/v1/mail/settings', payload: { ...settings(smtp.port), password: undefined } });
    expect(again.json()).toMatchObject({ passwordSet: true, version: 2 });
  });

  it('sends a test e-mail through the saved server, in the admin language (zh and en)', async () => {
    const before = smtp.received.length;
    const zh = await t.request(t.admin, {
      method: 'POST',
      url: '/api/v1/mail/settings/test',
      headers: { 'accept-language': 'zh-CN' },
      payload: { to: 'boss@example.test' },
    });
    expect(zh.statusCode, zh.body).toBe(200);
    const en = await t.request(t.admin, { method: 'POST', url: '/api/v1/mail/settings/test', payload: { to: 'boss@example.test' } });
    expect(en.statusCode, en.body).toBe(200);
    expect(smtp.received).toHaveLength(before + 2);
    const [mZh, mEn] = smtp.received.slice(before);
    expect(mZh?.subject).toBe('客户 Kehu 测试邮件');
    expect(mZh?.text).toContain('这是一封来自 Kehu 的测试邮件');
    expect(mZh?.headers.get('content-language')).toBe('zh-CN');
    expect(mZh?.from?.value[0]).toMatchObject({ address: 'sales@acme.test', name: 'Acme 销售' });
    expect(mZh?.to && !Array.isArray(mZh.to) ? mZh.to.value[0]?.address : null).toBe('boss@example.test');
    expect(mZh?.messageId).toBe(zh.json().messageId);
    expect(mEn?.subject).toBe('Kehu test e-mail');
    expect(mEn?.text).toContain('the SMTP settings work');
    expect(mEn?.headers.get('content-language')).toBe('en');
  });

  it('reports a refused test e-mail as a translated problem, logged as failed', async () => {
    smtp.setMode('refuse');
    const res = await t.request(t.admin, {
      method: 'POST',
      url: '/api/v1/mail/settings/test',
      headers: { 'accept-language': 'zh-CN' },
      payload: { to: 'boss@example.test' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().detail).toMatch(/^测试邮件未发送：.*451/);
    const list = await t.request(t.admin, { method: 'GET', url: '/api/v1/mail/messages?status=failed' });
    expect(list.json().data[0]).toMatchObject({ to: 'boss@example.test', status: 'failed', attempts: 1 });
    expect(list.json().data[0].error).toContain('451');
  });

  it('queues a message durably and retries a refusing, then a disconnecting server until it is delivered, exactly once', async () => {
    smtp.setMode('refuse');
    const before = smtp.received.length;
    const queued = await inTenant(t.db.kysely, t.admin.tenantId, (tx) =>
      sendMail({ tx, tenantId: t.admin.tenantId, actorId: t.admin.id, to: 'li@example.test', subject: '报价单', text: '您好，附上报价。', locale: 'zh-CN' }),
    );
    await waitFor(async () => (await log(queued.id))?.status === 'retrying', 10_000, 'the first refused attempt');
    expect((await log(queued.id))?.last_error).toContain('451');
    smtp.setMode('disconnect');
    await waitFor(
      async () => ((await log(queued.id))?.attempts ?? 0) >= 2 && (await log(queued.id))?.status === 'retrying',
      15_000,
      'the disconnected attempt',
    );
    // The app still answers while deliveries fail.
    expect((await t.request(null, { method: 'GET', url: '/api/health' })).statusCode).toBe(200);
    smtp.setMode('accept');
    await waitFor(async () => (await log(queued.id))?.status === 'sent', 20_000, 'delivery');
    const delivered = smtp.received.slice(before);
    expect(delivered).toHaveLength(1);
    expect(delivered[0]).toMatchObject({ subject: '报价单', messageId: queued.messageId });
    expect(delivered[0]?.text?.trim()).toBe('您好，附上报价。');
    expect((await log(queued.id))?.attempts).toBeGreaterThanOrEqual(3);
  });

  it('makes a second send with the same idempotency key the same message', async () => {
    const before = smtp.received.length;
    const send = () =>
      inTenant(t.db.kysely, t.admin.tenantId, (tx) =>
        sendMail({
          tx,
          tenantId: t.admin.tenantId,
          to: 'once@example.test',
          subject: 'Once',
          text: 'Only once',
          locale: 'en',
          idempotencyKey: 'rule-1:event-1',
        }),
      );
    const first = await send();
    const second = await send();
    expect(second).toMatchObject({ id: first.id, created: false });
    await waitFor(async () => (await log(first.id))?.status === 'sent', 10_000, 'delivery');
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from mail_messages where to_address = 'once@example.test'`.execute(t.db.kysely);
    expect(rows[0]?.n).toBe(1);
    expect(smtp.received.slice(before).filter((m) => m.subject === 'Once')).toHaveLength(1);
  });
});
