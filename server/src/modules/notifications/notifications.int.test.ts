import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTenant } from '#db/tx.ts';
import { startTestSmtp, type TestSmtp } from '#test/smtp-kit.ts';
import type { RunningJobs } from '#platform/jobs/start-jobs.ts';
import { createTestApp, type TestApp, type TestUser } from '#test/app.ts';
import { databaseAvailable } from '#test/db.ts';
import { FAST, startJobs, waitFor } from '#test/jobs-kit.ts';
import { bilingual, notify } from './notify.service.ts';

describe.skipIf(!databaseAvailable)('notifications', () => {
  let t: TestApp;
  let rep: TestUser;
  let other: TestUser;
  const get = async (user: TestUser, url: string) => {
    const res = await t.request(user, { method: 'GET', url });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const unread = async (user: TestUser) => (await get(user, '/api/v1/notifications/unread-count')).unread as number;

  beforeAll(async () => {
    t = await createTestApp();
    rep = await t.createUser({ name: '王小明', email: 'xiaoming@acme.test' });
    other = await t.createUser({ name: 'Other', email: 'other@acme.test' });
  });
  afterAll(() => t?.close());

  it('lists, counts and marks a user’s own notifications read; others’ stay out of reach', async () => {
    const ids = await inTenant(t.db.kysely, t.admin.tenantId, async (tx) => {
      const a = await notify({ tx, tenantId: t.admin.tenantId, userIds: [rep.id], kind: 'system', title: { zh: '第一条', en: 'First' } });
      const b = await notify({
        tx,
        tenantId: t.admin.tenantId,
        userIds: [rep.id, rep.id, null],
        kind: 'system',
        title: { zh: '第二条', en: 'Second' },
        link: { object: 'contact', id: rep.id },
      });
      return [...a, ...b];
    });
    expect(ids).toHaveLength(2);
    expect(await unread(rep)).toBe(2);
    expect(await unread(other)).toBe(0);
    const page = await get(rep, '/api/v1/notifications');
    expect(page.data.map((n: { title: { en: string } }) => n.title.en)).toEqual(['Second', 'First']);
    expect(page.data[0]).toMatchObject({ kind: 'system', link: { object: 'contact' }, readAt: null });
    // Someone else's notification is not theirs to mark.
    expect((await t.request(other, { method: 'POST', url: `/api/v1/notifications/${ids[0]}/read` })).statusCode).toBe(404);
    const one = await t.request(rep, { method: 'POST', url: `/api/v1/notifications/${ids[0]}/read` });
    expect(one.json()).toEqual({ marked: 1, unread: 1 });
    expect((await get(rep, '/api/v1/notifications?unread=true')).data).toHaveLength(1);
    const all = await t.request(rep, { method: 'POST', url: '/api/v1/notifications/read-all' });
    expect(all.json()).toEqual({ marked: 1, unread: 0 });
  });

  it('notifies once per dedupe key, and not at all for a kind the user turned off', async () => {
    const send = () =>
      inTenant(t.db.kysely, t.admin.tenantId, (tx) =>
        notify({ tx, tenantId: t.admin.tenantId, userIds: [other.id], kind: 'workflow', title: { zh: '规则', en: 'Rule' }, dedupeKey: 'run-1' }),
      );
    expect(await send()).toHaveLength(1);
    expect(await send()).toHaveLength(0);
    const put = await t.request(other, {
      method: 'PUT',
      url: '/api/v1/notification-preferences',
      payload: { preferences: [{ kind: 'workflow', channel: 'none' }] },
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json().data).toContainEqual({ kind: 'workflow', channel: 'none' });
    expect(put.json().data).toContainEqual({ kind: 'task_reminder', channel: 'in_app' });
    const before = await unread(other);
    await inTenant(t.db.kysely, t.admin.tenantId, (tx) =>
      notify({ tx, tenantId: t.admin.tenantId, userIds: [other.id], kind: 'workflow', title: { zh: '规则', en: 'Rule' } }),
    );
    expect(await unread(other)).toBe(before);
    const bad = await t.request(other, {
      method: 'PUT',
      url: '/api/v1/notification-preferences',
      headers: { 'accept-language': 'zh-CN' },
      payload: { preferences: [{ kind: 'workflow', channel: 'pigeon' }] },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
  });

  it('e-mails a user who chose e-mail for a kind, in their language, through the SMTP server', async () => {
    const smtp: TestSmtp = await startTestSmtp();
    let jobs: RunningJobs | undefined;
    try {
      const put = await t.request(t.admin, {
        method: 'PUT',
        url: '/api/v1/mail/settings',
        payload: { host: '127.0.0.1', port: smtp.port, from: 'Kehu <kehu@acme.test>' },
      });
      expect(put.statusCode, put.body).toBe(200);
      await sql`update users set locale = 'en' where id = ${other.id}`.execute(t.db.kysely);
      await t.request(rep, { method: 'PUT', url: '/api/v1/notification-preferences', payload: { preferences: [{ kind: 'deal_overdue', channel: 'email' }] } });
      await t.request(other, {
        method: 'PUT',
        url: '/api/v1/notification-preferences',
        payload: { preferences: [{ kind: 'deal_overdue', channel: 'email' }] },
      });
      jobs = await startJobs(t.deps, FAST);
      await inTenant(t.db.kysely, t.admin.tenantId, (tx) =>
        notify({
          tx,
          tenantId: t.admin.tenantId,
          userIds: [rep.id, other.id],
          kind: 'deal_overdue',
          title: bilingual('deal_overdue_title', { name: '年度合同' }),
          body: bilingual('deal_overdue_body', { date: '2026-12-01' }),
        }),
      );
      await waitFor(() => smtp.received.length === 2, 15_000, 'two e-mails');
      const toOf = (m: (typeof smtp.received)[number]) => (m.to && !Array.isArray(m.to) ? m.to.value[0]?.address : null);
      const zh = smtp.received.find((m) => toOf(m) === 'xiaoming@acme.test');
      const en = smtp.received.find((m) => toOf(m) === 'other@acme.test');
      expect(zh?.subject).toBe('商机 年度合同 已超过预计成交日期');
      expect(zh?.text).toContain('预计成交日期为 2026-12-01');
      expect(en?.subject).toBe('Deal 年度合同 is past its expected close date');
      expect(en?.headers.get('content-language')).toBe('en');
    } finally {
      await jobs?.stop();
      await smtp.close();
    }
  });
});
