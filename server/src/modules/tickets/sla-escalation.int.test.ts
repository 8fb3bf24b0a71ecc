import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, type TestApp, type TestUser } from '../../../test/app.ts';
import { databaseAvailable } from '../../../test/db.ts';
import { runSlaTimers } from './sla.jobs.ts';
import { ticketsKit } from './tickets.test-kit.ts';

const day = [{ start: '09:00', end: '18:00' }];
const sh = (local: string) => new Date(`${local}+08:00`);

describe.skipIf(!databaseAvailable)('SLA escalation, customer tiers and the policy settings API', () => {
  let t: TestApp;
  let kit: ReturnType<typeof ticketsKit>;
  let manager: TestUser;
  let agent: TestUser;
  let calendarId: string;
  const bell = async (user: TestUser) =>
    (await kit.json(user, 'GET', '/api/v1/notifications')).json().data as { kind: string; title: { zh: string; en: string } }[];

  beforeAll(async () => {
    t = await createTestApp();
    kit = ticketsKit(t);
    manager = await t.createUser({ role: 'Sales Manager', name: '周主管' });
    const team = (await kit.json(t.admin, 'POST', '/api/v1/teams', { name: '客服一组', managerId: manager.id })).json() as { id: string };
    agent = await t.createUser({ role: 'Sales Rep', name: '吴客服', teamId: team.id });
    const calendar = await kit.json(t.admin, 'POST', '/api/v1/business-calendars', {
      name: '客服工作日',
      timeZone: 'Asia/Shanghai',
      week: [day, day, day, day, day, [], []],
    });
    calendarId = calendar.json().id;
  });
  afterEach(() => vi.useRealTimers());
  afterAll(() => t?.close());

  it('a VIP customer gets the VIP policy; a breach notifies the assignee’s manager and raises the priority, once', async () => {
    const vip = await kit.json(t.admin, 'POST', '/api/v1/ticket-sla-policies', {
      name: 'VIP 客户',
      customerTier: 'VIP',
      firstResponseMinutes: 30,
      resolutionMinutes: 240,
      warnBeforeMinutes: 10,
      calendarId,
      escalateToManager: true,
      escalatePriority: true,
    });
    expect(vip.statusCode, vip.body).toBe(201);
    expect(vip.json()).toMatchObject({ customerTier: 'VIP', escalateToManager: true, escalatePriority: true });
    const company = (await kit.json(t.admin, 'POST', '/api/v1/companies', { name: '华为测试', tier: 'VIP' })).json() as { id: string };
    const plain = (await kit.json(t.admin, 'POST', '/api/v1/companies', { name: '普通公司', tier: 'C' })).json() as { id: string };

    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(sh('2026-12-14T10:00:00'));
    const ticket = await kit.createTicket({ subject: '专线中断', priority: 'normal', companyId: company.id, assigneeId: agent.id });
    expect(ticket).toMatchObject({ slaPolicy: { name: 'VIP 客户' }, firstResponseDueAt: sh('2026-12-14T10:30:00').toISOString() });
    expect((await kit.createTicket({ subject: '普通问题', priority: 'normal', companyId: plain.id })).slaPolicyId).toBeNull();

    vi.setSystemTime(sh('2026-12-14T10:31:00'));
    expect(await runSlaTimers({ deps: t.deps, now: new Date() })).toEqual({ warned: 0, breached: 1 });
    expect(await runSlaTimers({ deps: t.deps, now: new Date() })).toEqual({ warned: 0, breached: 0 });
    vi.useRealTimers();

    const after = await kit.get(ticket.id);
    expect([after.priority, after.slaState]).toEqual(['high', 'breached']);
    const managerBell = await bell(manager);
    expect(managerBell).toHaveLength(1);
    expect(managerBell[0]).toMatchObject({ kind: 'sla_breach' });
    expect(managerBell[0]?.title.zh).toContain(ticket.number);
    expect((await bell(agent)).map((n) => n.kind)).toEqual(['sla_breach']);
    const events = await sql<{ type: string; payload: { managerId: string; priority: string } }>`
      select type, payload from outbox where object_id = ${ticket.id} and type like 'ticket.sla%' order by id`.execute(t.db.kysely);
    expect(events.rows.map((e) => e.type)).toEqual(['ticket.sla_breached', 'ticket.sla_escalated']);
    expect(events.rows[1]?.payload).toMatchObject({ managerId: manager.id, priority: 'high' });
    // The raise is audited as any update (the timer is the actor).
    const audit = await sql<{ n: number }>`select count(*)::int as n from audit_log where object_id = ${ticket.id} and action = 'updated'`.execute(t.db.kysely);
    expect(audit.rows[0]?.n).toBe(1);
  });

  it('a policy that does not escalate only tells the assignee', async () => {
    const quiet = await kit.json(t.admin, 'POST', '/api/v1/ticket-sla-policies', {
      name: 'Low, quiet',
      priority: 'low',
      firstResponseMinutes: 60,
      warnBeforeMinutes: 0,
      calendarId,
      escalateToManager: false,
    });
    expect(quiet.statusCode, quiet.body).toBe(201);
    const before = (await bell(manager)).length;
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(sh('2026-12-15T09:00:00'));
    const ticket = await kit.createTicket({ subject: 'Typo on invoice', priority: 'low', assigneeId: agent.id });
    vi.setSystemTime(sh('2026-12-15T10:01:00'));
    expect(await runSlaTimers({ deps: t.deps, now: new Date() })).toEqual({ warned: 0, breached: 1 });
    vi.useRealTimers();
    expect((await bell(manager)).length).toBe(before);
    expect((await kit.get(ticket.id)).priority).toBe('low');
  });

  it('bad policy input is refused with translated problem+json and nothing is written', async () => {
    const count = async () => (await sql<{ n: number }>`select count(*)::int as n from ticket_sla_policies`.execute(t.db.kysely)).rows[0]?.n;
    const before = await count();
    const tooLong = await kit.json(t.admin, 'POST', '/api/v1/ticket-sla-policies', { name: 'X', customerTier: 'x'.repeat(31), firstResponseMinutes: 0 });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.headers['content-type']).toContain('application/problem+json');
    const fields = (tooLong.json().errors as { field: string }[]).map((e) => e.field).sort();
    expect(fields).toEqual(['customerTier', 'firstResponseMinutes']);
    const unknownCalendar = await t.request(t.admin, {
      method: 'POST',
      url: '/api/v1/ticket-sla-policies',
      headers: { 'accept-language': 'zh-CN' },
      payload: { name: 'Y', calendarId: '01900000-0000-7000-8000-000000000000' },
    });
    expect(unknownCalendar.statusCode).toBe(400);
    expect(unknownCalendar.json().errors[0]).toMatchObject({ field: 'calendarId' });
    expect(unknownCalendar.json().errors[0].message).toMatch(/[\u4e00-\u9fff]/);
    expect(await count()).toBe(before);
  });

  it('desk settings: agents read them, only admins change them (validated, If-Match)', async () => {
    const read = await kit.json(agent, 'GET', '/api/v1/ticket-desk-settings');
    expect(read.json()).toEqual({ reopenWithinDays: null, closedReply: 'follow_up', version: 0 });
    const refused = await kit.json(agent, 'PATCH', '/api/v1/ticket-desk-settings', { reopenWithinDays: 3 });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().detail).toContain('admin');
    const bad = await kit.json(t.admin, 'PATCH', '/api/v1/ticket-desk-settings', { reopenWithinDays: 0, closedReply: 'maybe' });
    expect(bad.statusCode).toBe(400);
    expect((bad.json().errors as { field: string }[]).map((e) => e.field).sort()).toEqual(['closedReply', 'reopenWithinDays']);
    expect((await kit.json(agent, 'GET', '/api/v1/ticket-desk-settings')).json().version).toBe(0);
    const saved = await kit.json(t.admin, 'PATCH', '/api/v1/ticket-desk-settings', { reopenWithinDays: 7 });
    expect(saved.json()).toEqual({ reopenWithinDays: 7, closedReply: 'follow_up', version: 1 });
    const stale = await t.request(t.admin, {
      method: 'PATCH',
      url: '/api/v1/ticket-desk-settings',
      headers: { 'if-match': '0' },
      payload: { closedReply: 'reopen' },
    });
    expect(stale.statusCode).toBe(412);
    expect((await kit.json(agent, 'GET', '/api/v1/ticket-desk-settings')).json()).toMatchObject({ closedReply: 'follow_up', version: 1 });
  });
});
