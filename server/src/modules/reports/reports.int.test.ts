import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestUser } from '#test/app.ts';
import { databaseAvailable } from '#test/db.ts';
import { buildDeal, defaultStages, report, type Stages } from './reports.test-kit.ts';

const Q1 = { from: '2026-01-01', to: '2026-03-31' };

/**
 * A small known dataset in the default pipeline (Qualification 10%, Needs analysis 20%,
 * Proposal 50%, Negotiation 80%, Won, Lost), all created in Q1 2026 unless said otherwise:
 *   D1 rep1 100 000 CNY  qual > needs > proposal > negotiation > won   cycle 30 days (won 02-04)
 *   D2 rep1  50 000 CNY  qual > proposal > won (skips needs)           cycle 50 days (won 03-01)
 *   D3 rep2  80 000 CNY  qual > needs > lost (price)                   lost 02-20
 *   D4 rep2  20 000 CNY  qual > lost (competitor)                      lost 03-10
 *   D5 rep1  40 000 CNY  qual > needs > proposal, open, closes 03-15   best case
 *   D6 rep2  10 000 USD (x 7.1 = 71 000 CNY) qual > negotiation, open, closes 03-20   commit
 *   D7 rep2   5 000 CNY  created in 2025 (not in the funnel's cohort), open at qualification, closes 03-25
 *   D8 rep1 won in Q1 then deleted; D9 rep1 won in April: neither counts.
 * rep1 and the manager are in team A, rep2 in team B.
 */
describe.skipIf(!databaseAvailable)('reports API', () => {
  let t: TestApp;
  let s: Stages;
  let pipelineId: string;
  let rep1: TestUser;
  let rep2: TestUser;
  let manager: TestUser;
  let teamA: string;
  let teamB: string;

  beforeAll(async () => {
    t = await createTestApp();
    const team = async (name: string) =>
      (await t.request(t.admin, { method: 'POST', url: '/api/v1/teams', payload: { name, parentId: null } })).json().id as string;
    teamA = await team('华东一组');
    teamB = await team('Team B');
    rep1 = await t.createUser({ name: '钱销售', teamId: teamA });
    rep2 = await t.createUser({ name: 'Olivia', teamId: teamB });
    manager = await t.createUser({ name: '孙经理', role: 'Sales Manager', teamId: teamA });
    ({ pipelineId, stages: s } = await defaultStages(t));
    const rate = await t.request(t.admin, {
      method: 'POST',
      url: '/api/v1/exchange-rates',
      payload: { currency: 'USD', rate: '7.1', effectiveDate: '2020-01-01' },
    });
    expect(rate.statusCode, rate.body).toBe(201);

    const q = s.qual;
    await buildDeal(t, q, {
      name: 'D1',
      owner: rep1,
      amount: '100000',
      createdAt: '2026-01-05T04:00:00Z',
      closedAt: '2026-02-04T04:00:00Z',
      path: [
        { stage: s.needs, daysBefore: 4 },
        { stage: s.proposal, daysBefore: 6 },
        { stage: s.negotiation, daysBefore: 10 },
        { stage: s.won, daysBefore: 10 },
      ],
    });
    await buildDeal(t, q, {
      name: 'D2',
      owner: rep1,
      amount: '50000',
      createdAt: '2026-01-10T04:00:00Z',
      closedAt: '2026-03-01T04:00:00Z',
      path: [
        { stage: s.proposal, daysBefore: 2 },
        { stage: s.won, daysBefore: 20 },
      ],
    });
    await buildDeal(t, q, {
      name: 'D3',
      owner: rep2,
      amount: '80000',
      createdAt: '2026-02-01T04:00:00Z',
      closedAt: '2026-02-20T04:00:00Z',
      path: [
        { stage: s.needs, daysBefore: 6 },
        { stage: s.lost, daysBefore: 8, lostReason: 'price' },
      ],
    });
    await buildDeal(t, q, {
      name: 'D4',
      owner: rep2,
      amount: '20000',
      createdAt: '2026-02-10T04:00:00Z',
      closedAt: '2026-03-10T04:00:00Z',
      path: [{ stage: s.lost, daysBefore: 1, lostReason: 'competitor' }],
    });
    await buildDeal(t, q, {
      name: 'D5',
      owner: rep1,
      amount: '40000',
      expectedCloseDate: '2026-03-15',
      createdAt: '2026-03-01T04:00:00Z',
      path: [
        { stage: s.needs, daysBefore: 1 },
        { stage: s.proposal, daysBefore: 2 },
      ],
    });
    await buildDeal(t, q, {
      name: 'D6',
      owner: rep2,
      amount: '10000',
      currency: 'USD',
      expectedCloseDate: '2026-03-20',
      createdAt: '2026-03-05T04:00:00Z',
      path: [{ stage: s.negotiation, daysBefore: 3 }],
    });
    await buildDeal(t, q, { name: 'D7', owner: rep2, amount: '5000', expectedCloseDate: '2026-03-25', createdAt: '2025-12-01T04:00:00Z', path: [] });
    const d8 = await buildDeal(t, q, {
      name: 'D8',
      owner: rep1,
      amount: '999',
      createdAt: '2026-01-02T04:00:00Z',
      closedAt: '2026-01-03T04:00:00Z',
      path: [{ stage: s.won, daysBefore: 1 }],
    });
    expect((await t.request(t.admin, { method: 'DELETE', url: `/api/v1/deals/${d8}` })).statusCode).toBe(204);
    await buildDeal(t, q, {
      name: 'D9',
      owner: rep1,
      amount: '777',
      createdAt: '2026-04-01T04:00:00Z',
      closedAt: '2026-04-05T04:00:00Z',
      path: [{ stage: s.won, daysBefore: 1 }],
    });

    const company = (await t.request(t.admin, { method: 'POST', url: '/api/v1/companies', payload: { name: '上海云帆' } })).json().id;
    const acts = [
      { type: 'call', subject: 'c1', ownerId: rep1.id, occurredAt: '2026-01-15T02:00:00Z' },
      { type: 'call', subject: 'c2', ownerId: rep1.id, occurredAt: '2026-02-15T02:00:00Z' },
      { type: 'meeting', subject: 'm1', ownerId: rep1.id, startsAt: '2026-03-02T02:00:00Z' },
      { type: 'note', subject: 'n1', ownerId: rep2.id, occurredAt: '2026-03-03T02:00:00Z' },
      { type: 'task', subject: 't1', ownerId: rep2.id, dueAt: '2026-03-04T02:00:00Z', doneAt: '2026-03-04T01:00:00Z' },
      { type: 'task', subject: 'open task', ownerId: rep2.id, dueAt: '2026-03-04T02:00:00Z' },
      { type: 'call', subject: 'april', ownerId: rep2.id, occurredAt: '2026-04-02T02:00:00Z' },
    ];
    for (const a of acts) {
      const res = await t.request(t.admin, { method: 'POST', url: '/api/v1/activities', payload: { ...a, companyId: company } });
      expect(res.statusCode, res.body).toBe(201);
    }
  });
  afterAll(() => t?.close());

  it('funnel: how many deals reached each stage and moved on, from the stage history', async () => {
    const r = await report(t, t.admin, 'funnel', Q1);
    expect(r.pipeline.id).toBe(pipelineId);
    expect(r.cohort).toBe(6);
    const rows = r.stages.map((x: Record<string, unknown> & { stage: { name: { en: string } } }) => [
      x.stage.name.en,
      x.reached,
      x.entered,
      x.movedOn,
      x.conversion,
      x.fromStart,
      x.current,
      x.lostHere,
      x.avgDaysInStage,
      x.reachedAmount,
    ]);
    expect(rows).toEqual([
      ['Qualification', 6, 6, 5, 83.3, 100, 0, 1, 2.8, '361000.00'],
      ['Needs analysis', 5, 3, 4, 80, 83.3, 0, 1, 5.3, '341000.00'],
      ['Proposal', 4, 3, 3, 75, 66.7, 1, 0, 15, '261000.00'],
      ['Negotiation', 3, 2, 2, 66.7, 50, 1, 0, 10, '221000.00'],
      ['Won', 2, 2, 0, null, 33.3, 2, 0, null, '150000.00'],
    ]);
  });

  it('forecast: weighted pipeline and categories by close month, won actuals by won month, per owner and team', async () => {
    const r = await report(t, t.admin, 'forecast', Q1);
    expect(r).toMatchObject({ from: '2026-01-01', to: '2026-03-31', baseCurrency: 'CNY', unconvertedDeals: 0 });
    expect(r.months.map((m: { month: string }) => m.month)).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(r.months[0]).toMatchObject({ closed: '0.00', weighted: '0.00', forecast: '0.00', openDeals: 0, wonDeals: 0 });
    expect(r.months[1]).toMatchObject({ closed: '100000.00', weighted: '0.00', forecast: '100000.00', wonDeals: 1 });
    expect(r.months[2]).toEqual({
      month: '2026-03',
      pipeline: '5000.00',
      bestCase: '40000.00',
      commit: '71000.00',
      closed: '50000.00',
      weighted: '77300.00',
      openAmount: '116000.00',
      forecast: '127300.00',
      openDeals: 3,
      wonDeals: 1,
    });
    expect(r.totals).toMatchObject({
      closed: '150000.00',
      weighted: '77300.00',
      forecast: '227300.00',
      commit: '71000.00',
      bestCase: '40000.00',
      pipeline: '5000.00',
    });
    const owners = Object.fromEntries(
      r.owners.map((o: { owner: { name: string }; forecast: string; weighted: string }) => [o.owner.name, [o.forecast, o.weighted]]),
    );
    expect(owners).toEqual({ 钱销售: ['170000.00', '20000.00'], Olivia: ['57300.00', '57300.00'] });
    const teams = Object.fromEntries(r.teams.map((x: { team: { name: string }; forecast: string }) => [x.team.name, x.forecast]));
    expect(teams).toEqual({ 华东一组: '170000.00', 'Team B': '57300.00' });
  });

  it('win/loss: win rate, cycle length and lost reasons of the deals closed in the period', async () => {
    const r = await report(t, t.admin, 'win-loss', Q1);
    expect(r.totals).toEqual({
      won: 2,
      lost: 2,
      wonAmount: '150000.00',
      lostAmount: '100000.00',
      winRate: 50,
      winRateByAmount: 60,
      avgCycleDays: 40,
      medianCycleDays: 40,
    });
    expect(r.lostReasons).toEqual([
      { reason: 'price', deals: 1, amount: '80000.00', share: 50 },
      { reason: 'competitor', deals: 1, amount: '20000.00', share: 50 },
    ]);
    const byOwner = Object.fromEntries(
      r.owners.map((o: { owner: { name: string }; winRate: number; avgCycleDays: number | null }) => [o.owner.name, [o.winRate, o.avgCycleDays]]),
    );
    expect(byOwner).toEqual({ 钱销售: [100, 40], Olivia: [0, null] });
  });

  it('leaderboard: won amount and activities that happened in the period', async () => {
    const r = await report(t, t.admin, 'leaderboard', Q1);
    const rows = Object.fromEntries(
      r.rows.map((x: { owner: { name: string }; wonAmount: string; wonDeals: number; activities: number; calls: number; tasksDone: number }) => [
        x.owner.name,
        [x.wonAmount, x.wonDeals, x.activities, x.calls, x.tasksDone],
      ]),
    );
    expect(r.rows[0].owner.name).toBe('钱销售');
    expect(rows['钱销售']).toEqual(['150000.00', 2, 3, 2, 0]);
    expect(rows.Olivia).toEqual(['0.00', 0, 2, 0, 1]);
    expect(rows['孙经理']).toEqual(['0.00', 0, 0, 0, 0]);
  });

  it('a rep sees only their own numbers, a manager their team; filters never widen the scope', async () => {
    const mine = await report(t, rep1, 'forecast', Q1);
    expect(mine.totals).toMatchObject({ closed: '150000.00', weighted: '20000.00', forecast: '170000.00' });
    expect(mine.owners.map((o: { owner: { id: string } }) => o.owner.id)).toEqual([rep1.id]);
    expect((await report(t, rep1, 'forecast', { ...Q1, ownerId: rep2.id })).totals.forecast).toBe('0.00');
    expect((await report(t, rep2, 'win-loss', Q1)).totals).toMatchObject({ won: 0, lost: 2, winRate: 0 });
    expect((await report(t, rep1, 'leaderboard', Q1)).rows.map((x: { owner: { id: string } }) => x.owner.id)).toEqual([rep1.id]);
    expect((await report(t, rep2, 'funnel', Q1)).cohort).toBe(3);

    const team = await report(t, manager, 'forecast', Q1);
    expect(team.totals.forecast).toBe('170000.00');
    expect((await report(t, manager, 'leaderboard', Q1)).rows.map((x: { owner: { id: string } }) => x.owner.id).sort()).toEqual([rep1.id, manager.id].sort());
    expect((await report(t, manager, 'forecast', { ...Q1, teamId: teamB })).totals.forecast).toBe('0.00');
    expect((await report(t, t.admin, 'forecast', { ...Q1, teamId: teamB })).totals.forecast).toBe('57300.00');
    expect((await report(t, t.admin, 'win-loss', { ...Q1, ownerId: rep1.id })).totals.winRate).toBe(100);
  });

  it('refuses bad filters with a problem naming the field, in the caller’s language', async () => {
    const bad = async (query: string, lang = 'en') => {
      const res = await t.request(t.admin, { method: 'GET', url: `/api/v1/reports/forecast?${query}`, headers: { 'accept-language': lang } });
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      return res.json().errors as { field: string; message: string }[];
    };
    expect(await bad('from=2026-03-01&to=2026-01-01')).toEqual([expect.objectContaining({ field: 'to', message: 'The period ends before it starts' })]);
    expect(await bad(`teamId=${'0'.repeat(8)}-0000-7000-8000-${'0'.repeat(12)}`, 'zh-CN')).toEqual([
      expect.objectContaining({ field: 'teamId', message: '团队不存在' }),
    ]);
    expect((await bad('from=2026-13-01'))[0]?.field).toBe('from');
    expect((await bad('colour=red')).length).toBeGreaterThan(0);
    const none = await t.request(t.admin, { method: 'GET', url: `/api/v1/reports/funnel?pipelineId=${'0'.repeat(8)}-0000-7000-8000-${'0'.repeat(12)}` });
    expect(none.statusCode).toBe(400);
  });

  it('documents every report in the OpenAPI document', async () => {
    const doc = (await t.request(null, { method: 'GET', url: '/api/openapi.json' })).json();
    for (const name of ['forecast', 'funnel', 'win-loss', 'leaderboard']) {
      const op = doc.paths[`/api/v1/reports/${name}`]?.get;
      expect(op?.tags).toEqual(['reports']);
      expect(op.parameters.map((p: { name: string }) => p.name).sort()).toEqual(['from', 'ownerId', 'pipelineId', 'teamId', 'to']);
      expect(op.responses['200']).toBeDefined();
    }
  });

  it('answers 401 without a session and 403 without deal read access', async () => {
    expect((await t.request(null, { method: 'GET', url: '/api/v1/reports/forecast' })).statusCode).toBe(401);
    const role = await t.request(t.admin, {
      method: 'POST',
      url: '/api/v1/roles',
      payload: { name: 'Contacts only', permissions: { contact: { read: 'all' } } },
    });
    expect(role.statusCode, role.body).toBe(201);
    const clerk = await t.createUser({ role: 'Contacts only' });
    expect((await t.request(clerk, { method: 'GET', url: '/api/v1/reports/funnel' })).statusCode).toBe(403);
  });
});
