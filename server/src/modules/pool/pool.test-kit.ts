import { sql } from 'kysely';
import { expect } from 'vitest';
import { createTestApp, type TestApp, type TestUser } from '#test/app.ts';
import { inTenant } from '#db/tx.ts';

export type PoolWorld = {
  t: TestApp;
  teams: { east: string; west: string };
  manager: TestUser;
  rep1: TestUser;
  rep2: TestUser;
  westRep: TestUser;
  close: () => Promise<void>;
};

/** Teams Sales > East (manager, rep1, rep2) and West (westRep), each with its own users. */
export async function createPoolWorld(): Promise<PoolWorld> {
  const t = await createTestApp();
  const teams = await inTenant(t.db.kysely, t.admin.tenantId, async (tx) => {
    const root = (await tx.selectFrom('teams').select('id').executeTakeFirstOrThrow()).id;
    const mk = async (name: string) => {
      const id = crypto.randomUUID();
      await tx.insertInto('teams').values({ tenant_id: t.admin.tenantId, id, name, parent_id: root }).execute();
      return id;
    };
    return { east: await mk('East'), west: await mk('West') };
  });
  const manager = await t.createUser({ role: 'Sales Manager', teamId: teams.east, name: '王经理' });
  const rep1 = await t.createUser({ role: 'Sales Rep', teamId: teams.east, name: '李一' });
  const rep2 = await t.createUser({ role: 'Sales Rep', teamId: teams.east, name: '张二' });
  const westRep = await t.createUser({ role: 'Sales Rep', teamId: teams.west, name: 'West Rep' });
  return { t, teams, manager, rep1, rep2, westRep, close: () => t.close() };
}

export async function createPool(t: TestApp, body: Record<string, unknown>): Promise<{ id: string; version: number }> {
  const res = await t.request(t.admin, { method: 'POST', url: '/api/v1/pools', payload: body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

/** A company owned by `owner` with one contact (phone + e-mail). */
export async function createCompany(t: TestApp, owner: TestUser, name: string): Promise<{ id: string; contactId: string }> {
  const res = await t.request(owner, { method: 'POST', url: '/api/v1/companies', payload: { name, phones: [{ number: '02161234567' }] } });
  expect(res.statusCode, res.body).toBe(201);
  const id = res.json().id as string;
  const contact = await t.request(owner, {
    method: 'POST',
    url: '/api/v1/contacts',
    payload: { name: `${name} 联系人`, companyId: id, phones: [{ number: '13812341234' }], emails: [{ address: 'zhang.wei@example.com' }] },
  });
  expect(contact.statusCode, contact.body).toBe(201);
  return { id, contactId: contact.json().id as string };
}

export async function returnToPool(t: TestApp, user: TestUser, companyId: string, poolId?: string) {
  const res = await t.request(user, {
    method: 'POST',
    url: `/api/v1/companies/${companyId}/return-to-pool`,
    payload: { reason: '暂无需求', ...(poolId ? { poolId } : {}) },
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

export const claimUrl = (poolId: string, companyId: string) => `/api/v1/pools/${poolId}/customers/${companyId}/claim`;

/** A B2C contact (no company) owned by `owner`, with a phone and an e-mail. */
export async function createContact(t: TestApp, owner: TestUser, name: string, extra: Record<string, unknown> = {}): Promise<{ id: string }> {
  const res = await t.request(owner, {
    method: 'POST',
    url: '/api/v1/contacts',
    payload: { name, title: '个人客户', phones: [{ number: '13912345678' }], emails: [{ address: 'li.lei@example.com' }], ...extra },
  });
  expect(res.statusCode, res.body).toBe(201);
  return { id: res.json().id as string };
}

export async function returnContact(t: TestApp, user: TestUser, contactId: string, poolId?: string) {
  const res = await t.request(user, {
    method: 'POST',
    url: `/api/v1/contacts/${contactId}/return-to-pool`,
    payload: { reason: '暂不需要', ...(poolId ? { poolId } : {}) },
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

/**
 * Ages a company (or, with `table: 'contacts'`, a contact): created, owned and last followed up
 * `days` ago (tests only; the app never rewrites history).
 */
export async function age(t: TestApp, id: string, days: number, table: 'companies' | 'contacts' = 'companies'): Promise<void> {
  const when = new Date(Date.now() - days * 86_400_000);
  await sql`update ${sql.table(table)} set created_at = ${when}, last_activity_at = ${when} where id = ${id}`.execute(t.db.kysely);
  await sql`update pool_customers set owned_since = ${when} where record_id = ${id}`.execute(t.db.kysely);
}

export async function count(t: TestApp, table: 'audit_log' | 'outbox' | 'pool_claims' | 'activities'): Promise<number> {
  const { rows } = await sql<{ n: string }>`select count(*) as n from ${sql.table(table)}`.execute(t.db.kysely);
  return Number(rows[0]?.n);
}
