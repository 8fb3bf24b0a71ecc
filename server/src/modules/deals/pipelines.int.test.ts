import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { databaseAvailable } from '../../../test/db.ts';
import { newId } from '#platform/ids.ts';
import { dealsKit } from './deals.test-kit.ts';
import type { TPipeline } from './pipelines.schema.ts';

describe.skipIf(!databaseAvailable)('pipelines, stages and exchange rates', () => {
  let t: TestApp;
  let kit: ReturnType<typeof dealsKit>;

  beforeAll(async () => {
    t = await createTestApp();
    kit = dealsKit(t);
  });
  afterAll(() => t?.close());

  it('admins create, rename, reorder and delete pipelines and stages; every change is audited', async () => {
    const main = await kit.defaultPipeline();
    const created = await kit.json(t.admin, 'POST', '/api/v1/pipelines', {
      name: { zh: '续约', en: 'Renewals' },
      staleDays: 30,
      stages: [
        { name: { zh: '待续约', en: 'Due' }, probability: 40 },
        { name: { zh: '已续约', en: 'Renewed' }, probability: 100, type: 'won' },
        { name: { zh: '流失', en: 'Churned' }, probability: 0, type: 'lost' },
      ],
    });
    expect(created.statusCode, created.body).toBe(201);
    const renewals = created.json() as TPipeline;
    expect(renewals).toMatchObject({ isDefault: false, staleDays: 30, closed: false });
    expect(renewals.stages.map((s) => s.forecastCategory)).toEqual(['best_case', 'closed', 'omitted']);

    const added = await kit.json(t.admin, 'POST', `/api/v1/pipelines/${renewals.id}/stages`, { name: { zh: '谈判', en: 'Negotiating' }, probability: 70 });
    expect(added.statusCode, added.body).toBe(201);
    // A new open stage lands before the closing ones.
    const stages = (await kit.json(t.admin, 'GET', `/api/v1/pipelines/${renewals.id}`)).json().stages as { id: string; name: { en: string } }[];
    expect(stages.map((s) => s.name.en)).toEqual(['Due', 'Negotiating', 'Renewed', 'Churned']);

    const reordered = await kit.json(t.admin, 'PUT', `/api/v1/pipelines/${renewals.id}/stages/order`, {
      ids: [stages[1]?.id, stages[0]?.id, stages[2]?.id, stages[3]?.id],
    });
    expect(reordered.json().data.map((s: { name: { en: string } }) => s.name.en)).toEqual(['Negotiating', 'Due', 'Renewed', 'Churned']);
    const partial = await kit.json(t.admin, 'PUT', `/api/v1/pipelines/${renewals.id}/stages/order`, { ids: [stages[0]?.id] });
    expect(partial.statusCode).toBe(400);

    const renamed = await kit.json(t.admin, 'PATCH', `/api/v1/pipelines/${renewals.id}/stages/${stages[0]?.id}`, {
      name: { zh: '续约提醒', en: 'Reminder sent' },
      probability: 30,
    });
    expect(renamed.json()).toMatchObject({ name: { zh: '续约提醒' }, probability: 30, forecastCategory: 'pipeline' });

    const order = await kit.json(t.admin, 'PUT', '/api/v1/pipelines/order', { ids: [renewals.id, main.id] });
    expect(order.json().data.map((p: TPipeline) => p.id)).toEqual([renewals.id, main.id]);

    expect((await kit.json(t.admin, 'DELETE', `/api/v1/pipelines/${renewals.id}/stages/${stages[1]?.id}`)).statusCode).toBe(204);
    expect((await kit.json(t.admin, 'DELETE', `/api/v1/pipelines/${renewals.id}`)).statusCode).toBe(204);
    const audit = await sql<{ action: string }>`select action from audit_log where object_type in ('pipeline', 'pipeline_stage') order by id`.execute(
      t.db.kysely,
    );
    expect(audit.rows.map((r) => r.action)).toEqual(expect.arrayContaining(['created', 'updated', 'reordered', 'deleted']));
  });

  it('refuses what would break boards: last won/lost stage, used stages, default pipeline delete or close', async () => {
    const main = await kit.defaultPipeline();
    const won = main.stages.find((s) => s.type === 'won');
    const res = await kit.json(t.admin, 'DELETE', `/api/v1/pipelines/${main.id}/stages/${won?.id}`);
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toBe('A pipeline needs a won stage');
    await kit.createDeal({ name: 'Uses stage 0', amount: '1' });
    expect((await kit.json(t.admin, 'DELETE', `/api/v1/pipelines/${main.id}/stages/${main.stages[0]?.id}`)).json().detail).toBe(
      'Deals are or were in this stage; move them first or keep the stage',
    );
    expect((await kit.json(t.admin, 'PATCH', `/api/v1/pipelines/${main.id}/stages/${main.stages[0]?.id}`, { type: 'won' })).statusCode).toBe(409);
    expect((await kit.json(t.admin, 'DELETE', `/api/v1/pipelines/${main.id}`)).statusCode).toBe(409);
    expect((await kit.json(t.admin, 'PATCH', `/api/v1/pipelines/${main.id}`, { closed: true })).statusCode).toBe(400);
    const noWon = await kit.json(t.admin, 'POST', '/api/v1/pipelines', { name: { en: 'Broken' }, stages: [{ name: { en: 'Only' }, probability: 10 }] });
    expect(noWon.statusCode).toBe(400);
  });

  it('pipelines given to a team are seen by that team (and its sub-teams) only; reps cannot change pipelines', async () => {
    const teamA = newId();
    const sub = newId();
    await sql`insert into teams (tenant_id, id, name) values (${t.admin.tenantId}, ${teamA}, 'East')`.execute(t.db.kysely);
    await sql`insert into teams (tenant_id, id, name, parent_id) values (${t.admin.tenantId}, ${sub}, 'East-1', ${teamA})`.execute(t.db.kysely);
    const inSub = await t.createUser({ role: 'Sales Rep', teamId: sub });
    const outside = await t.createUser({ role: 'Sales Rep' });
    const east = (await kit.json(t.admin, 'POST', '/api/v1/pipelines', { name: { en: 'East only' }, teamIds: [teamA] })).json() as TPipeline;
    expect((await kit.pipelines(inSub)).map((p) => p.id)).toContain(east.id);
    expect((await kit.pipelines(outside)).map((p) => p.id)).not.toContain(east.id);
    expect((await kit.json(outside, 'GET', `/api/v1/deals/board?pipelineId=${east.id}`)).statusCode).toBe(404);
    const hidden = await kit.json(outside, 'POST', '/api/v1/deals', { name: 'x', pipelineId: east.id });
    expect(hidden.statusCode).toBe(400);
    expect(hidden.json().errors[0].field).toBe('pipelineId');
    expect((await kit.json(inSub, 'POST', '/api/v1/deals', { name: 'East deal', pipelineId: east.id })).statusCode).toBe(201);
    expect((await kit.json(inSub, 'PATCH', `/api/v1/pipelines/${east.id}`, { name: { en: 'Mine now' } })).statusCode).toBe(403);
  });

  it('deal amounts convert with the rate in force on the close date; changing rates re-derives them', async () => {
    const none = await kit.json(t.admin, 'POST', '/api/v1/deals', { name: 'EUR', amount: '100', currency: 'EUR' });
    expect(none.statusCode).toBe(400);
    const r1 = await kit.json(t.admin, 'POST', '/api/v1/exchange-rates', { currency: 'EUR', rate: '7.5', effectiveDate: '2026-01-01' });
    expect(r1.statusCode, r1.body).toBe(201);
    await kit.json(t.admin, 'POST', '/api/v1/exchange-rates', { currency: 'EUR', rate: '8', effectiveDate: '2026-07-01' });
    const dup = await kit.json(t.admin, 'POST', '/api/v1/exchange-rates', { currency: 'EUR', rate: '9', effectiveDate: '2026-07-01' });
    expect(dup.statusCode).toBe(409);
    expect((await kit.json(t.admin, 'POST', '/api/v1/exchange-rates', { currency: 'CNY', rate: '1', effectiveDate: '2026-07-01' })).statusCode).toBe(400);
    expect((await kit.json(t.admin, 'POST', '/api/v1/exchange-rates', { currency: 'EUR', rate: '-1', effectiveDate: '2026-07-02' })).statusCode).toBe(400);

    const march = await kit.createDeal({ name: 'March', amount: '100.00', currency: 'EUR', expectedCloseDate: '2026-03-15' });
    expect(march).toMatchObject({ amountBase: '750.00', exchangeRate: '7.5000000000' });
    const august = await kit.createDeal({ name: 'August', amount: '100.00', currency: 'EUR', expectedCloseDate: '2026-08-15' });
    expect(august.amountBase).toBe('800.00');
    const early = await kit.createDeal({ name: 'Before any rate', amount: '10', currency: 'EUR', expectedCloseDate: '2025-01-01' });
    expect(early.amountBase).toBe('75.00');

    await kit.json(t.admin, 'PATCH', `/api/v1/exchange-rates/${r1.json().id}`, { rate: '7.25' });
    expect((await kit.json(t.admin, 'GET', `/api/v1/deals/${march.id}`)).json().amountBase).toBe('725.00');
    expect((await kit.json(t.admin, 'GET', `/api/v1/deals/${august.id}`)).json().amountBase).toBe('800.00');
    const list = (await kit.json(t.admin, 'GET', '/api/v1/exchange-rates?currency=EUR')).json();
    expect(list).toMatchObject({ baseCurrency: 'CNY' });
    expect(list.data.map((r: { effectiveDate: string }) => r.effectiveDate)).toEqual(['2026-07-01', '2026-01-01']);
    const rep = await t.createUser({ role: 'Sales Rep' });
    expect((await kit.json(rep, 'POST', '/api/v1/exchange-rates', { currency: 'USD', rate: '7', effectiveDate: '2026-01-01' })).statusCode).toBe(403);
  });
});
