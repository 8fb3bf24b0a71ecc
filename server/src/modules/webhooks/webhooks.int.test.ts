import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '#test/app.ts';
import { databaseAvailable } from '#test/db.ts';
import { FAST, pause, startJobs, waitFor } from '#test/jobs-kit.ts';
import type { RunningJobs } from '#platform/jobs/start-jobs.ts';
import { inTenant } from '#db/tx.ts';
import { jobsOf } from '#platform/jobs/job-registry.ts';
import { deliveryJobId } from '#platform/events/relay.ts';
import { docsVerifier, type Receiver, startReceiver } from './webhooks.test-kit.ts';

// Read when the app is built: a local receiver, quick retries and timeouts, a short failure streak.
process.env.KEHU_WEBHOOK_ALLOW_PRIVATE = '1';
process.env.KEHU_WEBHOOK_RETRY_SECONDS = '1';
process.env.KEHU_WEBHOOK_TIMEOUT_MS = '5000'; // the receiver shares its event loop with PGlite: not too short
process.env.KEHU_WEBHOOK_MAX_ATTEMPTS = '3';
process.env.KEHU_WEBHOOK_DISABLE_AFTER = '3';
process.env.KEHU_WEBHOOK_DISABLE_AFTER_SECONDS = '0';

type Delivery = { id: string; status: string; attempts: number; eventId: string; lastError: string | null; lastStatus: number | null };

// Deliveries cross two queues and a real socket: allow a loaded CI box its time.
describe.skipIf(!databaseAvailable)('webhooks: signed, retried, logged deliveries to a real receiver', { timeout: 120_000 }, () => {
  let t: TestApp;
  let rx: Receiver;
  let jobs: RunningJobs;
  let verify: Awaited<ReturnType<typeof docsVerifier>>;

  beforeAll(async () => {
    t = await createTestApp();
    rx = await startReceiver();
    verify = await docsVerifier();
    jobs = await startJobs(t.deps, FAST);
  });
  afterAll(async () => {
    await jobs?.stop();
    await rx?.close();
    await t?.close();
  });

  const createWebhook = async (path: string, events: string[], extra: Record<string, unknown> = {}) => {
    const res = await t.request(t.admin, { method: 'POST', url: '/api/v1/webhooks', payload: { name: `hook ${path}`, url: rx.url(path), events, ...extra } });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; secret: string };
  };
  const createContact = async (payload: Record<string, unknown>) => {
    const res = await t.request(t.admin, { method: 'POST', url: '/api/v1/contacts', payload });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; version: number };
  };
  const deliveries = async (hookId: string): Promise<Delivery[]> =>
    (await t.request(t.admin, { method: 'GET', url: `/api/v1/webhooks/${hookId}/deliveries?limit=200` })).json().data;
  const at = (path: string) => rx.received.filter((r) => r.path === path);

  it('delivers each event exactly once, signed so the documented snippet verifies it, with the record as the API returns it', async () => {
    const hook = await createWebhook('/ok', ['contact.created', 'contact.updated']);
    expect(hook.secret).toMatch(/^whsec_/);
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await createContact({ name: `张伟 ${i}`, title: '北京' })).id);
    for (const id of ids) {
      const res = await t.request(t.admin, { method: 'PATCH', url: `/api/v1/contacts/${id}`, payload: { title: '上海' } });
      expect(res.statusCode, res.body).toBe(200);
    }
    await waitFor(() => at('/ok').length >= 10, 45_000, 'ten deliveries');
    await pause(1500); // more polls: a second delivery of any event would show now
    const got = at('/ok');
    expect(got).toHaveLength(10);
    const events = got.map(
      (r) => JSON.parse(r.body) as { id: string; type: string; objectId: string; data: { id: string; title: string }; changedFields?: string[] },
    );
    expect(new Set(events.map((e) => e.id)).size).toBe(10);
    expect(
      events
        .filter((e) => e.type === 'contact.created')
        .map((e) => e.objectId)
        .sort(),
    ).toEqual([...ids].sort());
    const updated = events.find((e) => e.type === 'contact.updated' && e.objectId === ids[0]);
    expect(updated?.changedFields).toEqual(['title']);
    const asApi = (await t.request(t.admin, { method: 'GET', url: `/api/v1/contacts/${ids[0]}` })).json();
    expect(updated?.data).toEqual(asApi);

    const first = got[0] as (typeof got)[number];
    const header = String(first.headers['kehu-signature']);
    expect(header).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(first.headers['kehu-event-id']).toBe(JSON.parse(first.body).id);
    expect(verify(first.body, header, hook.secret)).toBe(true);
    expect(verify(Buffer.from(first.body), header, hook.secret)).toBe(true);
    expect(verify(first.body.replace('北京', '广州').replace('上海', '广州'), header, hook.secret)).toBe(false);
    expect(verify(`${first.body} `, header, hook.secret)).toBe(false);
    expect(verify(first.body, header, 'whsec_someone-else')).toBe(false);

    const log = await deliveries(hook.id);
    expect(log).toHaveLength(10);
    expect(log.every((d) => d.status === 'delivered' && d.attempts === 1 && d.lastStatus === 200)).toBe(true);
    const detail = (await t.request(t.admin, { method: 'GET', url: `/api/v1/webhook-deliveries/${log[0]?.id}` })).json();
    expect(detail.attemptLog).toHaveLength(1);
    expect(detail.attemptLog[0]).toMatchObject({ attempt: 1, manual: false, responseStatus: 200, error: null });
    expect(detail.attemptLog[0].responseBody).toContain('收到');
    expect(detail.attemptLog[0].requestHeaders['kehu-signature']).toMatch(/^t=/);
    expect(JSON.parse(detail.requestBody).id).toBe(detail.eventId);
  });

  it('retries a 500 with growing delays until the receiver recovers', async () => {
    rx.on('/flaky', [500, 500, 200]);
    const hook = await createWebhook('/flaky', ['contact.created']);
    await createContact({ name: '李娜' });
    await waitFor(async () => (await deliveries(hook.id))[0]?.status === 'delivered', 45_000, 'the third attempt');
    const times = at('/flaky').map((r) => r.at);
    expect(times).toHaveLength(3);
    const [a = 0, b = 0, c = 0] = times;
    // KEHU_WEBHOOK_RETRY_SECONDS=1: about 1 s, then about 2 s (±10 %), plus the queue's poll.
    expect(b - a).toBeGreaterThanOrEqual(850);
    expect(c - b).toBeGreaterThanOrEqual(1750);
    const [d] = await deliveries(hook.id);
    expect(d).toMatchObject({ status: 'delivered', attempts: 3, lastStatus: 200 });
    const detail = (await t.request(t.admin, { method: 'GET', url: `/api/v1/webhook-deliveries/${d?.id}` })).json();
    expect(detail.attemptLog.map((x: { responseStatus: number }) => x.responseStatus)).toEqual([500, 500, 200]);
  });

  it('switches a webhook off when the receiver answers 410, and says so with an event', async () => {
    rx.on('/gone', 410);
    const hook = await createWebhook('/gone', ['contact.created']);
    await createContact({ name: '王芳' });
    await waitFor(async () => (await deliveries(hook.id))[0]?.status === 'failed', 45_000, 'the 410');
    const after = (await t.request(t.admin, { method: 'GET', url: `/api/v1/webhooks/${hook.id}` })).json();
    expect(after).toMatchObject({ isActive: false, disabledReason: 'gone' });
    expect(at('/gone')).toHaveLength(1);
    const { rows } = await sql<{ payload: { reason: string } }>`select payload from outbox where type = 'webhook.disabled' and object_id = ${hook.id}`.execute(
      t.db.kysely,
    );
    expect(rows.map((r) => r.payload.reason)).toEqual(['gone']);
    const told = await sql<{ user_id: string; title: { zh: string; en: string } }>`select user_id, title from notifications where kind = 'webhook'`.execute(
      t.db.kysely,
    );
    expect(told.rows).toEqual([{ user_id: t.admin.id, title: { zh: 'Webhook hook /gone 已停用', en: 'Webhook hook /gone was switched off' } }]);
    await createContact({ name: '不再发送' });
    await pause(1500);
    expect(at('/gone')).toHaveLength(1);
  });

  it('gives up on a hanging receiver after the timeout, stays responsive, and switches off after consecutive failures', async () => {
    rx.on('/hang', 'hang');
    const hook = await createWebhook('/hang', ['contact.created']);
    await createContact({ name: '赵强' });
    await waitFor(async () => (await deliveries(hook.id))[0]?.status === 'failed', 45_000, 'three timeouts');
    const health = await t.request(null, { method: 'GET', url: '/api/health' });
    expect(health.statusCode).toBe(200);
    const [d] = await deliveries(hook.id);
    expect(d).toMatchObject({ attempts: 3, lastError: 'timeout', lastStatus: null });
    const detail = (await t.request(t.admin, { method: 'GET', url: `/api/v1/webhook-deliveries/${d?.id}` })).json();
    for (const a of detail.attemptLog) {
      expect(a.error).toBe('timeout');
      expect(a.durationMs).toBeGreaterThanOrEqual(4900);
      expect(a.durationMs).toBeLessThan(9000);
    }
    // KEHU_WEBHOOK_DISABLE_AFTER=3: the third failure in a row switched it off.
    const after = (await t.request(t.admin, { method: 'GET', url: `/api/v1/webhooks/${hook.id}` })).json();
    expect(after).toMatchObject({ isActive: false, disabledReason: 'failing', consecutiveFailures: 3 });
  });

  it('reads at most 64 KB of a 50 MB answer and keeps 4 KB of it', async () => {
    rx.on('/huge', 'huge');
    const hook = await createWebhook('/huge', ['contact.created']);
    await createContact({ name: '孙丽' });
    await waitFor(async () => (await deliveries(hook.id))[0]?.status === 'delivered', 45_000, 'the huge answer');
    const [d] = await deliveries(hook.id);
    const detail = (await t.request(t.admin, { method: 'GET', url: `/api/v1/webhook-deliveries/${d?.id}` })).json();
    expect(detail.attemptLog[0]).toMatchObject({ responseStatus: 200, responseTruncated: true });
    expect(detail.attemptLog[0].responseBody).toHaveLength(4096);
    await pause(300);
    expect(rx.hugeBytesWritten()).toBeLessThan(20 * 1024 * 1024); // the sender stopped long before 50 MB
    expect(process.memoryUsage().rss).toBeLessThan(2 * 1024 ** 3);
  });

  it('replays a failed delivery by hand, signed afresh, and marks it delivered', async () => {
    rx.on('/later', 503);
    const hook = await createWebhook('/later', ['contact.created']);
    await t.request(t.admin, { method: 'PATCH', url: `/api/v1/webhooks/${hook.id}`, payload: { name: 'later' } });
    await createContact({ name: '周杰' });
    await waitFor(async () => (await deliveries(hook.id))[0]?.status === 'failed', 45_000, 'the retries to run out');
    rx.on('/later', 200);
    const [d] = await deliveries(hook.id);
    const replay = await t.request(t.admin, { method: 'POST', url: `/api/v1/webhook-deliveries/${d?.id}/replay` });
    expect(replay.statusCode, replay.body).toBe(200);
    expect(replay.json()).toMatchObject({ manual: true, responseStatus: 200, attempt: 4 });
    expect((await deliveries(hook.id))[0]).toMatchObject({ status: 'delivered' });
    const last = at('/later').at(-1);
    expect(verify(last?.body ?? '', String(last?.headers['kehu-signature']), hook.secret)).toBe(true);
  });

  it('rotates the secret with an overlap: both signatures go out until the old one expires', async () => {
    const hook = await createWebhook('/rotate', ['contact.created']);
    const rotated = await t.request(t.admin, { method: 'POST', url: `/api/v1/webhooks/${hook.id}/rotate-secret`, payload: { overlapHours: 24 } });
    expect(rotated.statusCode, rotated.body).toBe(200);
    const { secret, previousSecretExpiresAt } = rotated.json();
    expect(secret).not.toBe(hook.secret);
    expect(Date.parse(previousSecretExpiresAt)).toBeGreaterThan(Date.now() + 23 * 3600_000);
    const revealed = (await t.request(t.admin, { method: 'GET', url: `/api/v1/webhooks/${hook.id}/secret` })).json();
    expect(revealed.secret).toBe(secret);
    await createContact({ name: '吴敏' });
    await waitFor(() => at('/rotate').length === 1, 45_000, 'the delivery');
    const r = at('/rotate')[0] as (typeof rx.received)[number];
    const header = String(r.headers['kehu-signature']);
    expect(header.match(/v1=/g)).toHaveLength(2);
    expect(verify(r.body, header, secret)).toBe(true);
    expect(verify(r.body, header, hook.secret)).toBe(true);
    // Without overlap the old secret stops at once.
    await t.request(t.admin, { method: 'POST', url: `/api/v1/webhooks/${hook.id}/rotate-secret`, payload: { overlapHours: 0 } });
    await createContact({ name: '郑洁' });
    await waitFor(() => at('/rotate').length === 2, 45_000, 'the second delivery');
    expect(String(at('/rotate')[1]?.headers['kehu-signature']).match(/v1=/g)).toHaveLength(1);
    const { rows } = await sql<{ secret_sealed: string }>`select secret_sealed from webhook_subscriptions where id = ${hook.id}`.execute(t.db.kysely);
    expect(rows[0]?.secret_sealed).toMatch(/^v1:/);
    expect(rows[0]?.secret_sealed).not.toContain('whsec_');
  });

  it('queues a job inside a tenant transaction and stays under row-level security afterwards', async () => {
    const roles = await inTenant(t.db.kysely, t.admin.tenantId, async (tx) => {
      const before = (await sql<{ u: string }>`select current_user as u`.execute(tx)).rows[0]?.u;
      expect(await jobsOf(t.deps).sendInTx(tx, 'webhooks-probe', { x: 1 })).toBe(true);
      const after = (await sql<{ u: string }>`select current_user as u`.execute(tx)).rows[0]?.u;
      return [before, after];
    });
    expect(roles).toEqual(['kehu_app', 'kehu_app']);
  });

  it('gives no job to events of tenants without an active webhook', async () => {
    await createWebhook('/subscribed', ['contact.created']);
    const other = await t.createTenant('quiet');
    const res = await t.request(other, { method: 'POST', url: '/api/v1/contacts', payload: { name: '无人订阅' } });
    expect(res.statusCode, res.body).toBe(201);
    await createContact({ name: '有人订阅' });
    const events = async () =>
      (
        await sql<{
          id: string;
          tenant_id: string;
          published_at: Date | null;
        }>`select id, tenant_id, published_at from outbox where type = 'contact.created' order by id desc limit 2`.execute(t.db.kysely)
      ).rows;
    await waitFor(async () => (await events()).every((e) => e.published_at !== null), 45_000, 'the relay');
    const jobs = new Map<string, boolean>();
    for (const e of await events()) {
      const { rows } = await sql`select 1 from pgboss.job where id = ${deliveryJobId(e.id, 'webhooks')}`.execute(t.db.kysely);
      jobs.set(e.tenant_id, rows.length > 0);
    }
    expect(Object.fromEntries(jobs)).toEqual({ [other.tenantId]: false, [t.admin.tenantId]: true });
  });

  it('sends only records passing the filter', async () => {
    const hook = await createWebhook('/filtered', ['contact.*'], { filter: { title: { eq: '深圳' } } });
    await createContact({ name: '不在深圳', title: '北京' });
    const inside = await createContact({ name: '在深圳', title: '深圳' });
    await waitFor(() => at('/filtered').length >= 1, 45_000, 'the matching delivery');
    await pause(1500);
    expect(at('/filtered').map((r) => JSON.parse(r.body).objectId)).toEqual([inside.id]);
    expect((await deliveries(hook.id)).length).toBe(1);
  });
});
