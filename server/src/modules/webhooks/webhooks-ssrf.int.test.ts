import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '#test/app.ts';
import { databaseAvailable } from '#test/db.ts';
import { FAST, startJobs, waitFor } from '#test/jobs-kit.ts';
import type { RunningJobs } from '#platform/jobs/start-jobs.ts';
import { type Receiver, startReceiver } from './webhooks.test-kit.ts';

// The default: no private addresses.
delete process.env.KEHU_WEBHOOK_ALLOW_PRIVATE;

describe.skipIf(!databaseAvailable)('webhooks refuse loopback, private, link-local and metadata addresses (SSRF)', { timeout: 120_000 }, () => {
  let t: TestApp;
  let rx: Receiver;
  let jobs: RunningJobs;
  beforeAll(async () => {
    t = await createTestApp();
    rx = await startReceiver();
    jobs = await startJobs(t.deps, FAST);
  });
  afterAll(async () => {
    await jobs?.stop();
    await rx?.close();
    await t?.close();
  });

  const create = (url: string, locale = 'en') =>
    t.request(t.admin, {
      method: 'POST',
      url: '/api/v1/webhooks',
      headers: { 'accept-language': locale },
      payload: { name: 'x', url, events: ['contact.created'] },
    });

  it('refuses such URLs when saved, with a translated problem+json and nothing written', async () => {
    const cases: [string, RegExp][] = [
      ['http://127.0.0.1:8080/hook', /127\.0\.0\.1/],
      ['http://10.0.0.7/hook', /10\.0\.0\.7/],
      ['http://169.254.169.254/latest/meta-data/', /169\.254\.169\.254/],
      ['http://[::1]/hook', /::1/],
      ['http://localhost:3000/hook', /loopback|127\.0\.0\.1|::1/],
      ['http://100.100.100.200/', /100\.100\.100\.200/],
      ['file:///etc/passwd', /http/],
      ['ftp://example.com/x', /http/],
      ['http://user:pw@example.com/', /password|URL/],
      ['not a url', /URL/],
    ];
    for (const [url, detail] of cases) {
      const res = await create(url);
      expect(res.statusCode, url).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      const body = res.json();
      expect(body.errors[0].field, url).toBe('url');
      expect(body.errors[0].message, url).toMatch(detail);
    }
    const zh = (await create('http://127.0.0.1/hook', 'zh-CN')).json();
    expect(zh.errors[0].message).toContain('不允许调用');
    const zhScheme = (await create('file:///etc/passwd', 'zh-CN')).json();
    expect(zhScheme.errors[0].message).toContain('http://');
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from webhook_subscriptions`.execute(t.db.kysely);
    expect(rows[0]?.n).toBe(0);
  });

  it('refuses bad events and filters too', async () => {
    const bad = async (payload: Record<string, unknown>) =>
      (
        await t.request(t.admin, {
          method: 'POST',
          url: '/api/v1/webhooks',
          payload: { name: 'x', url: 'https://93.184.216.34/h', events: ['contact.created'], ...payload },
        })
      ).json();
    expect((await bad({ events: ['contact.creatd'] })).errors[0]).toMatchObject({ field: 'events.0' });
    expect((await bad({ events: ['nothing.*'] })).errors[0]).toMatchObject({ field: 'events.0' });
    expect((await bad({ events: ['*'], filter: { name: { eq: 'x' } } })).errors[0]).toMatchObject({ field: 'filter' });
    expect((await bad({ filter: { nope: { eq: 1 } } })).errors[0]).toMatchObject({ field: 'filter' });
    expect((await bad({ filter: { name: { gt: 'x' } } })).errors[0]).toMatchObject({ field: 'filter' });
  });

  it('only administrators manage webhooks', async () => {
    const rep = await t.createUser({ role: 'Sales Rep' });
    const res = await t.request(rep, { method: 'GET', url: '/api/v1/webhooks' });
    expect(res.statusCode).toBe(403);
    expect(res.json().detail).toMatch(/administrators/);
  });

  it('checks again at connect time: a stored URL that now points at loopback is never called', async () => {
    // Arranged in the database, as if DNS had changed since the URL was saved.
    const created = await t.request(t.admin, {
      method: 'POST',
      url: '/api/v1/webhooks',
      payload: { name: 'moved', url: 'https://93.184.216.34/h', events: ['contact.created'] },
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    await sql`update webhook_subscriptions set url = ${rx.url('/moved')} where id = ${id}`.execute(t.db.kysely);
    await t.request(t.admin, { method: 'POST', url: '/api/v1/contacts', payload: { name: '钱伟' } });
    const attempt = async () => {
      const { rows } = await sql<{
        error: string | null;
      }>`select a.error from webhook_attempts a join webhook_deliveries d on d.id = a.delivery_id where d.subscription_id = ${id}`.execute(t.db.kysely);
      return rows[0];
    };
    await waitFor(async () => !!(await attempt()), 45_000, 'the refused attempt');
    expect((await attempt())?.error).toBe('refused_address');
    expect(rx.received).toHaveLength(0);
  });
});
