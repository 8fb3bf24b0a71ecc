import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestUser } from '../../../test/app.ts';
import { databaseAvailable } from '../../../test/db.ts';
import { dealsKit } from './deals.test-kit.ts';
import type { TPipeline } from './pipelines.schema.ts';

describe.skipIf(!databaseAvailable)('deals: kanban board, totals, order and access', () => {
  let t: TestApp;
  let kit: ReturnType<typeof dealsKit>;
  let pipeline: TPipeline;
  let rep: TestUser;
  let other: TestUser;
  const stage = (i: number) => pipeline.stages[i]?.id as string;
  const column = (b: Awaited<ReturnType<typeof kit.board>>, i: number) => b.columns.find((c) => c.stageId === stage(i));

  beforeAll(async () => {
    t = await createTestApp();
    kit = dealsKit(t);
    pipeline = await kit.defaultPipeline();
    rep = await t.createUser({ role: 'Sales Rep', name: 'Rep One' });
    other = await t.createUser({ role: 'Sales Rep', name: 'Rep Two' });
    await kit.json(t.admin, 'POST', '/api/v1/exchange-rates', { currency: 'USD', rate: '7.1', effectiveDate: '2020-01-01' });
  });
  afterAll(() => t?.close());

  it('columns carry count, total and weighted total in the base currency', async () => {
    await kit.createDeal({ name: 'CNY deal', amount: '1000.10', stageId: stage(2) });
    await kit.createDeal({ name: 'USD deal', amount: '100', currency: 'USD', stageId: stage(2) });
    const b = await kit.board();
    expect(b.baseCurrency).toBe('CNY');
    expect(column(b, 2)).toMatchObject({ count: 2, total: '1710.10', weighted: '855.05' });
    expect(column(b, 0)).toMatchObject({ count: 0, total: '0.00', deals: [] });
    expect(b.columns.map((c) => c.stageId)).toEqual(pipeline.stages.map((s) => s.id));
  });

  it('a card keeps the place it was dropped at, in its column and across columns', async () => {
    const a = await kit.createDeal({ name: 'A', amount: '1', stageId: stage(1) });
    const b = await kit.createDeal({ name: 'B', amount: '1', stageId: stage(1) });
    const c = await kit.createDeal({ name: 'C', amount: '1', stageId: stage(1) });
    const names = async (i: number) => column(await kit.board(), i)?.deals.map((d) => d.name);
    expect(await names(1)).toEqual(['C', 'B', 'A']); // new cards on top
    expect((await kit.move(a.id, { stageId: stage(1), afterId: c.id, beforeId: b.id })).statusCode).toBe(200);
    expect(await names(1)).toEqual(['C', 'A', 'B']);
    expect((await kit.move(c.id, { stageId: stage(1), afterId: b.id })).statusCode).toBe(200);
    expect(await names(1)).toEqual(['A', 'B', 'C']);
    const d = await kit.createDeal({ name: 'D', amount: '1', stageId: stage(0) });
    expect((await kit.move(d.id, { stageId: stage(1), afterId: a.id })).statusCode).toBe(200);
    expect(await names(1)).toEqual(['A', 'D', 'B', 'C']);
    // Many drops between the same two cards still keep a strict order.
    for (let i = 0; i < 20; i++) await kit.move(i % 2 ? b.id : d.id, { stageId: stage(1), afterId: a.id });
    expect(await names(1)).toEqual(['A', 'B', 'D', 'C']);
  });

  it('columns page in card order', async () => {
    for (let i = 0; i < 5; i++) await kit.createDeal({ name: `P${i}`, amount: '1', stageId: stage(3) });
    const first = column(await kit.board('?limit=2'), 3);
    expect(first?.deals.map((d) => d.name)).toEqual(['P4', 'P3']);
    expect(first?.count).toBe(5);
    const seen = [...(first?.deals.map((d) => d.name) ?? [])];
    let cursor = first?.nextCursor;
    while (cursor) {
      const page = (await kit.json(t.admin, 'GET', `/api/v1/deals/board/columns/${stage(3)}?limit=2&cursor=${cursor}`)).json();
      seen.push(...page.deals.map((d: { name: string }) => d.name));
      cursor = page.nextCursor;
    }
    expect(seen).toEqual(['P4', 'P3', 'P2', 'P1', 'P0']);
    expect((await kit.json(t.admin, 'GET', `/api/v1/deals/board/columns/${stage(3)}?cursor=garbage`)).statusCode).toBe(400);
  });

  it('a rep with scope own sees only own deals in the list, the board and the totals', async () => {
    const mine = await kit.createDeal({ name: 'Mine', amount: '300', stageId: stage(0) }, rep);
    await kit.createDeal({ name: 'Theirs', amount: '700', stageId: stage(0) }, other);
    const list = (await kit.json(rep, 'GET', '/api/v1/deals')).json();
    expect(list.data.map((d: { name: string }) => d.name)).toEqual(['Mine']);
    expect((await kit.json(rep, 'GET', '/api/v1/deals/count')).json().count).toBe(1);
    const b = await kit.board('', rep);
    expect(b.columns.reduce((n, c) => n + c.count, 0)).toBe(1);
    expect(column(b, 0)).toMatchObject({ count: 1, total: '300.00' });
    expect(column(b, 0)?.deals.map((d) => d.id)).toEqual([mine.id]);
    const adminColumn = column(await kit.board(), 0);
    expect(adminColumn?.total).toBe('1000.00');
    // Someone else's deal can neither be read nor moved.
    const theirs = (await kit.json(t.admin, 'GET', '/api/v1/deals?q=Theirs')).json().data[0];
    expect((await kit.json(rep, 'GET', `/api/v1/deals/${theirs.id}`)).statusCode).toBe(404);
    expect((await kit.move(theirs.id, { stageId: stage(1) }, rep)).statusCode).toBe(404);
  });

  it('filters and search narrow the board', async () => {
    const b = await kit.board(`?filter=${encodeURIComponent(JSON.stringify({ currency: { eq: 'USD' } }))}`);
    expect(b.columns.flatMap((c) => c.deals.map((d) => d.name))).toEqual(['USD deal']);
    const q = await kit.board(`?q=${encodeURIComponent('CNY deal')}`);
    expect(q.columns.flatMap((c) => c.deals.map((d) => d.name))).toContain('CNY deal');
  });
});
