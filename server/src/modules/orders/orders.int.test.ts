import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestUser } from '#test/app.ts';
import { databaseAvailable, testEngine } from '#test/db.ts';

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

describe.skipIf(!databaseAvailable)('orders: from a quote or direct, SO numbers, status flow, stock reservation, access', () => {
  let t: TestApp;
  let rep: TestUser;
  let rep2: TestUser;
  let company: { id: string };
  let p1: { id: string };
  let p2: { id: string };
  const year = new Date().getUTCFullYear();
  const call = (user: TestUser, method: Method, url: string, payload?: unknown, headers: Record<string, string> = {}) =>
    t.request(user, { method, url, headers, ...(payload === undefined ? {} : { payload: payload as object }) });
  const created = async (user: TestUser, url: string, payload: unknown) => {
    const res = await call(user, 'POST', url, payload);
    if (res.statusCode !== 201) throw new Error(`POST ${url}: ${res.statusCode} ${res.body}`);
    return res.json();
  };
  const product = async (id: string) => (await call(t.admin, 'GET', `/api/v1/products/${id}`)).json();
  const tracked = (stockOnHand: string, lowStockThreshold: string | null = null) =>
    created(t.admin, '/api/v1/products', {
      sku: `STK-${Math.random().toString(36).slice(2, 8)}`,
      name: '扫码终端',
      listPrice: '10.00',
      taxRate: '13',
      stockOnHand,
      lowStockThreshold,
    });
  const order = (user: TestUser, lines: unknown[], extra: Record<string, unknown> = {}) =>
    call(user, 'POST', '/api/v1/orders', { companyId: company.id, name: '订单', lines, ...extra });

  beforeAll(async () => {
    t = await createTestApp();
    rep = await t.createUser({ role: 'Sales Rep', name: '销售 Rep' });
    rep2 = await t.createUser({ role: 'Sales Rep', name: '销售二 Rep2' });
    p1 = await created(t.admin, '/api/v1/products', {
      sku: 'CRM-STD',
      name: '标准版 年度订阅',
      nameEn: 'Standard edition',
      listPrice: '1200.00',
      taxRate: '6',
    });
    p2 = await created(t.admin, '/api/v1/products', { sku: 'IMPL', name: '实施服务', listPrice: '0.10', taxRate: '13' });
    company = await created(rep, '/api/v1/companies', { name: '星辰科技' });
  });
  afterAll(() => t?.close());

  it('turns an accepted quote into an order: lines, customer and totals copied, numbered SO-yyyy-0001; one order per quote', async () => {
    const quote = await created(rep, '/api/v1/quotes', {
      companyId: company.id,
      name: '年度订阅',
      headerDiscount: '5',
      lines: [{ productId: p1.id, quantity: '3', discountPercent: '10' }],
    });
    const early = await call(rep, 'POST', '/api/v1/orders', { quoteId: quote.id });
    expect(early.statusCode).toBe(400);
    expect(early.json().errors).toMatchObject([{ field: 'quoteId' }]);
    await call(rep, 'POST', `/api/v1/quotes/${quote.id}/submit`, {});
    await call(rep, 'POST', `/api/v1/quotes/${quote.id}/send`);
    expect((await call(rep, 'POST', `/api/v1/quotes/${quote.id}/decide`, { outcome: 'accepted' })).statusCode).toBe(200);
    const res = await call(rep, 'POST', '/api/v1/orders', { quoteId: quote.id, total: '1.00' });
    expect(res.statusCode, res.body).toBe(201);
    const o = res.json();
    expect(o).toMatchObject({
      number: `SO-${year}-0001`,
      status: 'confirmed',
      name: '年度订阅',
      quote: { id: quote.id },
      companyId: company.id,
      currency: 'CNY',
      grossTotal: quote.grossTotal,
      total: quote.total,
      lines: [{ productId: p1.id, name: '标准版 年度订阅', nameEn: 'Standard edition', quantity: '3' }],
    });
    const again = await call(rep, 'POST', '/api/v1/orders', { quoteId: quote.id }, { 'accept-language': 'zh-CN' });
    expect(again.statusCode).toBe(400);
    expect(again.json().errors[0].message).toBe('该报价单已生成订单');
  });

  it('enters an order directly: totals computed in decimal, the client’s ignored', async () => {
    const res = await order(
      rep,
      [
        { productId: p2.id, quantity: '3' },
        { description: '运费 Freight', quantity: '1', unitPrice: '0.2', taxRate: '0' },
      ],
      { total: '999' },
    );
    expect(res.statusCode, res.body).toBe(201);
    // 3 x 0.10 = 0.30 (not 0.30000000000000004), tax 13 % = 0.04; + 0.20 -> 0.54
    expect(res.json()).toMatchObject({ number: `SO-${year}-0002`, grossTotal: '0.50', subtotal: '0.50', taxTotal: '0.04', total: '0.54' });
  });

  it('refuses bad input with problem+json and writes nothing', async () => {
    const before = Number((await sql<{ n: string }>`select count(*) as n from orders`.execute(t.db.kysely)).rows[0]?.n);
    for (const lines of [[{ productId: p1.id, quantity: '0' }], [{ productId: p1.id, quantity: '1', discountPercent: '120' }], []]) {
      const res = await order(rep, lines);
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    expect(Number((await sql<{ n: string }>`select count(*) as n from orders`.execute(t.db.kysely)).rows[0]?.n)).toBe(before);
  });

  it('moves confirmed -> shipped -> delivered -> completed; refuses other moves with a translated 409; what was ordered is fixed', async () => {
    const o = (await order(rep, [{ productId: p1.id, quantity: '1' }])).json();
    const deliver = await call(rep, 'POST', `/api/v1/orders/${o.id}/deliver`, undefined, { 'accept-language': 'zh-CN' });
    expect(deliver.statusCode).toBe(409);
    expect(deliver.headers['content-type']).toContain('application/problem+json');
    expect(deliver.json().detail).toBe('只有已发货的订单可以签收');
    const patch = await call(rep, 'PATCH', `/api/v1/orders/${o.id}`, { lines: [{ productId: p1.id, quantity: '9' }] }, { 'accept-language': 'en' });
    expect(patch.statusCode).toBe(409);
    expect(patch.json().detail).toMatch(/fixed once it is confirmed/);
    expect((await call(rep, 'PATCH', `/api/v1/orders/${o.id}`, { shippingAddress: '上海市浦东新区 1 号' })).statusCode).toBe(200);
    const shipped = await call(rep, 'POST', `/api/v1/orders/${o.id}/ship`);
    expect(shipped.json()).toMatchObject({ status: 'shipped', shippedAt: expect.any(String) });
    const cancel = await call(rep, 'POST', `/api/v1/orders/${o.id}/cancel`, { reason: 'too late' }, { 'accept-language': 'en' });
    expect(cancel.statusCode).toBe(409);
    expect(cancel.json().detail).toBe('Only a confirmed order can be cancelled');
    expect((await call(rep, 'POST', `/api/v1/orders/${o.id}/deliver`)).json().status).toBe('delivered');
    expect((await call(rep, 'POST', `/api/v1/orders/${o.id}/complete`)).json()).toMatchObject({ status: 'completed', completedAt: expect.any(String) });
    const events = await sql<{ type: string }>`select type from outbox where object_id = ${o.id} order by id`.execute(t.db.kysely);
    expect(events.rows.map((e) => e.type)).toEqual(['order.created', 'order.updated', 'order.updated', 'order.updated', 'order.updated']);
    const timeline = (await call(rep, 'GET', `/api/v1/orders/${o.id}/timeline`)).json().data as unknown[];
    expect(timeline.length).toBeGreaterThanOrEqual(4);
  });

  it('cancels a confirmed order only with a reason', async () => {
    const o = (await order(rep, [{ productId: p1.id, quantity: '1' }])).json();
    expect((await call(rep, 'POST', `/api/v1/orders/${o.id}/cancel`, { reason: ' ' })).statusCode).toBe(400);
    const res = await call(rep, 'POST', `/api/v1/orders/${o.id}/cancel`, { reason: '客户预算取消' });
    expect(res.json()).toMatchObject({ status: 'cancelled', cancelReason: '客户预算取消' });
  });

  it('reserves stock on confirmation, refuses a short order (409), releases on cancel, deducts on shipping, warns at the threshold', async () => {
    const p = await tracked('10', '3');
    const first = (await order(rep, [{ productId: p.id, quantity: '4' }])).json();
    expect(await product(p.id)).toMatchObject({ stockOnHand: '10.0000', stockReserved: '4.0000' });
    const short = await order(rep, [{ productId: p.id, quantity: '7' }], {});
    expect(short.statusCode).toBe(409);
    expect(short.json().detail).toMatch(/Not enough stock of STK-.*: 6 available/);
    await call(rep, 'POST', `/api/v1/orders/${first.id}/cancel`, { reason: 'changed' });
    expect((await product(p.id)).stockReserved).toBe('0.0000');
    const big = (await order(rep, [{ productId: p.id, quantity: '8' }])).json();
    expect((await product(p.id)).stockReserved).toBe('8.0000');
    const bell = (await call(t.admin, 'GET', '/api/v1/notifications')).json().data as { title: { en: string } }[];
    expect(bell.some((n) => n.title.en === `Low stock: ${p.sku} 扫码终端`)).toBe(true);
    await call(rep, 'POST', `/api/v1/orders/${big.id}/ship`);
    expect(await product(p.id)).toMatchObject({ stockOnHand: '2.0000', stockReserved: '0.0000' });
  });

  it(`reserves the last units once under 10 concurrent orders (${testEngine})`, async () => {
    const p = await tracked('10');
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        order(rep, [
          { productId: p.id, quantity: '2' },
          { productId: p1.id, quantity: '1' },
        ]),
      ),
    );
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes.filter((c) => c === 201)).toHaveLength(5);
    expect(codes.filter((c) => c === 409)).toHaveLength(5);
    expect((await product(p.id)).stockReserved).toBe('10.0000');
    // Gap-free numbers: the refused orders took none.
    const numbers = (await sql<{ number: string }>`select number from orders order by number`.execute(t.db.kysely)).rows.map((r) => Number(r.number.slice(-4)));
    expect(numbers).toEqual(numbers.map((_, i) => i + 1));
  });

  it('follows access scopes: another rep neither sees nor moves the order', async () => {
    const o = (await order(rep, [{ productId: p1.id, quantity: '1' }])).json();
    expect((await call(rep2, 'GET', `/api/v1/orders/${o.id}`)).statusCode).toBe(404);
    expect((await call(rep2, 'POST', `/api/v1/orders/${o.id}/ship`)).statusCode).toBe(404);
    expect(((await call(rep2, 'GET', '/api/v1/orders')).json().data as unknown[]).length).toBe(0);
    expect(((await call(rep, 'GET', `/api/v1/orders?q=${encodeURIComponent('星辰')}`)).json().data as unknown[]).length).toBeGreaterThan(0);
  });
});
