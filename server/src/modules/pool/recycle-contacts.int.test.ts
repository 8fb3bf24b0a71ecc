import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTenant } from '#db/tx.ts';
import { newId } from '#platform/ids.ts';
import { databaseAvailable } from '#test/db.ts';
import { dealWonSubscriber } from './pool.subscribers.ts';
import { age, createCompany, createContact, createPool, createPoolWorld, type PoolWorld } from './pool.test-kit.ts';
import { runRecycling } from './recycle.service.ts';

const DAY = 86_400_000;

/** Recycling B2C contacts (#17): the contact pool's rules take back contacts without a company, as a company pool does companies. */
describe.skipIf(!databaseAvailable)('pool recycling: contacts without a company', () => {
  let w: PoolWorld;
  let pool: string;
  const ownerOf = async (id: string) =>
    (await sql<{ owner_id: string | null }>`select owner_id from contacts where id = ${id}`.execute(w.t.db.kysely)).rows[0]?.owner_id;
  const recycle = (now?: Date) => runRecycling({ db: w.t.db, objects: w.t.deps.objects, tenantId: w.t.admin.tenantId, ...(now ? { now } : {}) });

  beforeAll(async () => {
    w = await createPoolWorld();
    pool = (await createPool(w.t, { name: '个人客户公海', object: 'contact', teamIds: [w.teams.east], followupDays: 30, dealDays: 90, remindDays: 5 })).id;
  });
  afterAll(() => w?.close());

  it('takes back a B2C contact without follow-up for N days; spares the followed-up, the locked, a company’s contact and companies', async () => {
    const { t, rep1, manager } = w;
    const stale = await createContact(t, rep1, '久未跟进的个人客户');
    const fresh = await createContact(t, rep1, '刚跟进的个人客户');
    const locked = await createContact(t, rep1, '锁定的个人客户');
    const company = await createCompany(t, rep1, '没有公司公海的公司');
    for (const id of [stale.id, fresh.id, locked.id, company.contactId]) await age(t, id, 40, 'contacts');
    await age(t, company.id, 40);
    const note = await t.request(rep1, { method: 'POST', url: '/api/v1/activities', payload: { type: 'note', subject: '电话回访', contactId: fresh.id } });
    expect(note.statusCode, note.body).toBe(201);
    expect((await t.request(manager, { method: 'PUT', url: `/api/v1/contacts/${locked.id}/pool-lock`, payload: { locked: true } })).statusCode).toBe(200);

    expect((await recycle()).recycled).toBe(1);
    expect(await ownerOf(stale.id)).toBeNull();
    expect(await ownerOf(fresh.id)).toBe(rep1.id);
    expect(await ownerOf(locked.id)).toBe(rep1.id);
    // A company's contact follows its company; there is no company pool here, so both stay.
    expect(await ownerOf(company.contactId)).toBe(rep1.id);
    const { rows: state } = await sql`
      select object, pool_id, pooled_reason, previous_owner_id from pool_customers where record_id = ${stale.id}`.execute(t.db.kysely);
    expect(state).toEqual([{ object: 'contact', pool_id: pool, pooled_reason: 'no_followup', previous_owner_id: rep1.id }]);
    const timeline = (await t.request(t.admin, { method: 'GET', url: `/api/v1/contacts/${stale.id}/timeline` })).json().data;
    expect(timeline[0]).toMatchObject({ kind: 'change', action: 'pool_recycled', actorName: null });
    const { rows: events } = await sql<{ type: string; object_id: string }>`
      select type, object_id from outbox where type like '%.pool_recycled'`.execute(t.db.kysely);
    expect(events).toEqual([{ type: 'contact.pool_recycled', object_id: stale.id }]);
    const listed = (await t.request(w.rep2, { method: 'GET', url: `/api/v1/pools/${pool}/customers` })).json().data;
    expect(listed.map((r: { id: string }) => r.id)).toEqual([stale.id]);
    expect((await recycle()).recycled).toBe(0);
  });

  it('reminds the owner K days before with a task on the contact, and lists it as about to be recycled', async () => {
    const { t, rep1 } = w;
    const c = await createContact(t, rep1, '即将收回的个人客户');
    await age(t, c.id, 27, 'contacts');
    expect(await recycle()).toMatchObject({ recycled: 0, reminded: 1 });
    expect((await recycle()).reminded).toBe(0);
    const { rows: tasks } = await sql<{ owner_id: string; subject: string; company_id: string | null }>`
      select owner_id, subject, company_id from activities where contact_id = ${c.id} and type = 'task'`.execute(t.db.kysely);
    expect(tasks).toEqual([
      { owner_id: rep1.id, company_id: null, subject: expect.stringMatching(/^请跟进 即将收回的个人客户：该客户将于 \d{4}-\d{2}-\d{2} 被收回公海$/) },
    ]);
    const list = await t.request(rep1, { method: 'GET', url: '/api/v1/pools/expiring?days=7' });
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().data.find((r: { id: string }) => r.id === c.id)).toMatchObject({
      object: 'contact',
      reason: 'no_followup',
      poolName: '个人客户公海',
      daysLeft: 3,
    });
    const onlyCompanies = await t.request(rep1, { method: 'GET', url: '/api/v1/pools/expiring?days=7&object=company' });
    expect(onlyCompanies.json().data.some((r: { id: string }) => r.id === c.id)).toBe(false);
    expect((await recycle(new Date(Date.now() + 4 * DAY))).recycled).toBeGreaterThanOrEqual(1);
    expect(await ownerOf(c.id)).toBeNull();
  });

  it('a won deal with the contact exempts it from the follow-up rule; no won deal for M days recycles', async () => {
    const { t, rep1 } = w;
    const won = await createContact(t, rep1, '已成交的个人客户');
    await age(t, won.id, 40, 'contacts');
    const deal = await t.request(rep1, {
      method: 'POST',
      url: '/api/v1/deals',
      payload: { name: '个人订单', contactId: won.id, amount: '1000' },
    });
    expect(deal.statusCode, deal.body).toBe(201);
    // The deal's stage events carry no contactId: the subscriber reads the deal.
    await inTenant(t.db.kysely, t.admin.tenantId, (tx) =>
      dealWonSubscriber(t.deps.objects).handle(
        {
          id: newId(),
          tenantId: t.admin.tenantId,
          type: 'deal.won',
          objectType: 'deal',
          objectId: deal.json().id,
          actorId: rep1.id,
          payload: { companyId: null, wonAt: new Date(Date.now() - 10 * DAY).toISOString() },
          createdAt: new Date(),
        },
        tx,
      ),
    );
    expect((await recycle()).recycled).toBe(0);
    expect(await ownerOf(won.id)).toBe(rep1.id);
    // 100 days on, past M without another win: back to the pool for no won deal.
    const at = new Date(Date.now() + 100 * DAY);
    await sql`update contacts set last_activity_at = ${at} where id = ${won.id}`.execute(t.db.kysely);
    await recycle(new Date(at.getTime() + DAY));
    const { rows } = await sql<{ pooled_reason: string }>`select pooled_reason from pool_customers where record_id = ${won.id}`.execute(t.db.kysely);
    expect(rows).toEqual([{ pooled_reason: 'no_won_deal' }]);
  });
});
