import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestUser } from '../../../test/app.ts';
import { databaseAvailable } from '../../../test/db.ts';
import { inTenant } from '../../db/tx.ts';
import { ticketsKit } from './tickets.test-kit.ts';

const count = async (t: TestApp, table: string) =>
  Number((await sql<{ n: string }>`select count(*) as n from ${sql.table(table)}`.execute(t.db.kysely)).rows[0]?.n);

describe.skipIf(!databaseAvailable)('tickets: record, number series, thread, access', () => {
  let t: TestApp;
  let kit: ReturnType<typeof ticketsKit>;
  let manager: TestUser;
  let rep1: TestUser;
  let rep2: TestUser;
  const year = String(new Date().getFullYear());

  beforeAll(async () => {
    t = await createTestApp();
    kit = ticketsKit(t);
    const teams = await inTenant(t.db.kysely, t.admin.tenantId, async (tx) => {
      const root = (await tx.selectFrom('teams').select('id').executeTakeFirstOrThrow()).id;
      const mk = async (name: string, parent: string) => {
        const id = crypto.randomUUID();
        await tx.insertInto('teams').values({ tenant_id: t.admin.tenantId, id, name, parent_id: parent }).execute();
        return id;
      };
      const service = await mk('Service', root);
      return { service, desk: await mk('Desk', service), other: await mk('Other', root) };
    });
    manager = await t.createUser({ role: 'Sales Manager', teamId: teams.service, name: '王经理' });
    rep1 = await t.createUser({ role: 'Sales Rep', teamId: teams.desk, name: '李客服' });
    rep2 = await t.createUser({ role: 'Sales Rep', teamId: teams.other, name: 'Zhou' });
  });
  afterAll(() => t?.close());

  it('numbers tickets from the tenant series, gap-free, with defaults; a contact brings its company', async () => {
    const company = (await kit.json(t.admin, 'POST', '/api/v1/companies', { name: '星辰科技' })).json();
    const contact = await kit.createContact({ name: '李雷', companyId: company.id, emails: [{ address: 'li.lei@xingchen.cn' }] });
    const first = await kit.createTicket({ subject: '打印机无法连接', contactId: contact.id });
    expect(first).toMatchObject({
      number: `TK-${year}-000001`,
      subject: '打印机无法连接',
      status: 'new',
      priority: 'normal',
      channel: 'web',
      contactId: contact.id,
      contact: { id: contact.id, name: '李雷' },
      companyId: company.id,
      company: { id: company.id, name: '星辰科技' },
    });
    // A refused create takes no number.
    expect((await kit.json(t.admin, 'POST', '/api/v1/tickets', { subject: 'x', priority: 'extreme' })).statusCode).toBe(400);
    const second = await kit.createTicket({ subject: 'Second', channel: 'phone', priority: 'urgent' });
    expect(second.number).toBe(`TK-${year}-000002`);
    // Search by number, subject and the contact's name; filter by status.
    const find = async (q: string) =>
      (await kit.json(t.admin, 'GET', `/api/v1/tickets?q=${encodeURIComponent(q)}`)).json().data.map((x: { id: string }) => x.id);
    expect((await find(`TK-${year}-000002`))[0]).toBe(second.id);
    expect(await find('打印机')).toEqual([first.id]);
    expect(await find('李雷')).toEqual([first.id]);
    const urgent = await kit.json(t.admin, 'GET', `/api/v1/tickets?filter=${encodeURIComponent(JSON.stringify({ priority: { eq: 'urgent' } }))}`);
    expect(urgent.json().data.map((x: { id: string }) => x.id)).toEqual([second.id]);
  });

  it('status changes stamp resolved and closed times; audit and events as every record', async () => {
    const ticket = await kit.createTicket({ subject: 'Status walk' });
    const resolved = (await kit.json(t.admin, 'PATCH', `/api/v1/tickets/${ticket.id}`, { status: 'resolved' })).json();
    expect(resolved.resolvedAt).not.toBeNull();
    expect(resolved.closedAt).toBeNull();
    const closed = (await kit.json(t.admin, 'PATCH', `/api/v1/tickets/${ticket.id}`, { status: 'closed' })).json();
    expect(closed.closedAt).not.toBeNull();
    expect(closed.resolvedAt).toBe(resolved.resolvedAt);
    const reopened = (await kit.json(t.admin, 'PATCH', `/api/v1/tickets/${ticket.id}`, { status: 'open' })).json();
    expect([reopened.resolvedAt, reopened.closedAt]).toEqual([null, null]);
    const events = await sql<{ type: string }>`select type from outbox where object_id = ${ticket.id} order by id`.execute(t.db.kysely);
    expect(events.rows.map((e) => e.type)).toEqual(['ticket.created', 'ticket.updated', 'ticket.updated', 'ticket.updated']);
    const audit = await sql<{
      changes: Record<string, unknown>;
    }>`select changes from audit_log where object_id = ${ticket.id} and action = 'updated' order by id`.execute(t.db.kysely);
    expect(audit.rows[0]?.changes.status).toEqual({ from: 'new', to: 'resolved' });
  });

  it('bad input is a translated problem+json with field errors and writes nothing', async () => {
    const before = await Promise.all(['tickets', 'audit_log', 'outbox', 'number_series'].map((x) => count(t, x)));
    const bad = await t.request(t.admin, {
      method: 'POST',
      url: '/api/v1/tickets',
      headers: { 'accept-language': 'zh-CN' },
      payload: { subject: '', status: 'lost', contactId: 'not-a-uuid' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    const fields = bad
      .json()
      .errors.map((e: { field: string }) => e.field)
      .sort();
    expect(fields).toEqual(['contactId', 'status', 'subject']);
    expect(bad.json().title).toMatch(/[\u4e00-\u9fff]/);
    const ghost = await kit.json(t.admin, 'POST', '/api/v1/tickets', { subject: 'Ghost contact', contactId: crypto.randomUUID() });
    expect(ghost.statusCode).toBe(400);
    expect(ghost.json().errors[0]).toMatchObject({ field: 'contactId' });
    const unknown = await kit.json(t.admin, 'POST', '/api/v1/tickets', { subject: 'x', number: 'TK-1' });
    expect(unknown.statusCode).toBe(400);
    const noteless = await kit.json(t.admin, 'POST', `/api/v1/tickets/${crypto.randomUUID()}/messages`, { kind: 'note', body: 'x' });
    expect(noteless.statusCode).toBe(404);
    expect(await Promise.all(['tickets', 'audit_log', 'outbox', 'number_series'].map((x) => count(t, x)))).toEqual(before);
  });

  it('a public reply queues an e-mail to the requester and waits on the customer; a note mentions and notifies', async () => {
    const contact = await kit.createContact({ name: 'Ann Lee', emails: [{ address: 'ann@northwind.test' }] });
    const ticket = await kit.createTicket({ subject: 'Export to Excel', contactId: contact.id, status: 'open' });
    const reply = await kit.json(t.admin, 'POST', `/api/v1/tickets/${ticket.id}/messages`, { kind: 'reply', body: 'Open Contacts › Export.' });
    expect(reply.statusCode, reply.body).toBe(201);
    expect(reply.json()).toMatchObject({ kind: 'reply', toAddress: 'ann@northwind.test', subject: `Re: [${ticket.number}] Export to Excel` });
    const mail = await sql<{ to_address: string; subject: string; object_id: string; status: string }>`
      select to_address, subject, object_id, status from mail_messages where object_id = ${ticket.id}`.execute(t.db.kysely);
    expect(mail.rows).toMatchObject([{ to_address: 'ann@northwind.test', subject: `Re: [${ticket.number}] Export to Excel`, status: 'queued' }]);
    const after = await kit.get(ticket.id);
    expect(after.status).toBe('waiting_customer');
    expect(after.firstResponseAt).not.toBeNull();

    const note = await kit.json(t.admin, 'POST', `/api/v1/tickets/${ticket.id}/messages`, { kind: 'note', body: '@李客服 请跟进', mentions: [rep1.id] });
    expect(note.statusCode, note.body).toBe(201);
    const bell = (await kit.json(rep1, 'GET', '/api/v1/notifications')).json().data;
    expect(bell[0]).toMatchObject({ kind: 'mention', link: { object: 'ticket', id: ticket.id } });
    expect(bell[0].title.zh).toContain(ticket.number);
    const thread = await kit.thread(ticket.id);
    expect(thread.map((m) => m.kind)).toEqual(['reply', 'note']);
    expect((await kit.get(ticket.id)).status).toBe('waiting_customer');

    // No address anywhere: a reply is refused (nothing queued), a note is fine.
    const bare = await kit.createTicket({ subject: 'No address' });
    const refused = await kit.json(t.admin, 'POST', `/api/v1/tickets/${bare.id}/messages`, { kind: 'reply', body: 'Hello' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0]).toMatchObject({ field: 'kind' });
    expect((await kit.thread(bare.id)).length).toBe(0);
    const ghost = await kit.json(t.admin, 'POST', `/api/v1/tickets/${bare.id}/messages`, { kind: 'note', body: 'x', mentions: [crypto.randomUUID()] });
    expect(ghost.statusCode).toBe(400);
  });

  it('access: own (the assignee owns), team below a manager, all for the admin; others get 404', async () => {
    const mine = await kit.createTicket({ subject: 'Rep1 own' }, rep1);
    const assigned = await kit.createTicket({ subject: 'Assigned to rep2', assigneeId: rep2.id });
    expect(assigned.ownerId).toBe(rep2.id);
    const ids = async (user: TestUser) => (await kit.json(user, 'GET', '/api/v1/tickets?limit=200')).json().data.map((x: { id: string }) => x.id);
    expect(await ids(rep1)).toEqual([mine.id]);
    expect(await ids(rep2)).toEqual([assigned.id]);
    const managerSees = await ids(manager);
    expect(managerSees).toContain(mine.id);
    expect(managerSees).not.toContain(assigned.id);
    expect((await ids(t.admin)).length).toBeGreaterThanOrEqual(2);
    expect((await kit.json(rep1, 'GET', `/api/v1/tickets/${assigned.id}`)).statusCode).toBe(404);
    expect((await kit.json(rep1, 'GET', `/api/v1/tickets/${assigned.id}/messages`)).statusCode).toBe(404);
    expect((await kit.json(rep1, 'POST', `/api/v1/tickets/${assigned.id}/messages`, { kind: 'note', body: 'x' })).statusCode).toBe(404);
    expect((await kit.json(rep1, 'PATCH', `/api/v1/tickets/${assigned.id}`, { status: 'closed' })).statusCode).toBe(404);
    // A rep may not delete (the default role), the admin moves it to the recycle bin and back.
    expect((await kit.json(rep1, 'DELETE', `/api/v1/tickets/${mine.id}`)).statusCode).toBe(403);
    expect((await kit.json(t.admin, 'DELETE', `/api/v1/tickets/${mine.id}`)).statusCode).toBe(204);
    expect((await kit.json(t.admin, 'POST', `/api/v1/tickets/${mine.id}/restore`)).statusCode).toBe(200);
    // Another tenant sees nothing and starts its own series.
    const globex = await t.createTenant('globex');
    expect((await kit.json(globex, 'GET', `/api/v1/tickets/${mine.id}`)).statusCode).toBe(404);
    expect((await kit.createTicket({ subject: 'Globex first' }, globex)).number).toBe(`TK-${year}-000001`);
  });

  it('is in the registry: custom fields, export and the objects metadata', async () => {
    await t.defineCustomField(t.admin, { object: 'ticket', key: 'sku', label: { zh: '产品型号', en: 'SKU' }, type: 'text' });
    const ticket = await kit.createTicket({ subject: 'With custom', custom: { sku: 'P-100' } });
    expect(ticket.custom).toEqual({ sku: 'P-100' });
    const filtered = await kit.json(t.admin, 'GET', `/api/v1/tickets?filter=${encodeURIComponent(JSON.stringify({ 'custom.sku': { eq: 'P-100' } }))}`);
    expect(filtered.json().data.map((x: { id: string }) => x.id)).toEqual([ticket.id]);
    const objects = (await kit.json(t.admin, 'GET', '/api/v1/objects')).json().data as { name: string; label: { zh: string } }[];
    expect(objects.find((o) => o.name === 'ticket')?.label.zh).toBe('工单');
    const csv = await kit.json(t.admin, 'GET', '/api/v1/tickets/export');
    expect(csv.statusCode, csv.body.slice(0, 300)).toBe(200);
    expect(csv.body).toContain('With custom');
    // A rep's default role may not export.
    expect((await kit.json(rep1, 'GET', '/api/v1/tickets/export')).statusCode).toBe(403);
  });
});
