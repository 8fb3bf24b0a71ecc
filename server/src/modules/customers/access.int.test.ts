import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestUser } from '../../../test/app.ts';
import { databaseAvailable } from '../../../test/db.ts';
import { inTenant } from '../../db/tx.ts';

const ids = (res: { json: () => { data: { id: string }[] } }) =>
  res
    .json()
    .data.map((c) => c.id)
    .sort();

describe.skipIf(!databaseAvailable)('access rules on customer records', () => {
  let t: TestApp;
  let manager: TestUser;
  let rep1: TestUser;
  let rep2: TestUser;
  let outsider: TestUser;
  const contactOf: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp();
    // Team tree: sales (manager) > east (rep1); rep2 in another team.
    const teams = await inTenant(t.db.kysely, t.admin.tenantId, async (tx) => {
      const root = (await tx.selectFrom('teams').select('id').executeTakeFirstOrThrow()).id;
      const mk = async (name: string, parent: string) => {
        const id = crypto.randomUUID();
        await tx.insertInto('teams').values({ tenant_id: t.admin.tenantId, id, name, parent_id: parent }).execute();
        return id;
      };
      const sales = await mk('Sales', root);
      return { sales, east: await mk('East', sales), other: await mk('Other', root) };
    });
    manager = await t.createUser({ role: 'Sales Manager', teamId: teams.sales });
    rep1 = await t.createUser({ role: 'Sales Rep', teamId: teams.east });
    rep2 = await t.createUser({ role: 'Sales Rep', teamId: teams.other });
    outsider = await t.createTenant('globex');
    for (const [who, user] of Object.entries({ manager, rep1, rep2 })) {
      const res = await t.request(user, {
        method: 'POST',
        url: '/api/v1/contacts',
        payload: { name: `客户 of ${who}`, phones: [{ number: '13812341234' }], ...(who === 'rep1' ? {} : {}) },
      });
      expect(res.statusCode, res.body).toBe(201);
      contactOf[who] = res.json().id;
    }
    // The admin gives rep1's contact an ID number (reps may not edit it).
    const res = await t.request(t.admin, { method: 'PATCH', url: `/api/v1/contacts/${contactOf.rep1}`, payload: { idNumber: '110101199003071234' } });
    expect(res.statusCode, res.body).toBe(200);
  });
  afterAll(() => t?.close());

  it('scope own: a rep lists, searches, counts and opens only their own records', async () => {
    expect(ids(await t.request(rep1, { method: 'GET', url: '/api/v1/contacts' }))).toEqual([contactOf.rep1]);
    expect(ids(await t.request(rep1, { method: 'GET', url: '/api/v1/contacts?q=客户' }))).toEqual([contactOf.rep1]);
    expect((await t.request(rep1, { method: 'GET', url: '/api/v1/contacts/count' })).json().count).toBe(1);
    const other = await t.request(rep1, { method: 'GET', url: `/api/v1/contacts/${contactOf.rep2}` });
    expect(other.statusCode).toBe(404);
    expect((await t.request(rep1, { method: 'PATCH', url: `/api/v1/contacts/${contactOf.rep2}`, payload: { title: 'x' } })).statusCode).toBe(404);
  });

  it('scope team: a manager sees their team subtree but not other teams', async () => {
    expect(ids(await t.request(manager, { method: 'GET', url: '/api/v1/contacts' }))).toEqual([contactOf.manager, contactOf.rep1].sort());
    expect((await t.request(manager, { method: 'GET', url: `/api/v1/contacts/${contactOf.rep2}` })).statusCode).toBe(404);
  });

  it('scope all: the admin sees everything', async () => {
    expect(ids(await t.request(t.admin, { method: 'GET', url: '/api/v1/contacts' }))).toEqual(Object.values(contactOf).sort());
  });

  it('masks sensitive fields without the field permission, in get, list and export', async () => {
    const asRep = (await t.request(rep1, { method: 'GET', url: `/api/v1/contacts/${contactOf.rep1}` })).json();
    expect(asRep.idNumber).toBe('1101**********1234');
    expect(asRep.phones[0].number).toBe('13812341234'); // reps have phones:read by default
    const asManager = (await t.request(manager, { method: 'GET', url: `/api/v1/contacts/${contactOf.rep1}` })).json();
    expect(asManager.idNumber).toBe('110101199003071234');
    const listed = (await t.request(rep1, { method: 'GET', url: '/api/v1/contacts' })).json().data[0];
    expect(listed.idNumber).toBe('1101**********1234');
    const exported = await t.request(manager, { method: 'GET', url: '/api/v1/contacts/export' });
    expect(exported.statusCode).toBe(200);
    expect(exported.body).toContain('110101199003071234');
    expect(exported.body).not.toContain(contactOf.rep2);
    expect((await t.request(rep1, { method: 'GET', url: '/api/v1/contacts/export' })).statusCode).toBe(403);
  });

  it('refuses edits of sensitive fields without the edit permission and writes nothing', async () => {
    const res = await t.request(rep1, { method: 'PATCH', url: `/api/v1/contacts/${contactOf.rep1}`, payload: { idNumber: '1', title: 'new' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toContainEqual({ field: 'idNumber', message: 'You may not edit this field' });
    expect((await t.request(t.admin, { method: 'GET', url: `/api/v1/contacts/${contactOf.rep1}` })).json().title).toBeNull();
  });

  it('stores sensitive values encrypted at rest', async () => {
    const { rows } = await sql<{ id_number: string }>`select id_number from contacts where id = ${contactOf.rep1}`.execute(t.db.kysely);
    expect(rows[0]?.id_number).toMatch(/^v1:/);
    expect(rows[0]?.id_number).not.toContain('1101');
  });

  it('isolates tenants: another tenant gets 404 and sees nothing, even through a raw query under RLS', async () => {
    expect((await t.request(outsider, { method: 'GET', url: `/api/v1/contacts/${contactOf.rep1}` })).statusCode).toBe(404);
    expect((await t.request(outsider, { method: 'PATCH', url: `/api/v1/contacts/${contactOf.rep1}`, payload: { title: 'x' } })).statusCode).toBe(404);
    expect(ids(await t.request(outsider, { method: 'GET', url: '/api/v1/contacts' }))).toEqual([]);
    const leaked = await inTenant(t.db.kysely, outsider.tenantId, (tx) => sql<{ n: number }>`select count(*)::int as n from contacts`.execute(tx));
    expect(leaked.rows[0]?.n).toBe(0);
    await expect(
      inTenant(t.db.kysely, outsider.tenantId, (tx) =>
        sql`insert into contacts (tenant_id, id, name) values (${t.admin.tenantId}, ${crypto.randomUUID()}, 'intruder')`.execute(tx),
      ),
    ).rejects.toThrow(/row-level security/);
  });

  it('audits exports', async () => {
    const { rows } = await sql<{ action: string }>`select action from audit_log where action = 'exported' and actor_id = ${manager.id}`.execute(t.db.kysely);
    expect(rows.length).toBeGreaterThan(0);
  });
});
