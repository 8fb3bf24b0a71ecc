import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestUser } from '#test/app.ts';
import { databaseAvailable } from '#test/db.ts';

type Item = {
  kind: 'activity' | 'change';
  at: string;
  activity?: { id: string; subject: string };
  action?: string;
  actorName?: string | null;
  changes?: Record<string, { from: unknown; to: unknown }>;
};
type Page = { data: Item[]; nextCursor: string | null };

describe.skipIf(!databaseAvailable)('the 360 timeline', () => {
  let t: TestApp;
  let rep1: TestUser;
  let rep2: TestUser;
  let companyId: string;
  let contactId: string;
  const page = async (user: TestUser, path: string, query = ''): Promise<Page> => {
    const res = await t.request(user, { method: 'GET', url: `/api/v1/${path}/timeline${query}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const log = async (user: TestUser, payload: Record<string, unknown>) => {
    const res = await t.request(user, { method: 'POST', url: '/api/v1/activities', payload: { type: 'note', ...payload } });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string };
  };

  beforeAll(async () => {
    t = await createTestApp();
    rep1 = await t.createUser({ role: 'Sales Rep', name: '周杰' });
    rep2 = await t.createUser({ role: 'Sales Rep' });
    companyId = (await t.request(rep1, { method: 'POST', url: '/api/v1/companies', payload: { name: '深圳海川' } })).json().id;
    contactId = (await t.request(rep1, { method: 'POST', url: '/api/v1/contacts', payload: { name: '陈静', companyId } })).json().id;
    const other = (await t.request(rep1, { method: 'POST', url: '/api/v1/contacts', payload: { name: 'Tom Lee', companyId } })).json().id;
    for (let i = 0; i < 7; i++) await log(rep1, { subject: `note ${i}`, contactId, occurredAt: new Date(Date.UTC(2026, 10, 1 + i)).toISOString() });
    await log(rep1, { subject: 'about Tom', contactId: other });
    await log(rep1, { subject: 'company only', companyId });
    const patched = await t.request(rep1, { method: 'PATCH', url: `/api/v1/contacts/${contactId}`, payload: { title: '采购经理' } });
    expect(patched.statusCode, patched.body).toBe(200);
  });
  afterAll(() => t?.close());

  it('mixes activities and field changes, newest first', async () => {
    const { data } = await page(rep1, `contacts/${contactId}`);
    expect(data).toHaveLength(9); // 7 notes, created, updated
    const ats = data.map((i) => Date.parse(i.at));
    expect(ats).toEqual([...ats].sort((a, b) => b - a));
    expect(data[0]).toMatchObject({ kind: 'change', action: 'updated', actorName: '周杰', changes: { title: { from: null, to: '采购经理' } } });
    expect(data.filter((i) => i.kind === 'activity').map((i) => i.activity?.subject)).toEqual([
      'note 6',
      'note 5',
      'note 4',
      'note 3',
      'note 2',
      'note 1',
      'note 0',
    ]);
    expect(data[1]).toMatchObject({ kind: 'change', action: 'created' }); // today, after the back-dated notes
  });

  it('gives a company its own activities and those of its contacts', async () => {
    const { data } = await page(rep1, `companies/${companyId}`);
    const subjects = data.filter((i) => i.kind === 'activity').map((i) => i.activity?.subject);
    expect(subjects).toEqual(expect.arrayContaining(['about Tom', 'company only', 'note 0']));
    expect(subjects).toHaveLength(9);
    expect(data.filter((i) => i.kind === 'change').map((i) => i.action)).toEqual(['created']);
  });

  it('pages with nextCursor, every item exactly once and in order', async () => {
    const full = (await page(rep1, `contacts/${contactId}`, '?limit=200')).data.map((i) => i.at + (i.activity?.id ?? i.action));
    for (const limit of [1, 2, 4]) {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const p: Page = await page(rep1, `contacts/${contactId}`, `?limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
        expect(p.data.length).toBeLessThanOrEqual(limit);
        seen.push(...p.data.map((i) => i.at + (i.activity?.id ?? i.action)));
        cursor = p.nextCursor;
      } while (cursor);
      expect(seen).toEqual(full);
    }
    const bad = await t.request(rep1, { method: 'GET', url: `/api/v1/contacts/${contactId}/timeline?cursor=nope` });
    expect(bad.statusCode).toBe(400);
  });

  it('hides another rep’s contact (404) and activities (lists and timeline)', async () => {
    expect((await t.request(rep2, { method: 'GET', url: `/api/v1/contacts/${contactId}/timeline` })).statusCode).toBe(404);
    expect((await t.request(rep2, { method: 'GET', url: `/api/v1/companies/${companyId}/timeline` })).statusCode).toBe(404);
    expect((await t.request(rep2, { method: 'GET', url: '/api/v1/activities' })).json().data).toEqual([]);
    expect((await t.request(rep1, { method: 'GET', url: '/api/v1/activities?limit=100' })).json().data).toHaveLength(9);
    // Nor may rep2 log an activity on it: the link answers "no such contact".
    const res = await t.request(rep2, { method: 'POST', url: '/api/v1/activities', payload: { type: 'note', subject: 'x', contactId } });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([{ field: 'contactId', message: 'No such contact' }]);
  });

  it('shows a rep only the activities they may read on a visible record', async () => {
    await log(t.admin, { subject: 'manager’s private note', contactId });
    const asRep = (await page(rep1, `contacts/${contactId}`, '?limit=200')).data.map((i) => i.activity?.subject);
    expect(asRep).not.toContain('manager’s private note');
    const asAdmin = (await page(t.admin, `contacts/${contactId}`, '?limit=200')).data.map((i) => i.activity?.subject);
    expect(asAdmin).toContain('manager’s private note');
  });

  it('gives every object with the timeline capability one: a deal its activities, a ticket its field history, to those who may read it', async () => {
    const deal = (await t.request(rep1, { method: 'POST', url: '/api/v1/deals', payload: { name: '海川 年度合同', companyId, currency: 'CNY' } })).json();
    await log(rep1, { subject: 'deal call', dealId: deal.id });
    const dealItems = (await page(rep1, `deals/${deal.id}`)).data;
    expect(dealItems.filter((i) => i.kind === 'activity').map((i) => i.activity?.subject)).toEqual(['deal call']);
    expect(dealItems.some((i) => i.kind === 'change' && i.action === 'created')).toBe(true);

    const ticket = await t.request(t.admin, { method: 'POST', url: '/api/v1/tickets', payload: { subject: '发票抬头错误', contactId } });
    expect(ticket.statusCode, ticket.body).toBe(201);
    const id = ticket.json().id as string;
    const patched = await t.request(t.admin, { method: 'PATCH', url: `/api/v1/tickets/${id}`, payload: { priority: 'high' } });
    expect(patched.statusCode, patched.body).toBe(200);
    const changes = (await page(t.admin, `tickets/${id}`)).data.filter((i) => i.kind === 'change');
    expect(changes[0]?.changes?.priority).toEqual({ from: 'normal', to: 'high' });
    expect(changes.at(-1)?.action).toBe('created');
    // Someone who may not read the ticket learns nothing of it.
    expect((await t.request(rep2, { method: 'GET', url: `/api/v1/tickets/${id}/timeline` })).statusCode).toBe(404);
  });
});
