import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '#test/app.ts';
import { databaseAvailable } from '#test/db.ts';
import { runRetention } from './index.ts';

/** Retention on a fixed clock: records past the policy's age lose their personal data (or go), the rest stay. */
describe.skipIf(!databaseAvailable)('retention policies', () => {
  let t: TestApp;
  const ids: Record<string, string> = {};

  const post = async (url: string, payload: object) => t.request(t.admin, { method: 'POST', url, payload });
  const created = async (url: string, payload: object) => {
    const res = await post(url, payload);
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  const age = (table: string, id: string, iso: string) => sql`update ${sql.table(table)} set created_at = ${iso} where id = ${id}`.execute(t.db.kysely);
  const policies = () => t.request(t.admin, { method: 'GET', url: '/api/v1/privacy/retention-policies' });

  beforeAll(async () => {
    t = await createTestApp();
    ids.oldLead = await created('/api/v1/leads', { name: '陈旧线索', emails: [{ address: 'old-lead@example.com' }] });
    ids.oldLead2 = await created('/api/v1/leads', { name: 'Stale Lead', phones: [{ number: '13800000001' }] });
    ids.newLead = await created('/api/v1/leads', { name: '新线索', emails: [{ address: 'new-lead@example.com' }] });
    await age('leads', ids.oldLead, '2022-01-01T00:00:00Z');
    await age('leads', ids.oldLead2, '2022-06-01T00:00:00Z');
    await age('leads', ids.newLead, '2026-11-01T00:00:00Z');
    ids.customer = await created('/api/v1/contacts', { name: 'Kept Customer', emails: [{ address: 'kept@example.com' }] });
    ids.gone = await created('/api/v1/contacts', { name: 'Gone Contact', emails: [{ address: 'gone@example.com' }] });
    await created('/api/v1/deals', { name: 'Big deal', amount: '5000.00', currency: 'CNY', contactId: ids.customer });
    await age('contacts', ids.customer, '2020-01-01T00:00:00Z');
    await age('contacts', ids.gone, '2020-01-01T00:00:00Z');
  });
  afterAll(() => t?.close());

  it('offers the objects holding personal data with their date fields, and refuses bad input with nothing written', async () => {
    const targets = (await t.request(t.admin, { method: 'GET', url: '/api/v1/privacy/retention-policies/targets' })).json().data;
    const lead = targets.find((x: { object: string }) => x.object === 'lead');
    expect(lead.fields).toEqual(expect.arrayContaining(['createdAt', 'updatedAt', 'lastActivityAt']));
    expect(targets.map((x: { object: string }) => x.object)).not.toContain('deal');
    const badField = await post('/api/v1/privacy/retention-policies', { object: 'lead', field: 'name', months: 12, action: 'anonymise' });
    expect(badField.statusCode).toBe(400);
    expect(badField.headers['content-type']).toContain('application/problem+json');
    expect((await post('/api/v1/privacy/retention-policies', { object: 'deal', field: 'createdAt', months: 12, action: 'anonymise' })).statusCode).toBe(400);
    expect((await post('/api/v1/privacy/retention-policies', { object: 'lead', field: 'createdAt', months: 0, action: 'anonymise' })).statusCode).toBe(400);
    const rep = await t.createUser({ role: 'Sales Rep' });
    expect((await t.request(rep, { method: 'GET', url: '/api/v1/privacy/retention-policies' })).statusCode).toBe(403);
    expect((await policies()).json().data).toEqual([]);
  });

  it('previews, then the daily run anonymises leads older than the policy, once, and reports it', async () => {
    const id = await created('/api/v1/privacy/retention-policies', { object: 'lead', field: 'createdAt', months: 36, action: 'anonymise' });
    const preview = await t.request(t.admin, { method: 'GET', url: `/api/v1/privacy/retention-policies/${id}/preview` });
    expect(preview.json()).toEqual({ count: 2, total: 3 });

    const now = new Date('2026-12-07T03:23:00Z');
    expect(await runRetention({ deps: t.deps, now, tenantId: t.admin.tenantId })).toEqual({ anonymised: 2, deleted: 0 });
    const lead = (await t.request(t.admin, { method: 'GET', url: `/api/v1/leads/${ids.oldLead}` })).json();
    expect(lead).toMatchObject({ name: '已擦除 Erased', emails: [] });
    const fresh = (await t.request(t.admin, { method: 'GET', url: `/api/v1/leads/${ids.newLead}` })).json();
    expect(fresh).toMatchObject({ name: '新线索', emails: [{ address: 'new-lead@example.com' }] });
    // The trail of the anonymised lead keeps the change, not the address.
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from audit_log where changes::text like '%old-lead@example.com%'`.execute(t.db.kysely);
    expect(rows[0]?.n).toBe(0);
    // Idempotent: the next day has nothing left to do.
    expect(await runRetention({ deps: t.deps, now, tenantId: t.admin.tenantId })).toEqual({ anonymised: 0, deleted: 0 });
    const policy = (await policies()).json().data.find((p: { id: string }) => p.id === id);
    expect(policy).toMatchObject({ label: { zh: '线索', en: 'Lead' }, lastResult: { anonymised: 0, deleted: 0, at: now.toISOString() } });
  });

  it('asks for the count before a policy that would act on every record, and deletes what nothing points at', async () => {
    const body = { object: 'contact', field: 'createdAt', months: 12, action: 'delete' };
    const guarded = await post('/api/v1/privacy/retention-policies', body);
    expect(guarded.statusCode).toBe(409);
    expect(guarded.json()).toMatchObject({ count: 2 });
    expect(guarded.json().detail).toContain('(2)');
    expect((await post('/api/v1/privacy/retention-policies', { ...body, confirmCount: 1 })).statusCode).toBe(409);
    const id = await created('/api/v1/privacy/retention-policies', { ...body, confirmCount: 2 });

    expect((await post(`/api/v1/privacy/retention-policies/${id}/run`, {})).statusCode).toBe(409);
    const run = await post(`/api/v1/privacy/retention-policies/${id}/run`, { confirmCount: 2 });
    expect(run.statusCode, run.body).toBe(200);
    expect(run.json().lastResult).toMatchObject({ deleted: 1, anonymised: 1 });
    expect((await t.request(t.admin, { method: 'GET', url: `/api/v1/contacts/${ids.gone}` })).statusCode).toBe(404);
    // A deal points at this one: it stays, without the person.
    const kept = (await t.request(t.admin, { method: 'GET', url: `/api/v1/contacts/${ids.customer}` })).json();
    expect(kept).toMatchObject({ name: '已擦除 Erased', emails: [] });
  });
});
