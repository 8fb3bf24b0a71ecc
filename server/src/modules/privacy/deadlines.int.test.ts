import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestUser } from '#test/app.ts';
import { databaseAvailable } from '#test/db.ts';
import { drainOutbox } from '#test/outbox-kit.ts';
import { runDeadlines } from './index.ts';

const DAY = 86_400_000;

/** Deadlines: the tenant's days per law, one extension with a reason, and the daily reminder and escalation run on a fixed clock. */
describe.skipIf(!databaseAvailable)('privacy request deadlines', () => {
  let t: TestApp;
  let handler: TestUser;

  const send = (user: TestUser, method: 'POST' | 'PATCH' | 'GET', url: string, payload?: object, lang = 'en') =>
    t.request(user, { method, url, headers: { 'accept-language': lang }, ...(payload ? { payload } : {}) });
  const newRequest = async (payload: object) => {
    const res = await send(t.admin, 'POST', '/api/v1/privacy/requests', payload);
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; dueAt: string };
  };
  const notes = async (user: TestUser) => {
    await drainOutbox(t);
    return (await send(user, 'GET', '/api/v1/notifications')).json().data.filter((n: { kind: string }) => n.kind.startsWith('privacy_')) as {
      kind: string;
      title: { zh: string; en: string };
      link: { id: string } | null;
    }[];
  };

  beforeAll(async () => {
    t = await createTestApp();
    handler = await t.createUser({ role: 'Sales Rep' });
  });
  afterAll(() => t?.close());

  it('takes the deadline days from the tenant settings and refuses bad settings with nothing written', async () => {
    expect((await send(t.admin, 'GET', '/api/v1/privacy/settings')).json()).toEqual({ piplDays: 15, gdprDays: 30, remindDays: 3 });
    const bad = await send(t.admin, 'PATCH', '/api/v1/privacy/settings', { gdprDays: 0, remindDays: 200 }, 'zh-CN');
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.json().errors).toEqual([
      { field: 'gdprDays', message: '不能小于 1' },
      { field: 'remindDays', message: '不能大于 30' },
    ]);
    expect((await send(t.admin, 'GET', '/api/v1/privacy/settings')).json().gdprDays).toBe(30);
    expect((await send(handler, 'PATCH', '/api/v1/privacy/settings', { gdprDays: 20 })).statusCode).toBe(403);

    expect((await send(t.admin, 'PATCH', '/api/v1/privacy/settings', { gdprDays: 45 })).json()).toEqual({ piplDays: 15, gdprDays: 45, remindDays: 3 });
    const gdpr = await newRequest({ kind: 'access', law: 'gdpr', subjectEmail: 'a@example.com', receivedAt: '2026-12-01T08:00:00Z' });
    expect(gdpr.dueAt).toBe('2027-01-15T08:00:00.000Z');
    const pipl = await newRequest({ kind: 'access', subjectEmail: 'b@example.com', receivedAt: '2026-12-01T08:00:00Z' });
    expect(pipl.dueAt).toBe('2026-12-16T08:00:00.000Z');
  });

  it('extends a deadline once, with a reason, audited', async () => {
    const r = await newRequest({ kind: 'erasure', subjectEmail: 'c@example.com', receivedAt: '2026-12-01T08:00:00Z' });
    const url = `/api/v1/privacy/requests/${r.id}/extend`;
    const noReason = await send(t.admin, 'POST', url, { days: 10, reason: ' ' }, 'zh-CN');
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors).toEqual([{ field: 'reason', message: '必填' }]);
    expect((await send(t.admin, 'POST', url, { days: 0, reason: 'x' })).statusCode).toBe(400);
    expect((await send(t.admin, 'POST', url, { days: 90, reason: 'x' })).statusCode).toBe(400);
    expect((await send(t.admin, 'GET', `/api/v1/privacy/requests/${r.id}`)).json()).toMatchObject({ dueAt: r.dueAt, extension: null });

    const extended = await send(t.admin, 'POST', url, { days: 30, reason: 'Complex request, many systems' });
    expect(extended.statusCode, extended.body).toBe(200);
    expect(extended.json()).toMatchObject({ dueAt: '2027-01-15T08:00:00.000Z', extension: { reason: 'Complex request, many systems' } });
    const again = await send(t.admin, 'POST', url, { days: 5, reason: 'More' });
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toContain('already extended once (Complex request, many systems)');
    const trail = (await send(t.admin, 'GET', `/api/v1/audit-log/privacy_request/${r.id}`)).json().data.map((e: { action: string }) => e.action);
    expect(trail).toEqual(['extended', 'created']);
    const closed = await newRequest({ kind: 'correction', subjectEmail: 'd@example.com' });
    await send(t.admin, 'PATCH', `/api/v1/privacy/requests/${closed.id}`, { status: 'completed' });
    expect((await send(t.admin, 'POST', `/api/v1/privacy/requests/${closed.id}/extend`, { days: 5, reason: 'x' })).statusCode).toBe(409);
  });

  it('reminds the handler before the due date and escalates overdue requests to the admins, once per day', async () => {
    const now = new Date('2027-03-10T01:11:00Z');
    const received = (daysLeft: number) => new Date(now.getTime() - (15 - daysLeft) * DAY).toISOString();
    const soon = await newRequest({ kind: 'access', subjectEmail: 'soon@example.com', receivedAt: received(2), handlerId: handler.id });
    const late = await newRequest({ kind: 'erasure', subjectEmail: 'late@example.com', receivedAt: received(-1), handlerId: handler.id });
    const later = await newRequest({ kind: 'access', subjectEmail: 'later@example.com', receivedAt: received(10), handlerId: handler.id });
    const tenantId = t.admin.tenantId;

    // Earlier requests of this file are long overdue on this clock: only these three are looked at.
    const first = await runDeadlines({ deps: t.deps, now, tenantId });
    expect(first.reminded).toBe(1);
    const mine = await notes(handler);
    expect(mine.filter((n) => n.link?.id === soon.id).map((n) => n.kind)).toEqual(['privacy_due']);
    expect(mine.filter((n) => n.link?.id === late.id).map((n) => n.kind)).toEqual(['privacy_overdue']);
    expect(mine.some((n) => n.link?.id === later.id)).toBe(false);
    expect(mine.find((n) => n.link?.id === late.id)?.title.zh).toContain('逾期');
    const admins = await notes(t.admin);
    expect(admins.filter((n) => n.link?.id === late.id).map((n) => n.kind)).toEqual(['privacy_overdue']);
    expect(admins.some((n) => n.link?.id === soon.id)).toBe(false);

    // The same day again (a retried job): nothing new.
    const count = (await notes(handler)).length + (await notes(t.admin)).length;
    expect(await runDeadlines({ deps: t.deps, now: new Date(now.getTime() + 3_600_000), tenantId })).toEqual({ reminded: 0, escalated: 0 });
    expect((await notes(handler)).length + (await notes(t.admin)).length).toBe(count);
    // The next day: reminded and escalated again.
    const next = await runDeadlines({ deps: t.deps, now: new Date(now.getTime() + DAY), tenantId });
    expect(next.reminded).toBe(1);
    expect((await notes(handler)).filter((n) => n.link?.id === late.id)).toHaveLength(2);
    // A completed request is left alone.
    await send(t.admin, 'PATCH', `/api/v1/privacy/requests/${late.id}`, { status: 'rejected' });
    await runDeadlines({ deps: t.deps, now: new Date(now.getTime() + 2 * DAY), tenantId });
    expect((await notes(handler)).filter((n) => n.link?.id === late.id)).toHaveLength(2);
  });
});
