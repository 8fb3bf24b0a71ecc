import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, type TestApp, type TestUser } from '../../../test/app.ts';
import { databaseAvailable } from '../../../test/db.ts';
import { runSlaTimers } from './sla.jobs.ts';
import { ticketsKit } from './tickets.test-kit.ts';

const day = [{ start: '09:00', end: '18:00' }];
/** Shanghai local wall time as an instant (UTC+8, no DST). */
const sh = (local: string) => new Date(`${local}+08:00`);

describe.skipIf(!databaseAvailable)('ticket SLA on business hours (fixed clock)', () => {
  let t: TestApp;
  let kit: ReturnType<typeof ticketsKit>;
  let agent: TestUser;
  const at = (local: string) => vi.setSystemTime(sh(local));

  beforeAll(async () => {
    t = await createTestApp();
    kit = ticketsKit(t);
    agent = await t.createUser({ role: 'Sales Rep', name: '钱客服' });
  });
  afterEach(() => vi.useRealTimers());
  afterAll(() => t?.close());

  it('targets skip the weekend and a holiday; waiting on the customer pauses; warning and breach are announced once', async () => {
    const calendar = await kit.json(t.admin, 'POST', '/api/v1/business-calendars', {
      name: '上海客服',
      timeZone: 'Asia/Shanghai',
      week: [day, day, day, day, day, [], []],
      holidays: [{ date: '2026-12-14', name: '公司活动日' }],
    });
    expect(calendar.statusCode, calendar.body).toBe(201);
    const policy = await kit.json(t.admin, 'POST', '/api/v1/ticket-sla-policies', {
      name: '紧急',
      priority: 'urgent',
      firstResponseMinutes: 60,
      resolutionMinutes: 240,
      warnBeforeMinutes: 30,
      calendarId: calendar.json().id,
    });
    expect(policy.statusCode, policy.body).toBe(201);
    const contact = await kit.createContact({ name: '孙丽', emails: [{ address: 'sun.li@example.cn' }] });

    vi.useFakeTimers({ toFake: ['Date'] });
    // Friday 17:30: 30 business minutes left that day; Saturday, Sunday and the Monday holiday do not count.
    at('2026-12-11T17:30:00');
    const ticket = await kit.createTicket({ subject: '服务器宕机', priority: 'urgent', contactId: contact.id, assigneeId: agent.id });
    expect(ticket).toMatchObject({
      slaPolicy: { id: policy.json().id, name: '紧急' },
      firstResponseDueAt: sh('2026-12-15T09:30:00').toISOString(),
      resolutionDueAt: sh('2026-12-15T12:30:00').toISOString(),
      slaState: 'ok',
    });
    // A normal ticket gets no policy.
    expect((await kit.createTicket({ subject: 'no SLA' })).slaPolicyId).toBeNull();

    // Tuesday 09:05: within 30 minutes of the first response due time.
    at('2026-12-15T09:05:00');
    expect(await runSlaTimers({ deps: t.deps, now: new Date() })).toEqual({ warned: 1, breached: 0 });
    expect(await runSlaTimers({ deps: t.deps, now: new Date() })).toEqual({ warned: 0, breached: 0 });
    expect((await kit.get(ticket.id)).slaState).toBe('warning');

    // 09:10 the agent answers: the ticket waits on the customer, the clock pauses.
    at('2026-12-15T09:10:00');
    expect((await kit.json(t.admin, 'POST', `/api/v1/tickets/${ticket.id}/messages`, { kind: 'reply', body: '正在处理' })).statusCode).toBe(201);
    const waiting = await kit.get(ticket.id);
    expect([waiting.status, waiting.slaState]).toEqual(['waiting_customer', 'paused']);
    at('2026-12-15T16:00:00');
    expect(await runSlaTimers({ deps: t.deps, now: new Date() })).toEqual({ warned: 0, breached: 0 });

    // 16:00 the customer answers: 410 business minutes waited (09:10-16:00), so the 240-minute target
    // plus 410 counts 30 on Friday, 540 on Tuesday and 80 on Wednesday: due Wednesday 10:20.
    const reopened = (await kit.json(t.admin, 'PATCH', `/api/v1/tickets/${ticket.id}`, { status: 'open' })).json();
    expect(reopened.resolutionDueAt).toBe(sh('2026-12-16T10:20:00').toISOString());
    expect(reopened.slaState).toBe('warning');

    // Wednesday 10:21: breached, once.
    at('2026-12-16T10:21:00');
    expect(await runSlaTimers({ deps: t.deps, now: new Date() })).toEqual({ warned: 0, breached: 1 });
    expect(await runSlaTimers({ deps: t.deps, now: new Date() })).toEqual({ warned: 0, breached: 0 });
    vi.useRealTimers();
    expect((await kit.get(ticket.id)).slaState).toBe('breached');
    const events = await sql<{ type: string }>`select type from outbox where object_id = ${ticket.id} and type like 'ticket.sla%' order by id`.execute(
      t.db.kysely,
    );
    expect(events.rows.map((e) => e.type)).toEqual(['ticket.sla_warning', 'ticket.sla_breached']);
    const bell = (await kit.json(agent, 'GET', '/api/v1/notifications')).json().data as { kind: string; title: { zh: string } }[];
    expect(bell.map((n) => n.kind)).toEqual(['sla_breach', 'sla_warning']);
    expect(bell[0]?.title.zh).toContain(ticket.number);
    // The list filters the breaching tickets.
    const filter = encodeURIComponent(JSON.stringify({ slaBreachedAt: { isEmpty: false } }));
    const breaching = (await kit.json(t.admin, 'GET', `/api/v1/tickets?filter=${filter}`)).json().data.map((x: { id: string }) => x.id);
    expect(breaching).toEqual([ticket.id]);
  });

  it('raising the priority applies the stricter policy; a policy without priority or category catches the rest', async () => {
    await kit.json(t.admin, 'POST', '/api/v1/ticket-sla-policies', { name: 'Standard', resolutionMinutes: 9 * 60 * 3, warnBeforeMinutes: 60 });
    const ticket = await kit.createTicket({ subject: 'Slow report', priority: 'normal' });
    expect(ticket.slaPolicy?.name).toBe('Standard');
    expect(ticket.firstResponseDueAt).toBeNull();
    const raised = (await kit.json(t.admin, 'PATCH', `/api/v1/tickets/${ticket.id}`, { priority: 'urgent' })).json();
    expect(raised.slaPolicy?.name).toBe('紧急');
    expect(raised.firstResponseDueAt).not.toBeNull();
    // Bad input: a negative target is refused, nothing written.
    expect((await kit.json(t.admin, 'POST', '/api/v1/ticket-sla-policies', { name: 'Bad', resolutionMinutes: -5 })).statusCode).toBe(400);
  });
});
