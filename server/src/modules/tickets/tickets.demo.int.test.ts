import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { databaseAvailable } from '../../../test/db.ts';
import { ticketsKit } from './tickets.test-kit.ts';
import { seedDemoTickets } from './tickets.demo.ts';
import type { TTicket } from './tickets.schema.ts';

describe.skipIf(!databaseAvailable)('the service desk demo', () => {
  let t: TestApp;
  let kit: ReturnType<typeof ticketsKit>;
  const list = async <T>(path: string): Promise<T[]> => (await kit.json(t.admin, 'GET', `/api/v1/${path}?limit=100`)).json().data;

  beforeAll(async () => {
    t = await createTestApp();
    kit = ticketsKit(t);
    const agents = [await t.createUser({ name: '孙经理' }), await t.createUser({ name: '钱客服' }), await t.createUser({ name: 'Olivia' })].map((u) => u.id);
    const contacts = [];
    for (const name of ['张伟', '李娜', 'Emma', '王强', 'Jack', '赵敏']) {
      const c = await kit.createContact({ name });
      contacts.push({ id: c.id, ownerId: t.admin.id });
    }
    const ctx = {
      tenantId: t.admin.tenantId,
      userId: t.admin.id,
      requestId: 'demo',
      ip: null,
      locale: 'zh-CN' as const,
      access: { userId: t.admin.id, isAdmin: true, permissions: {}, fields: {}, teamUserIds: [] },
    };
    expect(await seedDemoTickets({ deps: t.deps, ctx, contacts, agents })).toBe(6);
  });
  afterAll(() => t?.close());

  it('sets up two queues with members, two macros and an SLA policy on the default business calendar', async () => {
    const queues = await list<{ name: string; members: { userId: string; skills: string[] }[] }>('ticket-queues');
    expect(queues.map((q) => q.name).sort()).toEqual(['售后支持 Support', '账务 Billing']);
    for (const q of queues) expect(q.members.length).toBe(2);
    const macros = await list<{ name: string; setStatus: string }>('ticket-macros');
    expect(macros.map((m) => m.setStatus).sort()).toEqual(['resolved', 'waiting_customer']);
    const [policy, ...more] = await list<{ id: string; calendarId: string; firstResponseMinutes: number; escalateToManager: boolean }>('ticket-sla-policies');
    expect(more).toEqual([]);
    const calendars = (await kit.json(t.admin, 'GET', '/api/v1/business-calendars')).json().data as { id: string; isDefault: boolean }[];
    expect(policy).toMatchObject({ calendarId: calendars.find((c) => c.isDefault)?.id, firstResponseMinutes: 240, escalateToManager: true });
  });

  it("puts every ticket in its category's queue; open tickets run on the SLA policy", async () => {
    const tickets = await list<TTicket>('tickets');
    expect(tickets.every((x) => x.queue !== null)).toBe(true);
    expect(tickets.find((x) => x.category === '账务')?.queue?.name).toBe('账务 Billing');
    const open = tickets.filter((x) => !['resolved', 'closed'].includes(x.status));
    expect(open.length).toBe(4);
    for (const x of open) expect([x.slaPolicy?.name, x.resolutionDueAt !== null]).toEqual(['标准服务 Standard', true]);
  });
});
