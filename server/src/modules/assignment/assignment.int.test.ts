import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTenant } from '#db/tx.ts';
import { createTestApp, reopenTestApp, type TestApp, type TestUser } from '#test/app.ts';
import { databaseAvailable } from '#test/db.ts';
import { drainOutbox } from '#test/outbox-kit.ts';
import { systemAssign } from './assign.service.ts';
import { drainQueues } from './lead-assign.service.ts';
import { webLead } from './assignment.test-kit.ts';

const DAY = 86_400_000;

describe.skipIf(!databaseAvailable)('lead assignment rules', () => {
  let t: TestApp;
  let rep: TestUser;
  const users: Record<string, TestUser> = {};
  const ownerOf = async (leadId: string) =>
    (await sql<{ owner_id: string | null }>`select owner_id from leads where id = ${leadId}`.execute(t.db.kysely)).rows[0]?.owner_id ?? null;
  const rule = async (payload: Record<string, unknown>, user: TestUser = t.admin) =>
    t.request(user, { method: 'POST', url: '/api/v1/lead-assignment/rules', payload });
  const capture = async (name: string, region: string) => {
    const id = await webLead(t, { name, region });
    await drainOutbox(t);
    return id;
  };
  const assignAt = (leadId: string, now: Date) =>
    inTenant(t.db.kysely, t.admin.tenantId, (tx) => systemAssign(tx, { tenantId: t.admin.tenantId, leadId, trigger: 'manual', requestId: 'test', now }));

  beforeAll(async () => {
    t = await createTestApp();
    rep = await t.createUser({ role: 'Sales Rep', name: 'Rep' });
    for (const n of ['Ann', 'Bo', 'Cai', 'Dan', 'Eve', 'Fay']) users[n] = await t.createUser({ role: 'Sales Rep', name: n });
  });
  afterAll(() => t?.close());

  it('validates rules: unknown fields, users, method shape, and who may edit', async () => {
    const unknown = await rule({
      name: 'x',
      method: 'round_robin',
      userIds: [users.Ann?.id],
      conditions: [{ field: 'planet', operator: 'eq', value: 'Mars' }],
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0]).toMatchObject({ field: 'conditions.0.field' });
    const twoFixed = await rule({ name: 'x', method: 'fixed_user', userIds: [users.Ann?.id, users.Bo?.id] });
    expect(twoFixed.statusCode).toBe(400);
    const nobody = await rule({ name: 'x', method: 'round_robin' });
    expect(nobody.statusCode).toBe(400);
    const ghost = await rule({ name: 'x', method: 'fixed_user', userIds: ['0190d7a2-0000-7000-8000-000000000000'] });
    expect(ghost.statusCode).toBe(400);
    expect((await rule({ name: 'x', method: 'fixed_user', userIds: [rep.id] }, rep)).statusCode).toBe(403);
    const list = await t.request(t.admin, { method: 'GET', url: '/api/v1/lead-assignment/rules' });
    expect(list.json().data).toEqual([]);
  });

  it('round-robins in order and remembers the turn across a restart', async () => {
    const res = await rule({
      name: '华东 round robin',
      method: 'round_robin',
      userIds: [users.Ann?.id, users.Bo?.id, users.Cai?.id],
      conditions: [{ field: 'region', operator: 'eq', value: '华东' }],
    });
    expect(res.statusCode, res.body).toBe(201);
    const first = [await capture('东1', '华东'), await capture('东2', '华东')];
    expect(await Promise.all(first.map(ownerOf))).toEqual([users.Ann?.id, users.Bo?.id]);

    // A new process on the same database: nothing about the turn lives in memory.
    const again = await reopenTestApp(t);
    const next = [await webLead(again, { name: '东3', region: '华东' }), await webLead(again, { name: '东4', region: '华东' })];
    await drainOutbox(again);
    await again.app.close();
    expect(await Promise.all(next.map(ownerOf))).toEqual([users.Cai?.id, users.Ann?.id]);

    const log = await t.request(t.admin, { method: 'GET', url: `/api/v1/leads/${next[0]}/assignments` });
    expect(log.json().data[0]).toMatchObject({ userId: users.Cai?.id, ruleName: '华东 round robin', method: 'round_robin', trigger: 'capture' });
    const audit = await sql<{ action: string; changes: unknown }>`
      select action, changes from audit_log where object_type = 'lead' and object_id = ${next[0]} and action = 'assigned'`.execute(t.db.kysely);
    expect(audit.rows).toEqual([{ action: 'assigned', changes: { ownerId: { from: null, to: users.Cai?.id } } }]);
    const recent = await t.request(t.admin, { method: 'GET', url: '/api/v1/lead-assignment/recent' });
    expect(recent.json().data[0]).toMatchObject({ leadId: next[1], userName: 'Ann', ruleName: '华东 round robin' });
    expect((await t.request(rep, { method: 'GET', url: '/api/v1/lead-assignment/recent' })).json().data).toEqual([]);
  });

  it('skips a user who is away', async () => {
    const away = await t.request(t.admin, { method: 'PUT', url: `/api/v1/lead-assignment/away/${users.Bo?.id}`, payload: { note: '年假' } });
    expect(away.statusCode, away.body).toBe(204);
    const lead = await capture('东5', '华东');
    expect(await ownerOf(lead)).toBe(users.Cai?.id);
    await t.request(t.admin, { method: 'DELETE', url: `/api/v1/lead-assignment/away/${users.Bo?.id}` });
  });

  it('load-balances to the fewest open leads within the 30-day capacity, then queues', async () => {
    const res = await rule({
      name: '华南 balanced',
      method: 'load_balanced',
      userIds: [users.Dan?.id, users.Eve?.id],
      capacity: 2,
      conditions: [{ field: 'region', operator: 'in', value: ['华南', '广东'] }],
    });
    expect(res.statusCode, res.body).toBe(201);
    // Dan already works two open leads of his own.
    for (const name of ['老客户1', '老客户2']) {
      const own = await t.request(users.Dan as TestUser, { method: 'POST', url: '/api/v1/leads', payload: { name } });
      expect(own.statusCode, own.body).toBe(201);
    }
    const leads = [];
    for (let i = 0; i < 5; i++) leads.push(await capture(`南${i}`, i % 2 ? '广东' : '华南'));
    const owners = await Promise.all(leads.map(ownerOf));
    // Eve (0 open) twice, reaching her capacity; then Dan twice; then nobody has room.
    expect(owners).toEqual([users.Eve?.id, users.Eve?.id, users.Dan?.id, users.Dan?.id, null]);
    const queue = await t.request(t.admin, { method: 'GET', url: '/api/v1/lead-assignment/queue' });
    expect(queue.json().data).toEqual([expect.objectContaining({ leadId: leads[4], reason: 'no_user_available' })]);
    // A month later the capacity window has moved on: the queue job places the lead.
    expect(await drainQueues(t.db, new Date(Date.now() + 31 * DAY))).toBe(1);
    expect(await ownerOf(leads[4] as string)).toBe(users.Eve?.id);
  });

  it('queues a lead no rule matches, shows it, and lets a manager assign it by hand', async () => {
    const lead = await capture('Overseas', '海外');
    expect(await ownerOf(lead)).toBeNull();
    const queue = await t.request(t.admin, { method: 'GET', url: '/api/v1/lead-assignment/queue' });
    expect(queue.json().data).toEqual([expect.objectContaining({ leadId: lead, reason: 'no_rule', name: 'Overseas' })]);
    expect((await t.request(rep, { method: 'GET', url: '/api/v1/lead-assignment/queue' })).json().data).toEqual([]);
    // The hourly retry does not log the same wait twice.
    await drainQueues(t.db);
    const queued = await sql<{ n: number }>`select count(*)::int as n from audit_log where object_id = ${lead} and action = 'assignment_queued'`.execute(
      t.db.kysely,
    );
    expect(queued.rows[0]?.n).toBe(1);
    const byHand = await t.request(t.admin, { method: 'POST', url: `/api/v1/leads/${lead}/assign`, payload: { userId: users.Fay?.id } });
    expect(byHand.statusCode, byHand.body).toBe(200);
    expect(byHand.json()).toMatchObject({ outcome: 'assigned', userId: users.Fay?.id });
    expect((await t.request(t.admin, { method: 'GET', url: '/api/v1/lead-assignment/queue' })).json().data).toEqual([]);
    const other = await t.request(rep, { method: 'POST', url: `/api/v1/leads/${lead}/assign`, payload: { userId: rep.id } });
    expect(other.statusCode).toBe(404);
  });

  it('assigns working-days rules only on working days in the tenant zone', async () => {
    const res = await rule({
      name: '西北 weekdays',
      method: 'fixed_user',
      userIds: [users.Fay?.id],
      workingDaysOnly: true,
      conditions: [{ field: 'region', operator: 'eq', value: '西北' }],
    });
    expect(res.statusCode, res.body).toBe(201);
    const lead = await webLead(t, { name: '西北客户', region: '西北' });
    // Saturday 10:00 in Shanghai, then Monday 09:00.
    expect(await assignAt(lead, new Date('2026-11-28T02:00:00Z'))).toMatchObject({ outcome: 'queued', reason: 'not_working_day' });
    expect(await assignAt(lead, new Date('2026-11-30T01:00:00Z'))).toMatchObject({ outcome: 'assigned', userId: users.Fay?.id });
  });

  it('reorders rules as a whole and the first match wins', async () => {
    const all = (await t.request(t.admin, { method: 'GET', url: '/api/v1/lead-assignment/rules' })).json().data as { id: string; name: string }[];
    const catchAll = await rule({ name: 'everything to Fay', method: 'fixed_user', userIds: [users.Fay?.id] });
    const ids = [catchAll.json().id, ...all.map((r) => r.id)];
    const partial = await t.request(t.admin, { method: 'PUT', url: '/api/v1/lead-assignment/rules/order', payload: { ids: ids.slice(1) } });
    expect(partial.statusCode).toBe(400);
    const order = await t.request(t.admin, { method: 'PUT', url: '/api/v1/lead-assignment/rules/order', payload: { ids } });
    expect(order.statusCode, order.body).toBe(200);
    expect(order.json().data.map((r: { name: string }) => r.name)[0]).toBe('everything to Fay');
    expect(await ownerOf(await capture('东6', '华东'))).toBe(users.Fay?.id);
    await t.request(t.admin, { method: 'DELETE', url: `/api/v1/lead-assignment/rules/${catchAll.json().id}` });
  });

  it('can wait for a lead to turn hot before assigning it', async () => {
    const settings = await t.request(t.admin, {
      method: 'PATCH',
      url: '/api/v1/lead-assignment/settings',
      payload: { assignOnCapture: false, assignOnHot: true },
    });
    expect(settings.statusCode, settings.body).toBe(200);
    const group = await t.request(t.admin, {
      method: 'POST',
      url: '/api/v1/lead-scoring/groups',
      payload: { name: 'Engagement', rules: [{ kind: 'behaviour', eventType: 'meeting_held', points: 80 }] },
    });
    expect(group.statusCode, group.body).toBe(201);
    await drainOutbox(t);
    const lead = await capture('东7', '华东');
    expect(await ownerOf(lead)).toBeNull();
    const hot = await t.request(t.admin, { method: 'POST', url: `/api/v1/leads/${lead}/engagements`, payload: { type: 'meeting_held' } });
    expect(hot.json()).toMatchObject({ band: 'hot' });
    await drainOutbox(t);
    expect(await ownerOf(lead)).not.toBeNull();
    const log = await t.request(t.admin, { method: 'GET', url: `/api/v1/leads/${lead}/assignments` });
    expect(log.json().data[0]).toMatchObject({ trigger: 'hot' });
  });

  it('tells the new owner in their bell, but not someone who takes a lead themselves', async () => {
    const lead = await t.request(t.admin, { method: 'POST', url: '/api/v1/leads', payload: { name: '新线索 Li', phones: [{ number: '13800138001' }] } });
    expect(lead.statusCode, lead.body).toBe(201);
    const given = await t.request(t.admin, { method: 'POST', url: `/api/v1/leads/${lead.json().id}/assign`, payload: { userId: rep.id } });
    expect(given.statusCode, given.body).toBe(200);
    const page = (await t.request(rep, { method: 'GET', url: '/api/v1/notifications' })).json();
    const notice = page.data.find((n: { link: { id: string } | null }) => n.link?.id === lead.json().id);
    expect(notice).toMatchObject({ kind: 'lead_assigned', title: { zh: '新线索已分配给您：新线索 Li', en: 'New lead assigned to you: 新线索 Li' } });
    const own = await t.request(t.admin, { method: 'POST', url: '/api/v1/leads', payload: { name: 'Mine', phones: [{ number: '13800138002' }] } });
    await t.request(t.admin, { method: 'POST', url: `/api/v1/leads/${own.json().id}/assign`, payload: { userId: t.admin.id } });
    const adminPage = (await t.request(t.admin, { method: 'GET', url: '/api/v1/notifications' })).json();
    expect(adminPage.data.filter((n: { link: { id: string } | null }) => n.link?.id === own.json().id)).toEqual([]);
  });

  it('assigns in bulk, reporting each lead', async () => {
    const a = await webLead(t, { name: 'bulk a', region: '华东' });
    const b = await webLead(t, { name: 'bulk b', region: '海外' });
    const res = await t.request(t.admin, { method: 'POST', url: '/api/v1/leads/assign', payload: { ids: [a, b, '0190d7a2-0000-7000-8000-000000000000'] } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().data.map((r: { outcome: string; reason: string | null }) => [r.outcome, r.reason])).toEqual([
      ['assigned', null],
      ['queued', 'no_rule'],
      ['skipped', 'not_found'],
    ]);
  });
});
