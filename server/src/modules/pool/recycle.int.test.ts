import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTenant } from '#db/tx.ts';
import { newId } from '#platform/ids.ts';
import { databaseAvailable } from '#test/db.ts';
import { dealWonSubscriber } from './pool.subscribers.ts';
import { age, createCompany, createPool, createPoolWorld, type PoolWorld } from './pool.test-kit.ts';
import { runRecycling } from './recycle.service.ts';

const DAY = 86_400_000;

describe.skipIf(!databaseAvailable)('pool recycling', () => {
  let w: PoolWorld;
  let pool: string;
  const ownerOf = async (id: string) =>
    (await sql<{ owner_id: string | null }>`select owner_id from companies where id = ${id}`.execute(w.t.db.kysely)).rows[0]?.owner_id;

  beforeAll(async () => {
    w = await createPoolWorld();
    pool = (await createPool(w.t, { name: '华东公海', teamIds: [w.teams.east], followupDays: 30, dealDays: 90, remindDays: 5 })).id;
  });
  afterAll(() => w?.close());

  it('takes back a customer without follow-up for N days, with its owner’s contacts; spares the followed-up, the locked and the other teams', async () => {
    const { t, rep1, manager, westRep } = w;
    const stale = await createCompany(t, rep1, '久未跟进');
    const fresh = await createCompany(t, rep1, '刚跟进');
    const locked = await createCompany(t, rep1, '锁定客户');
    const west = await createCompany(t, westRep, 'West Co');
    for (const c of [stale, fresh, locked, west]) await age(t, c.id, 40);
    const note = await t.request(rep1, { method: 'POST', url: '/api/v1/activities', payload: { type: 'note', subject: '回访', companyId: fresh.id } });
    expect(note.statusCode, note.body).toBe(201);
    expect((await t.request(manager, { method: 'PUT', url: `/api/v1/companies/${locked.id}/pool-lock`, payload: { locked: true } })).statusCode).toBe(200);
    expect((await t.request(rep1, { method: 'PUT', url: `/api/v1/companies/${locked.id}/pool-lock`, payload: { locked: false } })).statusCode).toBe(403);

    const result = await runRecycling({ db: t.db, objects: t.deps.objects, tenantId: t.admin.tenantId });
    expect(result.recycled).toBe(1);
    expect(await ownerOf(stale.id)).toBeNull();
    expect(await ownerOf(fresh.id)).toBe(rep1.id);
    expect(await ownerOf(locked.id)).toBe(rep1.id);
    expect(await ownerOf(west.id)).toBe(westRep.id); // West has no pool
    const { rows: contact } = await sql<{ owner_id: string | null }>`select owner_id from contacts where id = ${stale.contactId}`.execute(t.db.kysely);
    expect(contact[0]?.owner_id).toBeNull();
    const { rows: state } = await sql`select pool_id, pooled_reason, previous_owner_id from pool_customers where record_id = ${stale.id}`.execute(t.db.kysely);
    expect(state).toEqual([{ pool_id: pool, pooled_reason: 'no_followup', previous_owner_id: rep1.id }]);
    const timeline = (await t.request(t.admin, { method: 'GET', url: `/api/v1/companies/${stale.id}/timeline` })).json().data;
    expect(timeline[0]).toMatchObject({ kind: 'change', action: 'pool_recycled', actorName: null });
    const { rows: events } = await sql<{ type: string; object_id: string }>`
      select type, object_id from outbox where type like '%.pool_recycled' order by type`.execute(t.db.kysely);
    expect(events).toEqual([
      { type: 'company.pool_recycled', object_id: stale.id },
      { type: 'contact.pool_recycled', object_id: stale.contactId },
    ]);
    // A second pass (a retried job, another instance) moves nothing.
    expect((await runRecycling({ db: t.db, objects: t.deps.objects, tenantId: t.admin.tenantId })).recycled).toBe(0);
    // Another rep claims it; their clock starts now.
    const claim = await t.request(w.rep2, { method: 'POST', url: `/api/v1/pools/${pool}/customers/${stale.id}/claim` });
    expect(claim.statusCode, claim.body).toBe(200);
    expect((await runRecycling({ db: t.db, objects: t.deps.objects, tenantId: t.admin.tenantId })).recycled).toBe(0);
  });

  it('reminds the owner K days before, once per due date, and lists the customer as about to be recycled', async () => {
    const { t, rep1 } = w;
    const c = await createCompany(t, rep1, '即将收回');
    await age(t, c.id, 27); // due in 3 days, inside the 5-day warning
    const first = await runRecycling({ db: t.db, objects: t.deps.objects, tenantId: t.admin.tenantId });
    expect(first).toMatchObject({ recycled: 0, reminded: 1 });
    expect((await runRecycling({ db: t.db, objects: t.deps.objects, tenantId: t.admin.tenantId })).reminded).toBe(0);
    const { rows: tasks } = await sql<{ owner_id: string; subject: string; due_at: Date }>`
      select owner_id, subject, due_at from activities where company_id = ${c.id} and type = 'task'`.execute(t.db.kysely);
    expect(tasks).toHaveLength(1);
    expect(tasks[0]?.owner_id).toBe(rep1.id);
    expect(tasks[0]?.subject).toMatch(/^请跟进 即将收回：该客户将于 \d{4}-\d{2}-\d{2} 被收回公海$/);
    // The reminder task is not a follow-up: the customer stays due.
    const list = await t.request(rep1, { method: 'GET', url: '/api/v1/pools/expiring?days=7' });
    expect(list.statusCode, list.body).toBe(200);
    const item = list.json().data.find((r: { id: string }) => r.id === c.id);
    expect(item).toMatchObject({ reason: 'no_followup', poolName: '华东公海', daysLeft: 3 });
    // Someone else's list is out of reach for a rep; a manager may look at the team's.
    expect((await t.request(w.rep2, { method: 'GET', url: `/api/v1/pools/expiring?ownerId=${rep1.id}` })).statusCode).toBe(403);
    expect((await t.request(w.manager, { method: 'GET', url: `/api/v1/pools/expiring?ownerId=${rep1.id}` })).json().data.length).toBeGreaterThan(0);
    // When the day comes, it goes.
    const later = await runRecycling({ db: t.db, objects: t.deps.objects, tenantId: t.admin.tenantId, now: new Date(Date.now() + 4 * DAY) });
    expect(later.recycled).toBeGreaterThanOrEqual(1);
    expect(await ownerOf(c.id)).toBeNull();
  });

  it('a won deal exempts from the follow-up rule for M days; no won deal for M days recycles', async () => {
    const { t, rep1 } = w;
    const won = await createCompany(t, rep1, '已成交');
    const never = await createCompany(t, rep1, '从未成交');
    await age(t, won.id, 40);
    await age(t, never.id, 40);
    await sql`update companies set last_activity_at = now() where id = ${never.id}`.execute(t.db.kysely);
    await inTenant(t.db.kysely, t.admin.tenantId, (tx) =>
      dealWonSubscriber(t.deps.objects).handle(
        {
          id: newId(),
          tenantId: t.admin.tenantId,
          type: 'deal.won',
          objectType: 'deal',
          objectId: newId(),
          actorId: rep1.id,
          payload: { companyId: won.id, wonAt: new Date(Date.now() - 10 * DAY).toISOString() },
          createdAt: new Date(),
        },
        tx,
      ),
    );
    expect((await runRecycling({ db: t.db, objects: t.deps.objects, tenantId: t.admin.tenantId })).recycled).toBe(0);
    // 100 days on: the won one is past M without another win, the other past M without any.
    const at = new Date(Date.now() + 100 * DAY);
    await sql`update companies set last_activity_at = ${at} where id in (${won.id}, ${never.id})`.execute(t.db.kysely);
    await runRecycling({ db: t.db, objects: t.deps.objects, tenantId: t.admin.tenantId, now: new Date(at.getTime() + DAY) });
    const { rows } = await sql<{ record_id: string; pooled_reason: string }>`
      select record_id, pooled_reason from pool_customers where record_id in (${won.id}, ${never.id}) order by pooled_reason`.execute(t.db.kysely);
    expect(rows.map((r) => r.pooled_reason)).toEqual(['no_won_deal', 'no_won_deal']);
  });

  it('counts every batch when batches run side by side', async () => {
    const { t, rep2 } = w;
    const stale = [];
    for (const name of ['批次一', '批次二', '批次三']) stale.push(await createCompany(t, rep2, name));
    for (const c of stale) await age(t, c.id, 45);
    const result = await runRecycling({ db: t.db, objects: t.deps.objects, tenantId: t.admin.tenantId, batch: 1, concurrency: 2 });
    expect(result.recycled).toBe(3);
    for (const c of stale) expect(await ownerOf(c.id)).toBeNull();
  });

  it('a transfer in the customer record restarts the owner’s clock', async () => {
    const { t, rep1, rep2 } = w;
    const c = await createCompany(t, rep1, '转移客户');
    await age(t, c.id, 40);
    const moved = await t.request(t.admin, { method: 'PATCH', url: `/api/v1/companies/${c.id}`, payload: { ownerId: rep2.id } });
    expect(moved.statusCode, moved.body).toBe(200);
    const { rows } = await sql<{ id: string; tenant_id: string; type: string; object_id: string; payload: Record<string, unknown>; created_at: Date }>`
      select * from outbox where object_id = ${c.id} and type = 'company.updated'`.execute(t.db.kysely);
    const { ownerChangeSubscriber } = await import('./pool.subscribers.ts');
    const e = rows[0];
    if (!e) throw new Error('no company.updated event');
    await inTenant(t.db.kysely, t.admin.tenantId, (tx) =>
      ownerChangeSubscriber(t.deps.objects).handle(
        {
          id: e.id,
          tenantId: e.tenant_id,
          type: e.type,
          objectType: 'company',
          objectId: e.object_id,
          actorId: null,
          payload: e.payload,
          createdAt: e.created_at,
        },
        tx,
      ),
    );
    await runRecycling({ db: t.db, objects: t.deps.objects, tenantId: t.admin.tenantId });
    expect(await ownerOf(c.id)).toBe(rep2.id);
  });
});
