import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseAvailable } from '#test/db.ts';
import { age, claimUrl, count, createCompany, createPool, createPoolWorld, type PoolWorld, returnToPool } from './pool.test-kit.ts';

describe.skipIf(!databaseAvailable)('pool: claim, assign, return', () => {
  let w: PoolWorld;
  let eastPool: string;
  let westPool: string;

  beforeAll(async () => {
    w = await createPoolWorld();
    eastPool = (await createPool(w.t, { name: '华东公海', teamIds: [w.teams.east], maxHeld: 3, maxClaimsPerDay: 2, reclaimCooldownDays: 7 })).id;
    westPool = (await createPool(w.t, { name: 'West pool', teamIds: [w.teams.west] })).id;
  });
  afterAll(() => w?.close());

  it('returns with a reason into the owner’s pool, masks contacts there, and logs the move', async () => {
    const { t, rep1 } = w;
    const c = await createCompany(t, rep1, '上海云帆科技');
    const moved = await returnToPool(t, rep1, c.id);
    expect(moved).toMatchObject({ object: 'company', recordId: c.id, companyId: c.id, poolId: eastPool, ownerId: null });
    // Gone from the rep's customers, contacts included.
    expect((await t.request(rep1, { method: 'GET', url: `/api/v1/companies/${c.id}` })).statusCode).toBe(404);
    expect((await t.request(rep1, { method: 'GET', url: `/api/v1/contacts/${c.contactId}` })).statusCode).toBe(404);
    const list = await t.request(w.rep2, { method: 'GET', url: `/api/v1/pools/${eastPool}/customers` });
    expect(list.statusCode, list.body).toBe(200);
    const row = list.json().data.find((r: { id: string }) => r.id === c.id);
    expect(row).toMatchObject({ name: '上海云帆科技', pooledReason: 'returned', returnReason: '暂无需求', previousOwner: { id: rep1.id, name: '李一' } });
    expect(row.contacts[0]).toMatchObject({ phones: ['138****1234'], emails: ['z********@example.com'] });
    expect(row.phones[0]).not.toContain('6123');
    const timeline = await t.request(t.admin, { method: 'GET', url: `/api/v1/companies/${c.id}/timeline` });
    expect(timeline.json().data.map((i: { action?: string }) => i.action)).toContain('pool_returned');
    const { rows } = await sql<{ type: string }>`select type from outbox where object_id = ${c.id} and type like 'company.pool%'`.execute(t.db.kysely);
    expect(rows.map((r) => r.type)).toEqual(['company.pool_returned']);
  });

  it('a claim gives the company and its contacts to the rep, unmasked, with timeline and audit entries', async () => {
    const { t, rep1, rep2 } = w;
    const c = await createCompany(t, rep1, '杭州青禾贸易');
    await returnToPool(t, rep1, c.id);
    const res = await t.request(rep2, { method: 'POST', url: claimUrl(eastPool, c.id) });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ ownerId: rep2.id, poolId: eastPool });
    const contact = await t.request(rep2, { method: 'GET', url: `/api/v1/contacts/${c.contactId}` });
    expect(contact.statusCode).toBe(200);
    expect(contact.json().phones[0].number).toBe('13812341234');
    const { rows } = await sql<{ action: string; actor_id: string }>`
      select action, actor_id from audit_log where object_id = ${c.id} and action like 'pool_%' order by id`.execute(t.db.kysely);
    expect(rows).toEqual([
      { action: 'pool_returned', actor_id: rep1.id },
      { action: 'pool_claimed', actor_id: rep2.id },
    ]);
  });

  it('refuses a claim of a customer not in the pool, or in a pool the user cannot see, writing nothing', async () => {
    const { t, rep1, rep2, westRep } = w;
    const owned = await createCompany(t, rep1, '未入池公司');
    const before = { audit: await count(t, 'audit_log'), outbox: await count(t, 'outbox') };
    const notInPool = await t.request(rep2, { method: 'POST', url: claimUrl(eastPool, owned.id), headers: { 'accept-language': 'zh-CN' } });
    expect(notInPool.statusCode).toBe(409);
    expect(notInPool.headers['content-type']).toContain('application/problem+json');
    expect(notInPool.json().detail).toBe('李一 刚刚领取了该客户');
    const pooled = await createCompany(t, rep1, '可见性测试');
    await returnToPool(t, rep1, pooled.id);
    const hidden = await t.request(westRep, { method: 'POST', url: claimUrl(eastPool, pooled.id) });
    expect(hidden.statusCode).toBe(404);
    const wrongPool = await t.request(westRep, { method: 'POST', url: claimUrl(westPool, pooled.id) });
    expect(wrongPool.statusCode).toBe(409);
    expect(wrongPool.json().detail).toBe('This customer is not in this pool (any more)');
    expect((await t.request(westRep, { method: 'GET', url: `/api/v1/pools/${eastPool}/customers` })).statusCode).toBe(404);
    expect([await count(t, 'audit_log'), await count(t, 'outbox')]).toEqual([before.audit + 4, before.outbox + 4]); // the company, its contact and their return above
  });

  it('returning without a reason is a 400 and nothing moves', async () => {
    const { t, rep1 } = w;
    const c = await createCompany(t, rep1, '无理由退回');
    const res = await t.request(rep1, { method: 'POST', url: `/api/v1/companies/${c.id}/return-to-pool`, payload: { reason: '   ' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([{ field: 'reason', message: 'Say why you return the customer' }]);
    expect((await t.request(rep1, { method: 'GET', url: `/api/v1/companies/${c.id}` })).json().ownerId).toBe(rep1.id);
  });

  it('a previous owner waits out the cool-down', async () => {
    const { t, rep1 } = w;
    const c = await createCompany(t, rep1, '冷却期公司');
    await returnToPool(t, rep1, c.id);
    const res = await t.request(rep1, { method: 'POST', url: claimUrl(eastPool, c.id) });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('pool_cooldown');
    expect(res.json().detail).toMatch(/you may claim it again from \d{4}-\d{2}-\d{2}/);
    const listed = (await t.request(rep1, { method: 'GET', url: `/api/v1/pools/${eastPool}/customers?q=冷却期` })).json().data;
    expect(listed[0].cooldownUntil).not.toBeNull();
    // After the cool-down the claim goes through.
    await sql`update pool_customers set released_at = now() - interval '8 days' where record_id = ${c.id}`.execute(w.t.db.kysely);
    expect((await t.request(rep1, { method: 'POST', url: claimUrl(eastPool, c.id) })).statusCode).toBe(200);
  });

  it('enforces claims per day and customers held, with the standing shown on the pool', async () => {
    const { t, rep1, manager } = w;
    const daily = await createPool(t, { name: 'Daily', teamIds: [w.teams.east], position: 9, maxClaimsPerDay: 1 });
    const a = await createCompany(t, manager, '日限A');
    const b = await createCompany(t, manager, '日限B');
    await returnToPool(t, manager, a.id, daily.id);
    await returnToPool(t, manager, b.id, daily.id);
    const rep3 = await t.createUser({ role: 'Sales Rep', teamId: w.teams.east });
    expect((await t.request(rep3, { method: 'POST', url: claimUrl(daily.id, a.id) })).statusCode).toBe(200);
    const second = await t.request(rep3, { method: 'POST', url: claimUrl(daily.id, b.id) });
    expect(second.statusCode).toBe(409);
    expect(second.json()).toMatchObject({ code: 'pool_daily_limit', detail: 'You have claimed 1 customers today; the limit is 1 a day' });
    const pools = (await t.request(rep3, { method: 'GET', url: '/api/v1/pools' })).json().data;
    expect(pools.find((p: { id: string }) => p.id === daily.id).mine).toEqual({ held: 1, claimsToday: 1 });
    // Held: rep1 owns 3 or more by now; eastPool allows claiming below 3.
    const c = await createCompany(t, manager, '持有上限');
    await returnToPool(t, manager, c.id, eastPool);
    const held = await t.request(rep1, { method: 'POST', url: claimUrl(eastPool, c.id) });
    expect(held.statusCode).toBe(409);
    expect(held.json().code).toBe('pool_held_limit');
    expect((await t.request(rep1, { method: 'GET', url: `/api/v1/pools/${eastPool}/customers?q=持有上限` })).json().data).toHaveLength(1);
  });

  it('two reps claiming at once: exactly one wins, the other is told who', async () => {
    const { t, rep1, rep2, manager } = w;
    const pool = await createPool(t, { name: 'Race', teamIds: [w.teams.east], position: 8 });
    const c = await createCompany(t, manager, '抢单公司');
    await returnToPool(t, manager, c.id, pool.id);
    const racers = [rep2, await t.createUser({ role: 'Sales Rep', teamId: w.teams.east, name: '赵三' })];
    const results = await Promise.all(
      racers.map((r) => t.request(r, { method: 'POST', url: claimUrl(pool.id, c.id), headers: { 'accept-language': 'zh-CN' } })),
    );
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes).toEqual([200, 409]);
    const winner = results.find((r) => r.statusCode === 200)?.json().ownerId;
    const loser = results.find((r) => r.statusCode === 409)?.json();
    expect(loser.detail).toBe(`${winner === rep2.id ? '张二' : '赵三'} 刚刚领取了该客户`);
    const { rows } = await sql<{ n: string }>`select count(*) as n from pool_claims where record_id = ${c.id}`.execute(t.db.kysely);
    expect(Number(rows[0]?.n)).toBe(1);
    void rep1;
  });

  it('managers assign from the pool to their team; reps may not assign', async () => {
    const { t, rep1, rep2, manager, westRep } = w;
    const c = await createCompany(t, manager, '分配公司');
    await returnToPool(t, manager, c.id, eastPool);
    const byRep = await t.request(rep1, { method: 'POST', url: `/api/v1/pools/${eastPool}/customers/${c.id}/assign`, payload: { userId: rep2.id } });
    expect(byRep.statusCode).toBe(403);
    const outside = await t.request(manager, { method: 'POST', url: `/api/v1/pools/${eastPool}/customers/${c.id}/assign`, payload: { userId: westRep.id } });
    expect(outside.statusCode).toBe(400);
    const ok = await t.request(manager, { method: 'POST', url: `/api/v1/pools/${eastPool}/customers/${c.id}/assign`, payload: { userId: rep2.id } });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await t.request(rep2, { method: 'GET', url: `/api/v1/companies/${c.id}` })).json().ownerId).toBe(rep2.id);
    const { rows } = await sql<{ actor_id: string; changes: { ownerId: { to: string } } }>`
      select actor_id, changes from audit_log where object_id = ${c.id} and action = 'pool_assigned'`.execute(t.db.kysely);
    expect(rows).toEqual([{ actor_id: manager.id, changes: { ownerId: { from: null, to: rep2.id }, poolId: { from: eastPool, to: null } } }]);
  });

  it('pool settings: admins only, names unique, a pool with customers cannot be deleted', async () => {
    const { t, rep1 } = w;
    expect((await t.request(rep1, { method: 'POST', url: '/api/v1/pools', payload: { name: 'Mine' } })).statusCode).toBe(403);
    const dup = await t.request(t.admin, { method: 'POST', url: '/api/v1/pools', payload: { name: '华东公海' } });
    expect(dup.statusCode).toBe(400);
    const badTeam = await t.request(t.admin, { method: 'POST', url: '/api/v1/pools', payload: { name: 'X', teamIds: [crypto.randomUUID()] } });
    expect(badTeam.statusCode).toBe(400);
    const badRule = await t.request(t.admin, { method: 'POST', url: '/api/v1/pools', payload: { name: 'Y', followupDays: 0 } });
    expect(badRule.statusCode).toBe(400);
    const del = await t.request(t.admin, { method: 'DELETE', url: `/api/v1/pools/${eastPool}` });
    expect(del.statusCode).toBe(409);
    const patched = await t.request(t.admin, {
      method: 'PATCH',
      url: `/api/v1/pools/${westPool}`,
      payload: { followupDays: 30, remindDays: 3 },
      headers: { 'if-match': '"1"' },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({ followupDays: 30, remindDays: 3, version: 2 });
    const stale = await t.request(t.admin, {
      method: 'PATCH',
      url: `/api/v1/pools/${westPool}`,
      payload: { followupDays: 31 },
      headers: { 'if-match': '"1"' },
    });
    expect(stale.statusCode).toBe(412);
    // A malformed If-Match is refused like on every other record, not taken as "no condition".
    const malformed = await t.request(t.admin, {
      method: 'PATCH',
      url: `/api/v1/pools/${westPool}`,
      payload: { followupDays: 32 },
      headers: { 'if-match': 'v2' },
    });
    expect(malformed.statusCode).toBe(412);
    expect(malformed.headers['content-type']).toContain('application/problem+json');
    const unchanged = await t.request(t.admin, { method: 'GET', url: `/api/v1/pools/${westPool}` });
    expect(unchanged.json()).toMatchObject({ followupDays: 30, version: 2 });
    expect(unchanged.headers.etag).toBe('"2"');
    expect((await t.request(t.admin, { method: 'DELETE', url: `/api/v1/pools/${westPool}` })).statusCode).toBe(204);
  });

  it('lists pools by team visibility', async () => {
    const { t, westRep, rep1 } = w;
    const names = async (u: typeof rep1) => (await t.request(u, { method: 'GET', url: '/api/v1/pools' })).json().data.map((p: { name: string }) => p.name);
    expect(await names(rep1)).toContain('华东公海');
    expect(await names(westRep)).not.toContain('华东公海');
    void age;
  });
});
