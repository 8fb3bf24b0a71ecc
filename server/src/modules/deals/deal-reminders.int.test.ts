import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { databaseAvailable } from '../../../test/db.ts';
import { flagOverdueDeals, remindStaleDeals } from './deal-reminders.jobs.ts';
import { dealsKit } from './deals.test-kit.ts';

const DAY = 86_400_000;

describe.skipIf(!databaseAvailable)('deal reminders (the scheduled job body)', () => {
  let t: TestApp;
  let kit: ReturnType<typeof dealsKit>;
  const tasksFor = async (dealId: string) =>
    (
      await sql<{ subject: string; owner_id: string }>`select subject, owner_id from activities where deal_id = ${dealId} and type = 'task'`.execute(
        t.db.kysely,
      )
    ).rows;

  beforeAll(async () => {
    t = await createTestApp();
    kit = dealsKit(t);
  });
  afterAll(() => t?.close());

  it('tells the owner of a quiet and of an overdue deal in their bell, once each', async () => {
    const rep = await t.createUser({ role: 'Sales Rep' });
    const deal = await kit.createDeal({ name: '年度合同', amount: '1', expectedCloseDate: '2020-01-01' }, rep);
    await sql`update deals set created_at = now() - interval '60 days', stage_entered_at = now() - interval '60 days' where id = ${deal.id}`.execute(
      t.db.kysely,
    );
    const tick = new Date();
    await remindStaleDeals({ deps: t.deps, now: tick });
    await remindStaleDeals({ deps: t.deps, now: tick });
    await flagOverdueDeals({ deps: t.deps, now: tick });
    await flagOverdueDeals({ deps: t.deps, now: tick });
    const page = (await t.request(rep, { method: 'GET', url: '/api/v1/notifications' })).json();
    const kinds = page.data.map((n: { kind: string }) => n.kind).sort();
    expect(kinds).toEqual(['deal_overdue', 'deal_stale']);
    for (const n of page.data) expect(n.link).toEqual({ object: 'deal', id: deal.id });
    const overdue = page.data.find((n: { kind: string }) => n.kind === 'deal_overdue');
    expect(overdue.title.zh).toBe('商机 年度合同 已超过预计成交日期');
    expect(overdue.body.en).toContain('2020-01-01');
  });

  it('a quiet open deal gets one follow-up task for its owner per quiet period', async () => {
    const rep = await t.createUser({ role: 'Sales Rep' });
    const quiet = await kit.createDeal({ name: '安静的商机', amount: '1' }, rep);
    const busy = await kit.createDeal({ name: 'Busy', amount: '1' }, rep);
    await sql`update deals set created_at = now() - interval '20 days', stage_entered_at = now() - interval '20 days' where id in (${quiet.id}, ${busy.id})`.execute(
      t.db.kysely,
    );
    // A logged call counts as activity; an open task does not.
    await kit.json(rep, 'POST', '/api/v1/activities', { type: 'call', subject: 'talked', dealId: busy.id });
    const tick = new Date();
    expect(await remindStaleDeals({ deps: t.deps, now: tick })).toBe(1);
    const tasks = await tasksFor(quiet.id);
    expect(tasks).toEqual([{ subject: '跟进提醒：商机“安静的商机”已 14 天没有活动', owner_id: rep.id }]);
    // Idempotent: the same tick again, or a day later, adds nothing.
    expect(await remindStaleDeals({ deps: t.deps, now: tick })).toBe(0);
    expect(await remindStaleDeals({ deps: t.deps, now: new Date(tick.getTime() + DAY) })).toBe(0);
    // Another quiet period later: a second task.
    expect(await remindStaleDeals({ deps: t.deps, now: new Date(tick.getTime() + 15 * DAY) })).toBeGreaterThanOrEqual(1);
    expect(await tasksFor(quiet.id)).toHaveLength(2);
    const events = await sql<{ type: string }>`select type from outbox where object_id = ${quiet.id} and type = 'deal.stale'`.execute(t.db.kysely);
    expect(events.rows).toHaveLength(2);
    // The task is on the owner's list and linked to the deal.
    const mine = (await kit.json(rep, 'GET', `/api/v1/activities?filter=${encodeURIComponent(JSON.stringify({ dealId: { eq: quiet.id } }))}`)).json();
    expect(mine.data[0]).toMatchObject({ type: 'task', deal: { id: quiet.id } });
  });

  it('N comes from the pipeline; won deals are left alone', async () => {
    const pipeline = await kit.defaultPipeline();
    await kit.json(t.admin, 'PATCH', `/api/v1/pipelines/${pipeline.id}`, { staleDays: 60 });
    const deal = await kit.createDeal({ name: 'Patient', amount: '1' });
    const won = await kit.createDeal({ name: 'Won', amount: '1' });
    await kit.move(won.id, { stageId: pipeline.stages.find((s) => s.type === 'won')?.id });
    const base = Date.now() + 100 * DAY;
    await remindStaleDeals({ deps: t.deps, now: new Date(Date.now() + 30 * DAY) });
    expect(await tasksFor(deal.id)).toHaveLength(0);
    await remindStaleDeals({ deps: t.deps, now: new Date(base) });
    expect(await tasksFor(deal.id)).toHaveLength(1);
    expect(await tasksFor(won.id)).toHaveLength(0);
  });

  it('an open deal past its expected close date is flagged once; moving the date clears it', async () => {
    const late = await kit.createDeal({ name: 'Late', amount: '1', expectedCloseDate: '2026-01-05' });
    const fine = await kit.createDeal({ name: 'Fine', amount: '1', expectedCloseDate: '2099-01-01' });
    expect(late.isOverdue).toBe(true);
    expect(fine.isOverdue).toBe(false);
    const flagged = await flagOverdueDeals({ deps: t.deps });
    expect(flagged).toBeGreaterThanOrEqual(1);
    expect(await flagOverdueDeals({ deps: t.deps })).toBe(0);
    const after = (await kit.json(t.admin, 'GET', `/api/v1/deals/${late.id}`)).json();
    expect(after.overdueAt).not.toBeNull();
    expect((await kit.json(t.admin, 'GET', `/api/v1/deals/${fine.id}`)).json().overdueAt).toBeNull();
    const overdueList = (
      await kit.json(t.admin, 'GET', `/api/v1/deals?filter=${encodeURIComponent(JSON.stringify({ overdueAt: { isEmpty: false } }))}`)
    ).json();
    expect(overdueList.data.map((d: { id: string }) => d.id)).toContain(late.id);
    const events = await sql<{ type: string }>`select type from outbox where object_id = ${late.id} and type = 'deal.overdue'`.execute(t.db.kysely);
    expect(events.rows).toHaveLength(1);
    const moved = (await kit.json(t.admin, 'PATCH', `/api/v1/deals/${late.id}`, { expectedCloseDate: '2099-12-31' })).json();
    expect(moved).toMatchObject({ overdueAt: null, isOverdue: false });
  });
});
