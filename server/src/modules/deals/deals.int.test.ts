import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { databaseAvailable } from '../../../test/db.ts';
import { dealsKit } from './deals.test-kit.ts';
import type { TPipeline } from './pipelines.schema.ts';

describe.skipIf(!databaseAvailable)('deals: stages, moves, history, events', () => {
  let t: TestApp;
  let kit: ReturnType<typeof dealsKit>;
  let pipeline: TPipeline;
  const stage = (i: number) => pipeline.stages[i]?.id as string;

  beforeAll(async () => {
    t = await createTestApp();
    kit = dealsKit(t);
    pipeline = await kit.defaultPipeline();
  });
  afterAll(() => t?.close());

  it('every tenant gets the default bilingual pipeline on first use', async () => {
    expect(pipeline.name).toEqual({ zh: '销售管道', en: 'Sales pipeline' });
    expect(pipeline.stages.map((s) => s.name.zh)).toEqual(['线索确认', '需求分析', '方案报价', '商务谈判', '赢单', '输单']);
    expect(pipeline.stages.map((s) => [s.type, s.probability, s.forecastCategory])).toEqual([
      ['open', 10, 'pipeline'],
      ['open', 20, 'pipeline'],
      ['open', 50, 'best_case'],
      ['open', 80, 'commit'],
      ['won', 100, 'closed'],
      ['lost', 0, 'omitted'],
    ]);
    // Asking again does not create a second one.
    expect((await kit.pipelines()).length).toBe(1);
  });

  it('a new deal starts in the first stage with base currency, probability and forecast category from it', async () => {
    const deal = await kit.createDeal({ name: '年度订阅 Annual plan', amount: '1000.50' });
    expect(deal).toMatchObject({
      pipelineId: pipeline.id,
      stageId: stage(0),
      status: 'open',
      amount: '1000.50',
      currency: 'CNY',
      amountBase: '1000.50',
      baseCurrency: 'CNY',
      probability: 10,
      forecastCategory: 'pipeline',
      forecastCategoryManual: false,
    });
    const history = (await kit.json(t.admin, 'GET', `/api/v1/deals/${deal.id}/stage-history`)).json().data;
    expect(history).toMatchObject([{ fromStageId: null, toStageId: stage(0), secondsInFrom: null }]);
  });

  it('moving writes history with time in the previous stage, audit and stage_changed/won events in one go', async () => {
    const deal = await kit.createDeal({ name: 'Move me', amount: 500 });
    await sql`update deals set stage_entered_at = now() - interval '3 days' where id = ${deal.id}`.execute(t.db.kysely);
    const moved = await kit.move(deal.id, { stageId: stage(2) });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ stageId: stage(2), probability: 50, forecastCategory: 'best_case', status: 'open' });
    const won = (await kit.move(deal.id, { stageId: stage(4) })).json();
    expect(won).toMatchObject({ status: 'won', forecastCategory: 'closed', probability: 100 });
    expect(won.wonAt).not.toBeNull();
    expect(won.closedAt).not.toBeNull();

    const history = (await kit.json(t.admin, 'GET', `/api/v1/deals/${deal.id}/stage-history`)).json().data;
    expect(history.map((h: { toStageId: string }) => h.toStageId)).toEqual([stage(0), stage(2), stage(4)]);
    expect(history[1].secondsInFrom).toBeGreaterThanOrEqual(3 * 86400);
    expect(history[1].changedBy).toMatchObject({ id: t.admin.id });

    const events = await sql<{ type: string }>`select type from outbox where object_id = ${deal.id} order by id`.execute(t.db.kysely);
    expect(events.rows.map((e) => e.type)).toEqual(['deal.created', 'deal.updated', 'deal.stage_changed', 'deal.updated', 'deal.stage_changed', 'deal.won']);
    const audit = await sql<{
      changes: Record<string, unknown>;
    }>`select changes from audit_log where object_id = ${deal.id} and action = 'updated' order by id`.execute(t.db.kysely);
    expect(audit.rows[0]?.changes.stageId).toEqual({ from: stage(0), to: stage(2) });
  });

  it('lost needs a reason (and a note for "other"); nothing is written without', async () => {
    const deal = await kit.createDeal({ name: 'Might lose', amount: '10' });
    const noReason = await kit.move(deal.id, { stageId: stage(5) });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors).toEqual([{ field: 'lostReason', message: 'Choose why the deal was lost' }]);
    const other = await kit.move(deal.id, { stageId: stage(5), lostReason: 'other' });
    expect(other.json().errors).toEqual([{ field: 'lostNote', message: 'Describe the reason when it is "other"' }]);
    const unchanged = (await kit.json(t.admin, 'GET', `/api/v1/deals/${deal.id}`)).json();
    expect(unchanged).toMatchObject({ stageId: stage(0), version: 1 });
    const lost = await kit.move(deal.id, { stageId: stage(5), lostReason: 'other', lostNote: '客户项目取消' });
    expect(lost.json()).toMatchObject({ status: 'lost', lostReason: 'other', lostNote: '客户项目取消', forecastCategory: 'omitted' });
    const events = await sql<{
      type: string;
      payload: { lostReason: string };
    }>`select type, payload from outbox where object_id = ${deal.id} and type = 'deal.lost'`.execute(t.db.kysely);
    expect(events.rows[0]?.payload.lostReason).toBe('other');
    // Reopening forgets the reason.
    expect((await kit.move(deal.id, { stageId: stage(1) })).json()).toMatchObject({ status: 'open', lostReason: null, lostAt: null, closedAt: null });
  });

  it('the forecast category can be overridden on an open deal and returns to the stage default with null', async () => {
    const deal = await kit.createDeal({ name: 'Forecast', amount: '1', forecastCategory: 'commit' });
    expect(deal).toMatchObject({ forecastCategory: 'commit', forecastCategoryManual: true });
    const moved = (await kit.move(deal.id, { stageId: stage(2) })).json();
    expect(moved).toMatchObject({ forecastCategory: 'commit', forecastCategoryManual: true });
    const reset = (await kit.json(t.admin, 'PATCH', `/api/v1/deals/${deal.id}`, { forecastCategory: null })).json();
    expect(reset).toMatchObject({ forecastCategory: 'best_case', forecastCategoryManual: false });
  });

  it('a stage from another pipeline and a move in a closed pipeline are refused, nothing written', async () => {
    const other = (await kit.json(t.admin, 'POST', '/api/v1/pipelines', { name: { zh: '渠道', en: 'Channel' } })).json() as TPipeline;
    const deal = await kit.createDeal({ name: 'Cross', amount: '1' });
    const cross = await kit.move(deal.id, { stageId: other.stages[1]?.id });
    expect(cross.statusCode).toBe(400);
    expect(cross.json().errors).toEqual([{ field: 'stageId', message: 'This stage belongs to another pipeline' }]);
    const patch = await kit.json(t.admin, 'PATCH', `/api/v1/deals/${deal.id}`, { stageId: other.stages[1]?.id });
    expect(patch.statusCode).toBe(400);
    // Moving it into the other pipeline with one of its stages is fine.
    const switched = await kit.json(t.admin, 'PATCH', `/api/v1/deals/${deal.id}`, { pipelineId: other.id, stageId: other.stages[1]?.id });
    expect(switched.json()).toMatchObject({ pipelineId: other.id, stageId: other.stages[1]?.id });

    const closed = await kit.json(t.admin, 'PATCH', `/api/v1/pipelines/${other.id}`, { closed: true });
    expect(closed.json().closed).toBe(true);
    const before = (await kit.json(t.admin, 'GET', `/api/v1/deals/${deal.id}`)).json();
    const refused = await kit.move(deal.id, { stageId: other.stages[2]?.id });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toBe('This pipeline is closed (archived); its deals cannot be moved');
    const zh = await t.request(t.admin, {
      method: 'POST',
      url: `/api/v1/deals/${deal.id}/move`,
      payload: { stageId: other.stages[2]?.id },
      headers: { 'accept-language': 'zh-CN' },
    });
    expect(zh.json().detail).toBe('该销售管道已关闭（归档），其中的商机不能移动');
    const after = (await kit.json(t.admin, 'GET', `/api/v1/deals/${deal.id}`)).json();
    expect(after.version).toBe(before.version);
    const newInClosed = await kit.json(t.admin, 'POST', '/api/v1/deals', { name: 'x', pipelineId: other.id });
    expect(newInClosed.statusCode).toBe(409);
    // Other edits of its deals still work.
    expect((await kit.json(t.admin, 'PATCH', `/api/v1/deals/${deal.id}`, { description: 'still editable' })).statusCode).toBe(200);
  });

  it('an activity can be logged on a deal and shows in its timeline; the deal remembers its last activity', async () => {
    const company = (await kit.json(t.admin, 'POST', '/api/v1/companies', { name: '星辰科技' })).json();
    const deal = await kit.createDeal({ name: 'With activity', amount: '1', companyId: company.id });
    const res = await kit.json(t.admin, 'POST', '/api/v1/activities', { type: 'call', subject: '电话沟通', dealId: deal.id });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ dealId: deal.id, deal: { id: deal.id, name: 'With activity' }, companyId: company.id });
    const list = (await kit.json(t.admin, 'GET', `/api/v1/activities?filter=${encodeURIComponent(JSON.stringify({ dealId: { eq: deal.id } }))}`)).json();
    expect(list.data.map((a: { subject: string }) => a.subject)).toEqual(['电话沟通']);
    expect((await kit.json(t.admin, 'GET', `/api/v1/deals/${deal.id}`)).json().lastActivityAt).not.toBeNull();
  });

  it('deals are searchable and filterable like any record, and go to the recycle bin', async () => {
    const deal = await kit.createDeal({ name: '云帆 MES 集成', amount: '420000', tags: ['制造'] });
    const found = (await kit.json(t.admin, 'GET', `/api/v1/deals?q=${encodeURIComponent('MES')}`)).json();
    expect(found.data.map((d: { id: string }) => d.id)).toContain(deal.id);
    const big = (await kit.json(t.admin, 'GET', `/api/v1/deals?filter=${encodeURIComponent(JSON.stringify({ amount: { gte: 400000 } }))}`)).json();
    expect(big.data.map((d: { id: string }) => d.id)).toEqual([deal.id]);
    expect((await kit.json(t.admin, 'DELETE', `/api/v1/deals/${deal.id}`)).statusCode).toBe(204);
    expect((await kit.json(t.admin, 'GET', `/api/v1/deals?deleted=true`)).json().data.map((d: { id: string }) => d.id)).toContain(deal.id);
    expect((await kit.json(t.admin, 'POST', `/api/v1/deals/${deal.id}/restore`)).statusCode).toBe(200);
    const csv = await kit.json(t.admin, 'GET', '/api/v1/deals/export');
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain('云帆 MES 集成');
  });
});
