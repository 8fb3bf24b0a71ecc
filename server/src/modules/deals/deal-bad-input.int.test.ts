import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { databaseAvailable } from '../../../test/db.ts';
import { dealsKit } from './deals.test-kit.ts';

describe.skipIf(!databaseAvailable)('deals: bad input is a translated 4xx and writes nothing', () => {
  let t: TestApp;
  let kit: ReturnType<typeof dealsKit>;
  const counts = async () =>
    (
      await sql<{ deals: number; history: number; audit: number; outbox: number }>`select
        (select count(*) from deals)::int as deals, (select count(*) from deal_stage_history)::int as history,
        (select count(*) from audit_log)::int as audit, (select count(*) from outbox)::int as outbox`.execute(t.db.kysely)
    ).rows[0];

  beforeAll(async () => {
    t = await createTestApp();
    kit = dealsKit(t);
    await kit.defaultPipeline();
  });
  afterAll(() => t?.close());

  const cases: [string, Record<string, unknown>, number, string, string][] = [
    ['negative amount', { name: 'A', amount: '-5' }, 400, 'amount', 'Amount must be a number of at least 0 with at most 2 decimals'],
    ['negative number amount', { name: 'A', amount: -5 }, 400, 'amount', 'Amount must be a number of at least 0 with at most 2 decimals'],
    ['non-numeric amount', { name: 'A', amount: '12abc' }, 400, 'amount', 'Amount must be a number of at least 0 with at most 2 decimals'],
    ['three decimals', { name: 'A', amount: '1.005' }, 400, 'amount', 'Amount must be a number of at least 0 with at most 2 decimals'],
    [
      'unknown currency code',
      { name: 'A', amount: '1', currency: 'XYZ' },
      400,
      'currency',
      'Unknown currency code; use an ISO 4217 code such as CNY, USD or EUR',
    ],
    [
      'currency without a rate',
      { name: 'A', amount: '1', currency: 'JPY' },
      400,
      'currency',
      'There is no exchange rate from JPY to CNY; add one in Settings › Exchange rates',
    ],
    ['lost reason on an open deal', { name: 'A', lostReason: 'price' }, 400, 'lostReason', 'A lost reason can only be given for a lost deal'],
    ['unknown stage', { name: 'A', stageId: '01a20941-b1ab-74b1-8288-a371e738a758' }, 400, 'stageId', 'The stage does not exist or is not visible to you'],
    ['unknown company', { name: 'A', companyId: '01a20941-b1ab-74b1-8288-a371e738a758' }, 400, 'companyId', ''],
    ['missing name', { amount: '1' }, 400, 'name', ''],
  ];
  for (const [label, payload, status, field, message] of cases) {
    it(label, async () => {
      const before = await counts();
      const res = await kit.json(t.admin, 'POST', '/api/v1/deals', payload);
      expect(res.statusCode, res.body).toBe(status);
      expect(res.headers['content-type']).toContain('application/problem+json');
      const error = (res.json().errors as { field: string; message: string }[]).find((e) => e.field === field);
      expect(error, res.body).toBeDefined();
      if (message && field !== 'stageId') expect(error?.message).toBe(message);
      expect(await counts()).toEqual(before);
    });
  }

  it('messages come in Chinese for zh-CN', async () => {
    const res = await t.request(t.admin, {
      method: 'POST',
      url: '/api/v1/deals',
      payload: { name: 'A', amount: '-1', currency: 'ABC' },
      headers: { 'accept-language': 'zh-CN' },
    });
    expect(res.json().errors).toEqual(
      expect.arrayContaining([
        { field: 'amount', message: '金额必须是不小于 0 的数字，最多 2 位小数' },
        { field: 'currency', message: '未知的币种代码，请使用 ISO 4217 代码，如 CNY、USD、EUR' },
      ]),
    );
  });

  it('a bad move writes nothing: no version bump, no history, no audit, no event', async () => {
    const deal = await kit.createDeal({ name: 'Stable', amount: '1' });
    const before = await counts();
    const pipeline = await kit.defaultPipeline();
    const lost = pipeline.stages.find((s) => s.type === 'lost')?.id;
    expect((await kit.move(deal.id, { stageId: lost })).statusCode).toBe(400);
    expect((await kit.move(deal.id, { stageId: 'not-a-uuid' })).statusCode).toBe(400);
    expect((await kit.json(t.admin, 'PATCH', `/api/v1/deals/${deal.id}`, { amount: 'ten' })).statusCode).toBe(400);
    expect(await counts()).toEqual(before);
    expect((await kit.json(t.admin, 'GET', `/api/v1/deals/${deal.id}`)).json().version).toBe(1);
  });

  it('a stale If-Match on a move is 412', async () => {
    const deal = await kit.createDeal({ name: 'Versioned', amount: '1' });
    const pipeline = await kit.defaultPipeline();
    const res = await t.request(t.admin, {
      method: 'POST',
      url: `/api/v1/deals/${deal.id}/move`,
      payload: { stageId: pipeline.stages[1]?.id },
      headers: { 'if-match': '"7"' },
    });
    expect(res.statusCode).toBe(412);
  });
});
