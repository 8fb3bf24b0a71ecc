import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestUser } from '../../../test/app.ts';
import { databaseAvailable } from '../../../test/db.ts';
import { testLog } from '../../../test/jobs-kit.ts';
import { deliverEvent, serializeEvent } from '#platform/events/delivery.ts';
import { ticketsKit } from './tickets.test-kit.ts';

/** Delivers the outbox to the workflow rules once per event, as the relay does, until it runs dry. */
async function drainRules(t: TestApp): Promise<void> {
  for (let round = 0; round < 20; round++) {
    const rows = await t.db.kysely.selectFrom('outbox').selectAll().where('published_at', 'is', null).orderBy('id').execute();
    if (!rows.length) return;
    for (const row of rows) {
      const event = serializeEvent(row);
      await deliverEvent(
        { db: t.db, subscribers: t.deps.subscribers, log: testLog },
        { id: row.id, name: 'kehu-events', data: { subscriber: 'workflows.record-events', event } },
      );
      await t.db.kysely.updateTable('outbox').set({ published_at: new Date() }).where('id', '=', row.id).execute();
    }
  }
}

describe.skipIf(!databaseAvailable)('service desk: queues and routing, availability, macros, merge and split', () => {
  let t: TestApp;
  let kit: ReturnType<typeof ticketsKit>;
  let a: TestUser;
  let b: TestUser;
  let c: TestUser;
  const queue = async (input: Record<string, unknown>) => {
    const res = await kit.json(t.admin, 'POST', '/api/v1/ticket-queues', input);
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; name: string };
  };
  const available = async (user: TestUser, value: boolean, as: TestUser = user) =>
    kit.json(as, 'PUT', `/api/v1/ticket-agents/${user.id}/availability`, { available: value });

  beforeAll(async () => {
    t = await createTestApp();
    kit = ticketsKit(t);
    a = await t.createUser({ role: 'Sales Rep', name: '甲客服' });
    b = await t.createUser({ role: 'Sales Rep', name: '乙客服' });
    c = await t.createUser({ role: 'Sales Rep', name: '丙客服' });
  });
  afterAll(() => t?.close());

  it('a round-robin queue routes new tickets in turn among available members; the assignee owns the ticket', async () => {
    const q = await queue({ name: '售后一线', method: 'round_robin', members: [{ userId: a.id }, { userId: b.id }, { userId: c.id }] });
    const assignees: (string | null)[] = [];
    for (let i = 0; i < 4; i++) assignees.push((await kit.createTicket({ subject: `轮询 ${i}`, queueId: q.id })).assigneeId);
    expect(assignees).toEqual([a.id, b.id, c.id, a.id]);
    const one = await kit.createTicket({ subject: 'owner follows', queueId: q.id });
    expect(one).toMatchObject({ assigneeId: b.id, ownerId: b.id, queue: { id: q.id, name: '售后一线' } });

    // b marks themself away: skipped. b may not mark c; the admin may.
    expect((await available(b, false)).statusCode).toBe(200);
    expect((await available(c, false, b)).statusCode).toBe(403);
    expect((await kit.createTicket({ subject: 'b away', queueId: q.id })).assigneeId).toBe(c.id);
    expect((await kit.createTicket({ subject: 'b away 2', queueId: q.id })).assigneeId).toBe(a.id);
    const agents = (await kit.json(a, 'GET', '/api/v1/ticket-agents')).json().data as { userId: string; available: boolean; openTickets: number }[];
    expect(agents.find((x) => x.userId === b.id)).toMatchObject({ available: false, openTickets: 2 });
    expect(agents.find((x) => x.userId === a.id)).toMatchObject({ available: true, openTickets: 3 });
    // An explicit assignee wins over routing.
    expect((await kit.createTicket({ subject: 'explicit', queueId: q.id, assigneeId: b.id })).assigneeId).toBe(b.id);
    await available(b, true);
  });

  it('least open and skill match; moving a ticket to a queue routes it; a manual queue only files it', async () => {
    const least = await queue({ name: 'Least open', method: 'least_open', members: [{ userId: a.id }, { userId: c.id }] });
    // a holds more open tickets than c (from the test above), so c gets it.
    const t1 = await kit.createTicket({ subject: 'least', queueId: least.id });
    expect(t1.assigneeId).toBe(c.id);
    const skills = await queue({
      name: 'Skills',
      method: 'skill_match',
      members: [
        { userId: a.id, skills: ['打印机'] },
        { userId: b.id, skills: ['Billing', 'billing'] },
      ],
    });
    // Skills are kept as entered, once each (matching ignores case).
    expect((await kit.json(t.admin, 'GET', `/api/v1/ticket-queues/${skills.id}`)).json().members[1]).toEqual({ userId: b.id, skills: ['Billing', 'billing'] });
    const printer = await kit.createTicket({ subject: '打印机卡纸', category: '打印机' });
    expect(printer.assigneeId).toBeNull();
    const moved = (await kit.json(t.admin, 'PATCH', `/api/v1/tickets/${printer.id}`, { queueId: skills.id })).json();
    expect(moved.assigneeId).toBe(a.id);
    expect((await kit.createTicket({ subject: 'invoice', tags: ['billing'], queueId: skills.id })).assigneeId).toBe(b.id);
    const manual = await queue({ name: 'Manual', method: 'manual', members: [{ userId: a.id }] });
    const filed = await kit.createTicket({ subject: 'manual', queueId: manual.id });
    expect([filed.queueId, filed.assigneeId]).toEqual([manual.id, null]);
    // Members must be users; a name is unique per tenant.
    expect((await kit.json(t.admin, 'POST', '/api/v1/ticket-queues', { name: 'Ghost', members: [{ userId: crypto.randomUUID() }] })).statusCode).toBe(400);
    expect((await kit.json(t.admin, 'POST', '/api/v1/ticket-queues', { name: 'manual' })).statusCode).toBe(409);
  });

  it('a workflow rule that sets the queue routes the ticket', async () => {
    const q = await queue({ name: 'VIP', method: 'least_open', members: [{ userId: b.id }] });
    const rule = await kit.json(t.admin, 'POST', '/api/v1/workflow-rules', {
      name: 'Urgent tickets to VIP',
      enabled: true,
      object: 'ticket',
      trigger: { type: 'created' },
      conditions: { priority: { eq: 'urgent' } },
      actions: [{ type: 'update_fields', updates: [{ field: 'queueId', value: { kind: 'value', value: q.id } }] }],
    });
    expect(rule.statusCode, rule.body).toBe(201);
    const urgent = await kit.createTicket({ subject: '系统宕机', priority: 'urgent' });
    await drainRules(t);
    const runs = await t.db.kysely.selectFrom('workflow_runs').selectAll().where('rule_id', '=', rule.json().id).execute();
    expect(runs.map((r) => [r.status, JSON.stringify(r.actions)])).toEqual([['succeeded', expect.anything()]]);
    expect(await kit.get(urgent.id)).toMatchObject({ queueId: q.id, assigneeId: b.id });
    await kit.json(t.admin, 'PATCH', `/api/v1/workflow-rules/${rule.json().id}`, { enabled: false });
  });

  it('a macro fills merge fields for the ticket and sets its fields', async () => {
    const q = await queue({ name: 'Second line', method: 'round_robin', members: [{ userId: c.id }] });
    const macro = (
      await kit.json(t.admin, 'POST', '/api/v1/ticket-macros', {
        name: '已解决',
        kind: 'reply',
        body: '{{contact.name}} 您好，工单 {{record.number}}（{{record.subject}}）已处理。',
        setStatus: 'resolved',
        setPriority: 'low',
        setQueueId: q.id,
      })
    ).json();
    expect(macro).toMatchObject({ setQueue: { id: q.id, name: 'Second line' }, active: true });
    const contact = await kit.createContact({ name: '韩梅梅', emails: [{ address: 'han@example.cn' }] });
    const ticket = await kit.createTicket({ subject: '发票抬头', contactId: contact.id });
    const applied = await kit.json(t.admin, 'POST', `/api/v1/tickets/${ticket.id}/apply-macro`, { macroId: macro.id });
    expect(applied.statusCode, applied.body).toBe(200);
    expect(applied.json().body).toBe(`韩梅梅 您好，工单 ${ticket.number}（发票抬头）已处理。`);
    expect(applied.json().ticket).toMatchObject({ status: 'resolved', priority: 'low', queueId: q.id, assigneeId: c.id });
    // A rep who may not update the ticket cannot apply it.
    expect((await kit.json(a, 'POST', `/api/v1/tickets/${ticket.id}/apply-macro`, { macroId: macro.id })).statusCode).toBe(404);
  });

  it('merges a duplicate (messages move, closed with a link) and splits a message into a new ticket', async () => {
    const contact = await kit.createContact({ name: 'Lucy', emails: [{ address: 'lucy@example.com' }] });
    const keep = await kit.createTicket({ subject: 'Login fails', contactId: contact.id });
    const dup = await kit.createTicket({ subject: 'Cannot log in', contactId: contact.id });
    for (const [id, body] of [
      [keep.id, 'first'],
      [dup.id, 'dup note'],
    ] as const)
      expect((await kit.json(t.admin, 'POST', `/api/v1/tickets/${id}/messages`, { kind: 'note', body })).statusCode).toBe(201);
    const merged = await kit.json(t.admin, 'POST', `/api/v1/tickets/${dup.id}/merge`, { targetId: keep.id });
    expect(merged.statusCode, merged.body).toBe(200);
    expect(merged.json().id).toBe(keep.id);
    expect(await kit.get(dup.id)).toMatchObject({ status: 'closed', mergedIntoId: keep.id, mergedInto: { id: keep.id } });
    const thread = await kit.thread(keep.id);
    expect(thread.map((m) => m.bodyText)).toEqual(['first', 'dup note', expect.stringContaining(`已从 ${dup.number} 合并`)]);
    expect((await kit.thread(dup.id)).map((m) => m.bodyText)).toEqual([expect.stringContaining(`Merged into ${keep.number}`)]);
    // Not again, not into itself.
    expect((await kit.json(t.admin, 'POST', `/api/v1/tickets/${dup.id}/merge`, { targetId: keep.id })).statusCode).toBe(400);
    expect((await kit.json(t.admin, 'POST', `/api/v1/tickets/${keep.id}/merge`, { targetId: keep.id })).statusCode).toBe(400);

    const reply = (await kit.json(t.admin, 'POST', `/api/v1/tickets/${keep.id}/messages`, { kind: 'reply', body: 'Also: a second problem' })).json();
    const split = await kit.json(t.admin, 'POST', `/api/v1/tickets/${keep.id}/messages/${reply.id}/split`);
    expect(split.statusCode, split.body).toBe(201);
    const created = split.json();
    expect(created).toMatchObject({ contactId: contact.id, description: 'Also: a second problem' });
    expect(created.number).not.toBe(keep.number);
    expect((await kit.thread(created.id)).map((m) => m.kind)).toEqual(['reply', 'note']);
    const after = await kit.thread(keep.id);
    expect(after.some((m) => m.id === reply.id)).toBe(false);
    expect(after.at(-1)?.bodyText).toContain(created.number);
    // A note does not split off.
    const noteId = after[0]?.id;
    expect((await kit.json(t.admin, 'POST', `/api/v1/tickets/${keep.id}/messages/${noteId}/split`)).statusCode).toBe(400);
  });
});
