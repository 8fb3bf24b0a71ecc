import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '#test/app.ts';
import { databaseAvailable } from '#test/db.ts';

type Activity = { id: string; type: string; companyId: string | null; contactId: string | null; doneAt: string | null; version: number } & Record<
  string,
  unknown
>;

describe.skipIf(!databaseAvailable)('activities API', () => {
  let t: TestApp;
  let companyId: string;
  let contactId: string;
  const count = async () => (await sql<{ n: number }>`select count(*)::int as n from activities`.execute(t.db.kysely)).rows[0]?.n;
  const post = (payload: Record<string, unknown>) => t.request(t.admin, { method: 'POST', url: '/api/v1/activities', payload });

  beforeAll(async () => {
    t = await createTestApp();
    companyId = (await t.request(t.admin, { method: 'POST', url: '/api/v1/companies', payload: { name: '上海云帆' } })).json().id;
    contactId = (await t.request(t.admin, { method: 'POST', url: '/api/v1/contacts', payload: { name: '李娜', companyId } })).json().id;
  });
  afterAll(() => t?.close());

  it('creates each type; a contact-only activity links the contact’s company too', async () => {
    const payloads = [
      { type: 'note', subject: '初次拜访纪要', body: '客户关注价格', contactId },
      { type: 'call', subject: 'Follow-up call', contactId, outcome: 'connected', durationSeconds: 320, direction: 'out' },
      { type: 'meeting', subject: 'Demo', companyId, startsAt: '2026-11-20T02:00:00Z', endsAt: '2026-11-20T03:00:00Z', location: '会议室 A' },
      { type: 'email', subject: 'Re: 报价', contactId, direction: 'in', body: '收到，谢谢' },
      { type: 'task', subject: '发送合同', contactId, dueAt: '2026-12-01T09:00:00+08:00', remindAt: '2026-12-01T08:00:00+08:00' },
    ];
    for (const payload of payloads) {
      const res = await post(payload);
      expect(res.statusCode, res.body).toBe(201);
      const a = res.json() as Activity;
      expect(a).toMatchObject({ type: payload.type, subject: payload.subject, companyId, version: 1, doneAt: null });
      if (payload.contactId) expect(a).toMatchObject({ contactId, contact: { id: contactId, name: '李娜' }, company: { name: '上海云帆' } });
    }
    const meeting = (await t.request(t.admin, { method: 'GET', url: `/api/v1/activities?filter=${encodeURIComponent('{"type":"meeting"}')}` })).json().data[0];
    expect(meeting).toMatchObject({ occurredAt: '2026-11-20T02:00:00.000Z', endsAt: '2026-11-20T03:00:00.000Z', location: '会议室 A' });
  });

  // Payloads are built in the test, once the contact exists.
  const bad: [string, () => Record<string, unknown>, string[]][] = [
    ['no link', () => ({ type: 'note', subject: 'x' }), ['contactId']],
    ['an unknown type', () => ({ type: 'fax', subject: 'x', contactId }), ['type']],
    ['a task without due time', () => ({ type: 'task', subject: 'x', contactId }), ['dueAt']],
    [
      'a reminder after the due time',
      () => ({ type: 'task', subject: 'x', contactId, dueAt: '2026-12-01T09:00:00Z', remindAt: '2026-12-02T09:00:00Z' }),
      ['remindAt'],
    ],
    [
      'a meeting ending before it starts',
      () => ({ type: 'meeting', subject: 'x', contactId, startsAt: '2026-11-20T03:00:00Z', endsAt: '2026-11-20T02:00:00Z' }),
      ['endsAt'],
    ],
    ['a meeting without start', () => ({ type: 'meeting', subject: 'x', contactId }), ['startsAt']],
    [
      'a negative duration and an unknown outcome',
      () => ({ type: 'call', subject: 'x', contactId, durationSeconds: -5, outcome: 'angry' }),
      ['durationSeconds', 'outcome'],
    ],
    ['an email without direction', () => ({ type: 'email', subject: 'x', contactId }), ['direction']],
    ['a note with a duration', () => ({ type: 'note', subject: 'x', contactId, durationSeconds: 10 }), ['durationSeconds']],
    ['an empty subject and a bad date', () => ({ type: 'note', subject: '', contactId, occurredAt: 'yesterday' }), ['subject', 'occurredAt']],
    ['an unknown contact', () => ({ type: 'note', subject: 'x', contactId: '01a20941-b1ab-74b1-8288-a371e738a758' }), ['contactId']],
  ];
  for (const [label, payload, fields] of bad) {
    it(`refuses ${label} with per-field errors and writes nothing`, async () => {
      const before = await count();
      const res = await post(payload());
      expect(res.statusCode, res.body).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(
        res
          .json()
          .errors.map((e: { field: string }) => e.field)
          .sort(),
      ).toEqual([...fields].sort());
      expect(await count()).toBe(before);
    });
  }

  it('explains cross-field problems in the caller’s language', async () => {
    const payload = { type: 'meeting', subject: 'x', contactId, startsAt: '2026-11-20T03:00:00Z', endsAt: '2026-11-20T02:00:00Z' };
    const en = await post(payload);
    expect(en.json().errors).toEqual([{ field: 'endsAt', message: 'Must be after the start' }]);
    const zh = await t.request(t.admin, { method: 'POST', url: '/api/v1/activities', headers: { 'accept-language': 'zh-CN' }, payload });
    expect(zh.json().errors).toEqual([{ field: 'endsAt', message: '必须晚于开始时间' }]);
  });

  it('checks a PATCH against the activity’s type and the merged record', async () => {
    const task = (await post({ type: 'task', subject: 'Call back', contactId, dueAt: '2026-12-01T09:00:00Z' })).json() as Activity;
    const late = await t.request(t.admin, { method: 'PATCH', url: `/api/v1/activities/${task.id}`, payload: { remindAt: '2026-12-01T10:00:00Z' } });
    expect(late.json().errors).toEqual([{ field: 'remindAt', message: 'Must not be after the due time' }]);
    const foreign = await t.request(t.admin, { method: 'PATCH', url: `/api/v1/activities/${task.id}`, payload: { location: 'x' } });
    expect(foreign.json().errors.map((e: { field: string }) => e.field)).toEqual(['location']);
    const unlinked = await t.request(t.admin, { method: 'PATCH', url: `/api/v1/activities/${task.id}`, payload: { contactId: null, companyId: null } });
    expect(unlinked.json().errors.map((e: { field: string }) => e.field)).toEqual(['contactId']);
    const ok = await t.request(t.admin, { method: 'PATCH', url: `/api/v1/activities/${task.id}`, payload: { remindAt: '2026-12-01T08:00:00Z' } });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().version).toBe(2);
  });

  it('completes and reopens a task; open tasks filter with doneAt isEmpty', async () => {
    const task = (await post({ type: 'task', subject: '寄样品', contactId, dueAt: '2026-12-03T09:00:00Z' })).json() as Activity;
    const open = async () =>
      (
        await t.request(t.admin, {
          method: 'GET',
          url: `/api/v1/activities?filter=${encodeURIComponent(JSON.stringify({ type: 'task', doneAt: { isEmpty: true } }))}&limit=100`,
        })
      )
        .json()
        .data.map((a: Activity) => a.id);
    expect(await open()).toContain(task.id);
    const done = await t.request(t.admin, { method: 'POST', url: `/api/v1/activities/${task.id}/complete` });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().doneAt).toEqual(expect.any(String));
    expect(await open()).not.toContain(task.id);
    const again = await t.request(t.admin, { method: 'POST', url: `/api/v1/activities/${task.id}/complete` });
    expect(again.json()).toMatchObject({ doneAt: done.json().doneAt, version: done.json().version });
    const reopened = await t.request(t.admin, { method: 'POST', url: `/api/v1/activities/${task.id}/reopen` });
    expect(reopened.json().doneAt).toBeNull();
    expect(await open()).toContain(task.id);
    const { rows } = await sql<{ action: string }>`select action from audit_log where object_id = ${task.id} order by id`.execute(t.db.kysely);
    expect(rows.map((r) => r.action)).toEqual(['created', 'completed', 'reopened']); // the PATCH below adds 'updated'
    // The web ticks a task off with a PATCH of doneAt; only tasks have it.
    const ticked = await t.request(t.admin, { method: 'PATCH', url: `/api/v1/activities/${task.id}`, payload: { doneAt: '2026-11-23T10:00:00Z' } });
    expect(ticked.json().doneAt).toBe('2026-11-23T10:00:00.000Z');
    expect(await open()).not.toContain(task.id);
    const note = (await post({ type: 'note', subject: 'n', contactId })).json() as Activity;
    const noteDone = await t.request(t.admin, { method: 'PATCH', url: `/api/v1/activities/${note.id}`, payload: { doneAt: '2026-11-23T10:00:00Z' } });
    expect(noteDone.json().errors).toEqual([{ field: 'doneAt', message: 'A note has no such field' }]);
    expect((await t.request(t.admin, { method: 'POST', url: `/api/v1/activities/${note.id}/complete` })).statusCode).toBe(400);
  });

  it('keeps last_activity_at of the contact and company current, without touching their version', async () => {
    const fresh = (await t.request(t.admin, { method: 'POST', url: '/api/v1/contacts', payload: { name: 'Wang Fang', companyId } })).json();
    expect(fresh.lastActivityAt).toBeNull();
    const note = (await post({ type: 'note', subject: 'met at expo', contactId: fresh.id, occurredAt: '2026-11-01T08:00:00Z' })).json() as Activity;
    const after = (await t.request(t.admin, { method: 'GET', url: `/api/v1/contacts/${fresh.id}` })).json();
    expect(after).toMatchObject({ lastActivityAt: '2026-11-01T08:00:00.000Z', version: 1 });
    const company = (await t.request(t.admin, { method: 'GET', url: `/api/v1/companies/${companyId}` })).json();
    expect(Date.parse(company.lastActivityAt)).toBeGreaterThanOrEqual(Date.parse('2026-11-01T08:00:00Z'));
    expect((await t.request(t.admin, { method: 'DELETE', url: `/api/v1/activities/${note.id}` })).statusCode).toBe(204);
    expect((await t.request(t.admin, { method: 'GET', url: `/api/v1/contacts/${fresh.id}` })).json().lastActivityAt).toBeNull();
  });

  it('emits activity events through the outbox', async () => {
    const { rows } = await sql<{ type: string }>`select distinct type from outbox where object_type = 'activity' order by type`.execute(t.db.kysely);
    expect(rows.map((r) => r.type)).toEqual(['activity.completed', 'activity.created', 'activity.deleted', 'activity.reopened', 'activity.updated']);
  });

  it('documents the endpoints in the OpenAPI document', async () => {
    const doc = (await t.request(t.admin, { method: 'GET', url: '/api/openapi.json' })).json();
    for (const path of ['/api/v1/activities', '/api/v1/activities/{id}/complete', '/api/v1/contacts/{id}/timeline', '/api/v1/companies/{id}/timeline'])
      expect(doc.paths).toHaveProperty([path]);
  });
});
