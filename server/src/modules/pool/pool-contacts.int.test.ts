import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseAvailable } from '#test/db.ts';
import { claimUrl, count, createCompany, createContact, createPool, createPoolWorld, type PoolWorld, returnContact, returnToPool } from './pool.test-kit.ts';

/** Contact pools (#17): B2C customers (contacts without a company) pooled with the same rules as companies. */
describe.skipIf(!databaseAvailable)('pool: contacts without a company', () => {
  let w: PoolWorld;
  let companyPool: string;
  let contactPool: string;
  let westContacts: string;

  beforeAll(async () => {
    w = await createPoolWorld();
    companyPool = (await createPool(w.t, { name: '华东公海', teamIds: [w.teams.east] })).id;
    contactPool = (
      await createPool(w.t, { name: '个人客户公海', object: 'contact', teamIds: [w.teams.east], maxHeld: 3, maxClaimsPerDay: 2, reclaimCooldownDays: 7 })
    ).id;
    westContacts = (await createPool(w.t, { name: 'West B2C', object: 'contact', teamIds: [w.teams.west] })).id;
  });
  afterAll(() => w?.close());

  const poolList = async (user = w.rep2, poolId = contactPool, q?: string) => {
    const res = await w.t.request(user, { method: 'GET', url: `/api/v1/pools/${poolId}/customers${q ? `?q=${encodeURIComponent(q)}` : ''}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().data as Record<string, unknown>[];
  };

  it('a pool says which object it holds; companies by default, unknown objects refused, the object fixed once created', async () => {
    const { t } = w;
    const pools = (await t.request(t.admin, { method: 'GET', url: '/api/v1/pools' })).json().data as { id: string; object: string }[];
    expect(pools.find((p) => p.id === companyPool)?.object).toBe('company');
    expect(pools.find((p) => p.id === contactPool)?.object).toBe('contact');
    const deals = await t.request(t.admin, { method: 'POST', url: '/api/v1/pools', payload: { name: 'Deals?', object: 'deal' } });
    expect(deals.statusCode).toBe(400);
    expect(deals.json().errors).toEqual([{ field: 'object', message: 'This kind of record cannot be held in a public pool' }]);
    const change = await t.request(t.admin, { method: 'PATCH', url: `/api/v1/pools/${contactPool}`, payload: { object: 'company' } });
    expect(change.statusCode).toBe(400);
  });

  it('the owner returns a B2C contact into their contact pool; it is masked there and gone from their contacts', async () => {
    const { t, rep1, rep2 } = w;
    const c = await createContact(t, rep1, '韩梅梅');
    const moved = await returnContact(t, rep1, c.id);
    expect(moved).toMatchObject({ object: 'contact', recordId: c.id, companyId: null, poolId: contactPool, ownerId: null });
    expect((await t.request(rep1, { method: 'GET', url: `/api/v1/contacts/${c.id}` })).statusCode).toBe(404);
    const row = (await poolList(rep2)).find((r) => r.id === c.id);
    expect(row).toMatchObject({
      object: 'contact',
      name: '韩梅梅',
      title: '个人客户',
      industry: null,
      phones: ['139****5678'],
      emails: ['l*****@example.com'],
      pooledReason: 'returned',
      returnReason: '暂不需要',
      previousOwner: { id: rep1.id, name: '李一' },
      contacts: [],
      contactCount: 0,
    });
    // Nor is the company pool showing it, nor the contact pool a company.
    expect((await poolList(rep2, companyPool)).some((r) => r.id === c.id)).toBe(false);
    const timeline = await t.request(t.admin, { method: 'GET', url: `/api/v1/contacts/${c.id}/timeline` });
    expect(timeline.json().data.map((i: { action?: string }) => i.action)).toContain('pool_returned');
    const { rows } = await sql<{ type: string }>`select type from outbox where object_id = ${c.id} and type like 'contact.pool%'`.execute(t.db.kysely);
    expect(rows.map((r) => r.type)).toEqual(['contact.pool_returned']);
  });

  it('a company’s contact is not pooled on its own: it moves with its company, which lands in the company pool', async () => {
    const { t, rep1, rep2 } = w;
    const company = await createCompany(t, rep1, '上海启明贸易');
    const before = { audit: await count(t, 'audit_log'), outbox: await count(t, 'outbox') };
    const alone = await t.request(rep1, {
      method: 'POST',
      url: `/api/v1/contacts/${company.contactId}/return-to-pool`,
      payload: { reason: '单独退回', poolId: contactPool },
      headers: { 'accept-language': 'zh-CN' },
    });
    expect(alone.statusCode).toBe(409);
    expect(alone.json()).toMatchObject({ code: 'pool_follows_parent', detail: '该联系人属于某个公司，随公司一起进出公海，不能单独操作' });
    expect([await count(t, 'audit_log'), await count(t, 'outbox')]).toEqual([before.audit, before.outbox]);
    await returnToPool(t, rep1, company.id);
    expect((await poolList(rep2, companyPool)).find((r) => r.id === company.id)).toMatchObject({ contactCount: 1 });
    expect((await poolList(rep2)).some((r) => r.id === company.contactId)).toBe(false);
  });

  it('a contact goes only into a contact pool, and only into one the caller sees', async () => {
    const { t, rep1 } = w;
    const c = await createContact(t, rep1, '错池测试');
    const wrong = await t.request(rep1, { method: 'POST', url: `/api/v1/contacts/${c.id}/return-to-pool`, payload: { reason: 'x', poolId: companyPool } });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors).toEqual([{ field: 'poolId', message: 'This pool holds another kind of record' }]);
    const hidden = await t.request(rep1, { method: 'POST', url: `/api/v1/contacts/${c.id}/return-to-pool`, payload: { reason: 'x', poolId: westContacts } });
    expect(hidden.statusCode).toBe(404);
    expect((await t.request(rep1, { method: 'GET', url: `/api/v1/contacts/${c.id}` })).json().ownerId).toBe(rep1.id);
  });

  it('another rep claims it: the contact is theirs, unmasked, with the claim logged', async () => {
    const { t, rep1, rep2 } = w;
    const c = await createContact(t, rep1, '李雷');
    await returnContact(t, rep1, c.id);
    const res = await t.request(rep2, { method: 'POST', url: claimUrl(contactPool, c.id) });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ object: 'contact', recordId: c.id, ownerId: rep2.id, poolId: contactPool });
    const mine = await t.request(rep2, { method: 'GET', url: `/api/v1/contacts/${c.id}` });
    expect(mine.statusCode).toBe(200);
    expect(mine.json().phones[0].number).toBe('13912345678');
    const { rows } = await sql<{ object: string; user_id: string }>`select object, user_id from pool_claims where record_id = ${c.id}`.execute(t.db.kysely);
    expect(rows).toEqual([{ object: 'contact', user_id: rep2.id }]);
    const { rows: audit } = await sql<{ action: string; object_type: string }>`
      select action, object_type from audit_log where object_id = ${c.id} and action like 'pool_%' order by id`.execute(t.db.kysely);
    expect(audit).toEqual([
      { action: 'pool_returned', object_type: 'contact' },
      { action: 'pool_claimed', object_type: 'contact' },
    ]);
    // Claiming it again (or from the company pool) is refused with who has it.
    const again = await t.request(rep1, { method: 'POST', url: claimUrl(contactPool, c.id), headers: { 'accept-language': 'zh-CN' } });
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toBe('张二 刚刚领取了该客户');
    expect((await t.request(rep1, { method: 'POST', url: claimUrl(companyPool, c.id) })).statusCode).toBe(404);
  });

  it('the previous owner waits out the cool-down', async () => {
    const { t, rep1 } = w;
    const c = await createContact(t, rep1, '冷却期个人客户');
    await returnContact(t, rep1, c.id);
    const res = await t.request(rep1, { method: 'POST', url: claimUrl(contactPool, c.id) });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('pool_cooldown');
    expect((await poolList(rep1, contactPool, '冷却期'))[0]?.cooldownUntil).not.toBeNull();
    await sql`update pool_customers set released_at = now() - interval '8 days' where record_id = ${c.id}`.execute(w.t.db.kysely);
    expect((await t.request(rep1, { method: 'POST', url: claimUrl(contactPool, c.id) })).statusCode).toBe(200);
  });

  it('claims per day and contacts held count contacts, not companies, and show on the pool', async () => {
    const { t, manager } = w;
    const rep3 = await t.createUser({ role: 'Sales Rep', teamId: w.teams.east, name: '周五' });
    // Companies held and company claims do not count against a contact pool.
    for (const name of ['周五公司一', '周五公司二', '周五公司三', '周五公司四']) await createCompany(t, rep3, name);
    const pooled = [];
    for (const name of ['日限甲', '日限乙', '日限丙']) {
      const c = await createContact(t, manager, name);
      await returnContact(t, manager, c.id, contactPool);
      pooled.push(c);
    }
    const [a, b, c] = pooled as { id: string }[];
    expect((await t.request(rep3, { method: 'POST', url: claimUrl(contactPool, a?.id as string) })).statusCode).toBe(200);
    expect((await t.request(rep3, { method: 'POST', url: claimUrl(contactPool, b?.id as string) })).statusCode).toBe(200);
    const third = await t.request(rep3, { method: 'POST', url: claimUrl(contactPool, c?.id as string) });
    expect(third.statusCode).toBe(409);
    expect(third.json()).toMatchObject({ code: 'pool_daily_limit', detail: 'You have claimed 2 customers today; the limit is 2 a day' });
    const pools = (await t.request(rep3, { method: 'GET', url: '/api/v1/pools' })).json().data as { id: string; mine: unknown }[];
    expect(pools.find((p) => p.id === contactPool)?.mine).toEqual({ held: 2, claimsToday: 2 });
    expect(pools.find((p) => p.id === companyPool)?.mine).toEqual({ held: 4, claimsToday: 0 });
    // Held: a third B2C contact of their own reaches maxHeld 3 (a company's contact would not count).
    await createContact(t, rep3, '自建个人客户');
    await sql`delete from pool_claims where user_id = ${rep3.id}`.execute(t.db.kysely);
    const held = await t.request(rep3, { method: 'POST', url: claimUrl(contactPool, c?.id as string) });
    expect(held.statusCode).toBe(409);
    expect(held.json()).toMatchObject({ code: 'pool_held_limit', detail: expect.stringContaining('You already hold 3 customers') });
  });

  it('a rep sees the contact pools their team is given, and none without the right to read contacts', async () => {
    const { t, rep1, westRep } = w;
    const c = await createContact(t, rep1, '团队可见');
    await returnContact(t, rep1, c.id);
    expect((await t.request(westRep, { method: 'GET', url: `/api/v1/pools/${contactPool}/customers` })).statusCode).toBe(404);
    expect((await t.request(westRep, { method: 'POST', url: claimUrl(contactPool, c.id) })).statusCode).toBe(404);
    expect((await poolList(westRep, westContacts)).some((r) => r.id === c.id)).toBe(false);
    const role = await t.request(t.admin, {
      method: 'POST',
      url: '/api/v1/roles',
      payload: { name: 'Company only', permissions: { company: { read: 'own', update: 'own' }, pool: { read: 'all' } } },
    });
    expect(role.statusCode, role.body).toBe(201);
    const companyOnly = await t.createUser({ role: 'Company only', teamId: w.teams.east });
    const names = (await t.request(companyOnly, { method: 'GET', url: '/api/v1/pools' })).json().data.map((p: { name: string }) => p.name);
    expect(names).toContain('华东公海');
    expect(names).not.toContain('个人客户公海');
    expect((await t.request(companyOnly, { method: 'GET', url: `/api/v1/pools/${contactPool}/customers` })).statusCode).toBe(404);
  });

  it('managers assign a contact from the pool; reps may not; managers lock and unlock contacts', async () => {
    const { t, rep1, rep2, manager } = w;
    const c = await createContact(t, manager, '分配个人客户');
    await returnContact(t, manager, c.id, contactPool);
    const url = `/api/v1/pools/${contactPool}/customers/${c.id}/assign`;
    expect((await t.request(rep1, { method: 'POST', url, payload: { userId: rep2.id } })).statusCode).toBe(403);
    const ok = await t.request(manager, { method: 'POST', url, payload: { userId: rep2.id } });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await t.request(rep2, { method: 'GET', url: `/api/v1/contacts/${c.id}` })).json().ownerId).toBe(rep2.id);
    const lock = await t.request(manager, { method: 'PUT', url: `/api/v1/contacts/${c.id}/pool-lock`, payload: { locked: true } });
    expect(lock.statusCode, lock.body).toBe(200);
    expect(lock.json()).toEqual({ object: 'contact', recordId: c.id, companyId: null, locked: true });
    expect((await t.request(rep2, { method: 'PUT', url: `/api/v1/contacts/${c.id}/pool-lock`, payload: { locked: false } })).statusCode).toBe(403);
    const locked = (await t.request(manager, { method: 'GET', url: '/api/v1/pools/locked' })).json().data;
    expect(locked).toContainEqual(expect.objectContaining({ object: 'contact', id: c.id, name: '分配个人客户', owner: { id: rep2.id, name: '张二' } }));
  });

  it('an empty contact pool can be deleted; one holding contacts cannot', async () => {
    const { t } = w;
    expect((await t.request(t.admin, { method: 'DELETE', url: `/api/v1/pools/${contactPool}` })).statusCode).toBe(409);
    expect((await t.request(t.admin, { method: 'DELETE', url: `/api/v1/pools/${westContacts}` })).statusCode).toBe(204);
  });
});
