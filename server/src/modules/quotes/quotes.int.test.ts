import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestUser } from '#test/app.ts';
import { databaseAvailable } from '#test/db.ts';
import { drainOutbox } from '#test/outbox-kit.ts';
import { expireQuotes } from './quotes.jobs.ts';
import { quotesKit } from './quotes.test-kit.ts';

type Line = { quantity: string; unitPrice: string; total: string; name: string; headerDiscount: string };

describe.skipIf(!databaseAvailable)('quotes: lines, totals, status, versions, approvals, access', () => {
  let t: TestApp;
  let kit: ReturnType<typeof quotesKit>;
  let rep: TestUser;
  let rep2: TestUser;
  let manager: TestUser;
  let p1: { id: string };
  let p2: { id: string };
  let book: { id: string };
  let deal: { id: string; companyId: string };
  const year = new Date().getUTCFullYear();
  const count = async () => Number((await sql<{ n: string }>`select count(*) as n from quotes`.execute(t.db.kysely)).rows[0]?.n);

  beforeAll(async () => {
    t = await createTestApp();
    kit = quotesKit(t);
    manager = await t.createUser({ role: 'Sales Manager', name: '经理 Manager' });
    const team = (await kit.call(t.admin, 'POST', '/api/v1/teams', { name: '销售部 Sales', managerId: manager.id })).json() as { id: string };
    await t.db.kysely.updateTable('users').set({ team_id: team.id }).where('id', '=', manager.id).execute();
    rep = await t.createUser({ role: 'Sales Rep', teamId: team.id, name: '销售 Rep' });
    rep2 = await t.createUser({ role: 'Sales Rep', name: '销售二 Rep2' });
    p1 = await kit.product({ sku: 'CRM-STD', name: '标准版 年度订阅', listPrice: '1200.00', taxRate: '6', unit: '套' });
    p2 = await kit.product({ sku: 'IMPL-DAY', name: '实施服务 人天', listPrice: '2500.00', taxRate: '6', unit: '人天' });
    book = await kit.priceBook({ currency: 'CNY' }, [
      { productId: p1.id, unitPrice: '999.99' },
      { productId: p2.id, unitPrice: '2000.00' },
    ]);
    const company = await kit.company(rep);
    deal = await kit.deal(rep, { name: '星辰科技 年度 CRM 订阅', companyId: company.id });
  });
  afterAll(() => t?.close());

  it('from a deal: customer, currency and name come along; lines priced from the price book; totals computed in decimal, client totals ignored', async () => {
    const res = await kit.quote(rep, {
      dealId: deal.id,
      priceBookId: book.id,
      headerDiscount: '5',
      total: '1.00',
      subtotal: '2.00',
      lines: [
        { productId: p1.id, quantity: '3', discountPercent: '10', unitPrice: '0.01', total: '0.01' },
        { productId: p2.id, quantity: '1.5' },
        { description: '差旅费 Travel', quantity: '1', unitPrice: '800', taxRate: '0' },
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    const q = res.json();
    expect(q).toMatchObject({
      number: `QT-${year}-0001`,
      revision: 1,
      latest: true,
      status: 'draft',
      name: '星辰科技 年度 CRM 订阅',
      dealId: deal.id,
      companyId: deal.companyId,
      company: { id: deal.companyId, name: '星辰科技' },
      priceBook: { id: book.id, name: '标准价 Standard' },
      currency: 'CNY',
      baseCurrency: 'CNY',
      // 2999.97 - 300.00 = 2699.97; 3000.00; 800.00 -> subtotal 6499.97; 5 % header = 325.00
      grossTotal: '6799.97',
      subtotal: '6499.97',
      discountAmount: '625.00',
      discount: '9.19',
      total: q.total,
    });
    const lines = q.lines as Line[];
    expect(lines.map((l) => [l.name, l.unitPrice])).toEqual([
      ['标准版 年度订阅', '999.99'],
      ['实施服务 人天', '2000.00'],
      ['差旅费 Travel', '800.00'],
    ]);
    const sum = lines.reduce((a, l) => a + Math.round(Number(l.total) * 100), 0);
    expect(Math.round(Number(q.total) * 100)).toBe(sum);
    expect(q.totalBase).toBe(q.total);
    expect(lines.reduce((a, l) => a + Math.round(Number(l.headerDiscount) * 100), 0)).toBe(32500);
  });

  it('refuses bad input with translated field errors and writes nothing', async () => {
    const before = await count();
    const bad = async (body: Record<string, unknown>, lang = 'en') => {
      const res = await t.request(rep, { method: 'POST', url: '/api/v1/quotes', payload: { dealId: deal.id, ...body }, headers: { 'accept-language': lang } });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      return res.json().errors as { field: string; message: string }[];
    };
    expect(await bad({ lines: [{ productId: p1.id, quantity: '0' }] })).toContainEqual({
      field: 'lines.0.quantity',
      message: 'The quantity must be greater than 0',
    });
    expect(await bad({ lines: [{ productId: p1.id, quantity: '-2' }] }, 'zh-CN')).toEqual([expect.objectContaining({ field: 'lines.0.quantity' })]);
    expect(await bad({ lines: [{ productId: p1.id, quantity: '1', discountPercent: '100.5' }] })).toContainEqual({
      field: 'lines.0.discountPercent',
      message: 'Give a percentage from 0 to 100',
    });
    expect(await bad({ headerDiscount: '120' }, 'zh-CN')).toContainEqual({ field: 'headerDiscount', message: '请填写 0 到 100 之间的百分比' });
    const usd = await kit.priceBook({ name: 'USD list', currency: 'USD' }, [{ productId: p1.id, unitPrice: '150' }]);
    expect(await bad({ priceBookId: usd.id, lines: [{ productId: p1.id, quantity: '1' }] })).toContainEqual({
      field: 'priceBookId',
      message: 'Price book USD list is in USD but the quote is in CNY',
    });
    expect(await bad({ lines: [{ quantity: '1', unitPrice: '5' }] })).toContainEqual(expect.objectContaining({ field: 'lines.0.description' }));
    const other = await kit.product({ sku: 'NOT-IN-BOOK' });
    expect(await bad({ priceBookId: book.id, lines: [{ productId: other.id, quantity: '1' }] })).toContainEqual({
      field: 'lines.0.productId',
      message: 'Product NOT-IN-BOOK has no price in the chosen price book',
    });
    expect(await bad({ dealId: undefined })).toContainEqual(expect.objectContaining({ field: 'companyId' }));
    expect(await count()).toBe(before);
  });

  it('submit without an applicable approval process approves at once; out of draft the quote is locked (423, translated) until revised', async () => {
    const q = (await kit.quote(rep, { dealId: deal.id, priceBookId: book.id, lines: [{ productId: p1.id, quantity: '1' }] })).json();
    const submitted = await kit.call(rep, 'POST', `/api/v1/quotes/${q.id}/submit`, {});
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json()).toMatchObject({ quote: { status: 'approved' }, approvalId: null });
    const edit = await t.request(rep, {
      method: 'PATCH',
      url: `/api/v1/quotes/${q.id}`,
      payload: { headerDiscount: '50' },
      headers: { 'accept-language': 'zh-CN' },
    });
    expect(edit.statusCode).toBe(423);
    expect(edit.json().detail).toContain('请通过“修订”生成新版本');
    const sent = (await kit.call(rep, 'POST', `/api/v1/quotes/${q.id}/send`)).json();
    expect(sent).toMatchObject({ status: 'sent' });
    expect(sent.sentAt).not.toBeNull();
    expect((await kit.call(rep, 'POST', `/api/v1/quotes/${q.id}/send`)).statusCode).toBe(409);
    const accepted = (await kit.call(rep, 'POST', `/api/v1/quotes/${q.id}/decide`, { outcome: 'accepted' })).json();
    expect(accepted.status).toBe('accepted');
    expect((await kit.call(rep, 'PATCH', `/api/v1/quotes/${q.id}`, { name: 'x' })).statusCode).toBe(423);

    const v2res = await kit.call(rep, 'POST', `/api/v1/quotes/${q.id}/revise`);
    expect(v2res.statusCode, v2res.body).toBe(201);
    const v2 = v2res.json();
    expect(v2).toMatchObject({ number: q.number, revision: 2, familyId: q.familyId, previousId: q.id, status: 'draft', latest: true, total: q.total });
    const v1 = (await kit.call(rep, 'GET', `/api/v1/quotes/${q.id}`)).json();
    expect(v1).toMatchObject({ status: 'accepted', latest: false, revision: 1, total: q.total });
    expect((await kit.call(rep, 'PATCH', `/api/v1/quotes/${v2.id}`, { headerDiscount: '10' })).json()).toMatchObject({ headerDiscount: '10.00' });
    expect((await kit.call(rep, 'POST', `/api/v1/quotes/${q.id}/revise`)).statusCode).toBe(409);
    const family = (
      await kit.call(rep, 'GET', `/api/v1/quotes?filter=${encodeURIComponent(JSON.stringify({ familyId: { eq: q.familyId } }))}&sort=revision`)
    ).json();
    expect(family.data.map((x: { revision: number }) => x.revision)).toEqual([1, 2]);
  });

  it('an approval process on quotes with entry criteria discount > 20 just works: in approval, locked, approved by the manager', async () => {
    const process = await kit.call(t.admin, 'POST', '/api/v1/approval-processes', {
      object: 'quote',
      name: '报价折扣审批 Quote discount',
      criteria: { discount: { gt: 20 } },
      steps: [{ name: '经理', approvers: [{ type: 'user', userId: manager.id }] }],
    });
    expect(process.statusCode, process.body).toBe(201);
    const small = (await kit.quote(rep, { dealId: deal.id, priceBookId: book.id, lines: [{ productId: p1.id, quantity: '2', discountPercent: '10' }] })).json();
    expect((await kit.call(rep, 'POST', `/api/v1/quotes/${small.id}/submit`, {})).json().quote.status).toBe('approved');

    const big = (await kit.quote(rep, { dealId: deal.id, priceBookId: book.id, headerDiscount: '25', lines: [{ productId: p2.id, quantity: '4' }] })).json();
    expect(big.discount).toBe('25.00');
    const submitted = (await kit.call(rep, 'POST', `/api/v1/quotes/${big.id}/submit`, { comment: '客户要求 25% 折扣' })).json();
    expect(submitted.quote.status).toBe('in_approval');
    expect(submitted.approvalId).toBeTruthy();
    expect((await kit.call(rep, 'PATCH', `/api/v1/quotes/${big.id}`, { headerDiscount: '30' })).statusCode).toBe(423);
    expect((await kit.call(rep, 'POST', `/api/v1/quotes/${big.id}/send`)).statusCode).toBe(409);

    const approved = await kit.call(manager, 'POST', `/api/v1/approvals/${submitted.approvalId}/approve`, { comment: '同意' });
    expect(approved.statusCode, approved.body).toBe(200);
    await drainOutbox(t);
    expect((await kit.call(rep, 'GET', `/api/v1/quotes/${big.id}`)).json()).toMatchObject({ status: 'approved', headerDiscount: '25.00' });
    expect((await kit.call(rep, 'POST', `/api/v1/quotes/${big.id}/send`)).json().status).toBe('sent');

    // Rejected: back to draft, to be changed and submitted again.
    const again = (await kit.quote(rep, { dealId: deal.id, priceBookId: book.id, headerDiscount: '40', lines: [{ productId: p2.id, quantity: '1' }] })).json();
    const sub = (await kit.call(rep, 'POST', `/api/v1/quotes/${again.id}/submit`, {})).json();
    expect((await kit.call(manager, 'POST', `/api/v1/approvals/${sub.approvalId}/reject`, { comment: '折扣过高' })).statusCode).toBe(200);
    await drainOutbox(t);
    expect((await kit.call(rep, 'GET', `/api/v1/quotes/${again.id}`)).json().status).toBe('draft');
    expect((await kit.call(rep, 'PATCH', `/api/v1/quotes/${again.id}`, { headerDiscount: '15' })).json()).toMatchObject({ discount: '15.00' });
  });

  it('the daily job expires sent quotes past their validity, audited, and leaves the others alone', async () => {
    const make = async (validUntil: string) => {
      const q = (await kit.quote(rep, { dealId: deal.id, validUntil, lines: [{ productId: p1.id, quantity: '1' }] })).json();
      await kit.call(rep, 'POST', `/api/v1/quotes/${q.id}/submit`, {});
      return (await kit.call(rep, 'POST', `/api/v1/quotes/${q.id}/send`)).json();
    };
    const past = await make('2026-01-31');
    const future = await make('2099-12-31');
    expect(past.status).toBe('sent');
    expect(await expireQuotes({ deps: t.deps, today: '2026-06-01' })).toBeGreaterThanOrEqual(1);
    expect((await kit.call(rep, 'GET', `/api/v1/quotes/${past.id}`)).json().status).toBe('expired');
    expect((await kit.call(rep, 'GET', `/api/v1/quotes/${future.id}`)).json().status).toBe('sent');
    expect(await expireQuotes({ deps: t.deps, today: '2026-06-01' })).toBe(0);
    const audit = await sql<{
      actor_id: string | null;
    }>`select actor_id from audit_log where object_id = ${past.id} and action = 'updated' order by at desc limit 1`.execute(t.db.kysely);
    expect(audit.rows[0]?.actor_id).toBeNull();
  });

  it('access: a rep sees their own quotes, the manager their team, the admin all; audit and events are written', async () => {
    const mine = (await kit.quote(rep, { dealId: deal.id, lines: [{ productId: p1.id, quantity: '1' }] })).json();
    expect(mine.total).toBe('1272.00'); // list price 1200 (no price book) + 6 % tax
    expect((await kit.call(rep2, 'GET', `/api/v1/quotes/${mine.id}`)).statusCode).toBe(404);
    expect((await kit.call(rep2, 'GET', '/api/v1/quotes')).json().data).toEqual([]);
    expect((await kit.call(manager, 'GET', `/api/v1/quotes/${mine.id}`)).statusCode).toBe(200);
    expect((await kit.call(t.admin, 'GET', `/api/v1/quotes/${mine.id}`)).statusCode).toBe(200);
    // rep2 cannot quote rep's deal: it is not visible to them.
    const foreign = await kit.quote(rep2, { dealId: deal.id, lines: [] });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().errors).toContainEqual(expect.objectContaining({ field: 'dealId' }));
    // Products are everyone's to read, admins' to change.
    expect((await kit.call(rep, 'GET', `/api/v1/products/${p1.id}`)).statusCode).toBe(200);
    expect((await kit.call(rep, 'POST', '/api/v1/products', { sku: 'REP-1', name: 'x' })).statusCode).toBe(403);
    expect((await kit.call(rep, 'PUT', `/api/v1/price-books/${book.id}/entries`, { entries: [] })).statusCode).toBe(403);
    const audit = await sql<{ action: string }>`select action from audit_log where object_type = 'quote' and object_id = ${mine.id}`.execute(t.db.kysely);
    expect(audit.rows.map((r) => r.action)).toContain('created');
    const events = await sql<{ type: string }>`select type from outbox where object_id = ${mine.id}`.execute(t.db.kysely);
    expect(events.rows.map((r) => r.type)).toContain('quote.created');
  });
});
