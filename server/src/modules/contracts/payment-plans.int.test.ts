import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestUser } from '#test/app.ts';
import { databaseAvailable } from '#test/db.ts';
import { drainOutbox } from '#test/outbox-kit.ts';
import { runContractsDaily } from './contracts.jobs.ts';

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
type Instalment = { id: string; amount: string; paidAmount: string; status: string; percent: string | null; dueOn: string };

describe.skipIf(!databaseAvailable)('回款: plans by percentage, payments matched to several instalments, credit, sign and terminate', () => {
  let t: TestApp;
  let rep: TestUser;
  let manager: TestUser;
  let company: { id: string };
  const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
  const call = (user: TestUser, method: Method, url: string, payload?: unknown, locale = 'en') =>
    t.request(user, { method, url, headers: { 'accept-language': locale }, ...(payload === undefined ? {} : { payload: payload as object }) });
  const contract = async (amount: string, extra: Record<string, unknown> = {}) => {
    const res = await call(rep, 'POST', '/api/v1/contracts', { name: `合同 ${amount}`, companyId: company.id, amount, currency: 'CNY', ...extra });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; number: string };
  };
  const plan = async (contractId: string) =>
    (await call(rep, 'GET', `/api/v1/instalments?sort=dueOn&filter=${encodeURIComponent(JSON.stringify({ contractId: { eq: contractId } }))}`)).json()
      .data as Instalment[];
  const payments = async (contractId: string) =>
    (await call(rep, 'GET', `/api/v1/payments?filter=${encodeURIComponent(JSON.stringify({ contractId: { eq: contractId } }))}`)).json().data as unknown[];
  const pay = (body: Record<string, unknown>, locale = 'en') =>
    call(rep, 'POST', '/api/v1/payments', { receivedOn: day(0), method: 'bank_transfer', ...body }, locale);

  beforeAll(async () => {
    t = await createTestApp();
    manager = await t.createUser({ role: 'Sales Manager', name: '经理 Manager' });
    rep = await t.createUser({ role: 'Sales Rep', name: '销售 Rep' });
    company = (await call(rep, 'POST', '/api/v1/companies', { name: '云帆科技' })).json();
  });
  afterAll(() => t?.close());

  it('plans 30 % / 40 % / 30 % of the total in decimal, the last line taking the remainder; a plan that does not add up is a translated 400 and writes nothing', async () => {
    const c = await contract('10000.10');
    const res = await call(rep, 'POST', `/api/v1/contracts/${c.id}/plan`, {
      instalments: [
        { dueOn: day(-20), percent: '30' },
        { dueOn: day(10), percent: 40 },
        { dueOn: day(40), percent: '30' },
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().data.map((i: Instalment) => [i.amount, i.percent, i.status])).toEqual([
      ['3000.03', '30.0000', 'overdue'],
      ['4000.04', '40.0000', 'pending'],
      ['3000.03', '30.0000', 'pending'],
    ]);
    const again = await call(rep, 'POST', `/api/v1/contracts/${c.id}/plan`, { instalments: [{ dueOn: day(5), percent: '100' }] }, 'zh-CN');
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toBe('该合同已有回款计划，请逐期添加或修改');

    const thirds = await contract('100');
    const rounded = await call(rep, 'POST', `/api/v1/contracts/${thirds.id}/plan`, {
      instalments: ['33.3333', '33.3333', '33.3334'].map((percent, i) => ({ dueOn: day(i * 30), percent })),
    });
    expect(rounded.json().data.map((i: Instalment) => i.amount)).toEqual(['33.33', '33.33', '33.34']);

    const other = await contract('1000');
    const short = await call(
      rep,
      'POST',
      `/api/v1/contracts/${other.id}/plan`,
      {
        instalments: [
          { dueOn: day(1), percent: '30' },
          { dueOn: day(2), percent: '60' },
        ],
      },
      'zh-CN',
    );
    expect(short.statusCode).toBe(400);
    expect(short.headers['content-type']).toContain('application/problem+json');
    expect(short.json().errors).toEqual([expect.objectContaining({ field: 'instalments', message: '回款计划合计为 900.00，与合同金额 1000.00 不一致' })]);
    const zero = await call(rep, 'POST', `/api/v1/contracts/${other.id}/plan`, { instalments: [{ dueOn: day(1), percent: '0' }] });
    expect(zero.statusCode).toBe(400);
    const neither = await call(rep, 'POST', `/api/v1/contracts/${other.id}/plan`, { instalments: [{ dueOn: day(1) }] }, 'zh-CN');
    expect(neither.statusCode).toBe(400);
    expect(neither.json().errors[0].message, neither.body).toMatch(/[\u4e00-\u9fff]/);
    expect(await plan(other.id)).toEqual([]);
    const mixed = await call(rep, 'POST', `/api/v1/contracts/${other.id}/plan`, {
      instalments: [
        { dueOn: day(1), amount: '100.01' },
        { dueOn: day(2), percent: '89.999' },
      ],
    });
    expect(mixed.json().data.map((i: Instalment) => [i.amount, i.percent])).toEqual([
      ['100.01', null],
      ['899.99', '89.9990'],
    ]);
  });

  it('one payment pays several instalments oldest due first, or as allocated; refusals are translated and write nothing', async () => {
    const c = await contract('10000.10');
    await call(rep, 'POST', `/api/v1/contracts/${c.id}/plan`, {
      instalments: [
        { dueOn: day(-20), percent: '30' },
        { dueOn: day(10), percent: '40' },
        { dueOn: day(40), percent: '30' },
      ],
    });
    const [a, b, cc] = (await plan(c.id)) as [Instalment, Instalment, Instalment];
    const auto = await pay({ contractId: c.id, amount: '5000', bankReference: 'CMB-0001' });
    expect(auto.statusCode, auto.body).toBe(201);
    expect(auto.json()).toMatchObject({
      instalmentId: null,
      creditAmount: '0.00',
      allocations: [
        { instalmentId: a.id, amount: '3000.03' },
        { instalmentId: b.id, amount: '1999.97' },
      ],
    });
    expect((await plan(c.id)).map((i) => [i.paidAmount, i.status])).toEqual([
      ['3000.03', 'paid'],
      ['1999.97', 'partly_paid'],
      ['0.00', 'pending'],
    ]);

    const tooMuch = await pay(
      {
        amount: '3000',
        allocations: [
          { instalmentId: b.id, amount: '2000.08' },
          { instalmentId: cc.id, amount: '999.92' },
        ],
      },
      'zh-CN',
    );
    expect(tooMuch.statusCode).toBe(409);
    expect(tooMuch.json().detail).toBe(`核销到 ${c.number} · ${b.dueOn} 的金额超过该期未收金额（2000.07 CNY）`);
    const overAllocated = await pay({ amount: '100', allocations: [{ instalmentId: cc.id, amount: '100.01' }] });
    expect(overAllocated.statusCode).toBe(400);
    expect(overAllocated.json().errors[0]).toMatchObject({ field: 'allocations', message: 'The matched amounts (100.01) are more than the payment (100.00)' });
    const loose = await pay({ amount: '100', allocations: [{ instalmentId: cc.id, amount: '60' }] }, 'zh-CN');
    expect(loose.statusCode).toBe(409);
    expect(loose.json().detail).toBe('回款中有 40.00 CNY 未核销到回款计划；请核销或留作客户预收款');
    const foreign = await pay({ contractId: c.id, allocations: [{ instalmentId: company.id, amount: '1' }], amount: '1' });
    expect(foreign.statusCode).toBe(400);
    expect(await payments(c.id)).toHaveLength(1);

    const explicit = await pay({
      amount: '1500',
      allocations: [
        { instalmentId: cc.id, amount: '1000' },
        { instalmentId: b.id, amount: '500' },
      ],
    });
    expect(explicit.statusCode, explicit.body).toBe(201);
    expect((await plan(c.id)).map((i) => i.paidAmount)).toEqual(['3000.03', '2499.97', '1000.00']);
    expect((await call(rep, 'GET', `/api/v1/contracts/${c.id}`)).json()).toMatchObject({ receivedAmount: '6500.00', creditAmount: '0.00' });
  });

  it('an overpayment is refused unless kept as credit; the credit is shown and pays a later instalment', async () => {
    const c = await contract('1000');
    await call(rep, 'POST', `/api/v1/contracts/${c.id}/plan`, {
      instalments: [
        { dueOn: day(-5), amount: '600' },
        { dueOn: day(30), amount: '400' },
      ],
    });
    const [x, y] = (await plan(c.id)) as [Instalment, Instalment];
    const over = await pay({ instalmentId: x.id, amount: '700' }, 'zh-CN');
    expect(over.statusCode).toBe(409);
    expect(over.json().detail).toBe('回款金额超过该期未收金额（600.00 CNY）');
    const overContract = await pay({ contractId: c.id, amount: '1000.01' }, 'zh-CN');
    expect(overContract.statusCode).toBe(409);
    expect(overContract.json().detail).toBe('回款金额超过该合同未收金额（1000.00 CNY）；如需登记，请将多出部分留作客户预收款');
    expect(await payments(c.id)).toHaveLength(0);

    const kept = await pay({ instalmentId: x.id, amount: '700', keepCredit: true });
    expect(kept.statusCode, kept.body).toBe(201);
    expect(kept.json()).toMatchObject({ instalmentId: x.id, creditAmount: '100.00', allocations: [{ instalmentId: x.id, amount: '600.00' }] });
    expect((await call(rep, 'GET', `/api/v1/contracts/${c.id}`)).json()).toMatchObject({ receivedAmount: '700.00', creditAmount: '100.00' });

    const tooMuchCredit = await call(rep, 'POST', `/api/v1/contracts/${c.id}/apply-credit`, { instalmentId: y.id, amount: '100.01' });
    expect(tooMuchCredit.statusCode).toBe(409);
    const used = await call(rep, 'POST', `/api/v1/contracts/${c.id}/apply-credit`, { instalmentId: y.id });
    expect(used.statusCode, used.body).toBe(200);
    expect(used.json()).toMatchObject({ receivedAmount: '700.00', creditAmount: '0.00' });
    expect((await plan(c.id)).map((i) => [i.paidAmount, i.status])).toEqual([
      ['600.00', 'paid'],
      ['100.00', 'partly_paid'],
    ]);
    expect((await call(rep, 'GET', `/api/v1/payments/${kept.json().id}`)).json()).toMatchObject({
      instalmentId: null,
      creditAmount: '0.00',
      allocations: [
        { instalmentId: x.id, amount: '600.00' },
        { instalmentId: y.id, amount: '100.00' },
      ],
    });
    const none = await call(rep, 'POST', `/api/v1/contracts/${c.id}/apply-credit`, {}, 'zh-CN');
    expect(none.statusCode).toBe(409);
    expect(none.json().detail).toBe('该合同没有客户预收款');

    // A changed amount is matched again, oldest due first.
    const changed = await call(rep, 'PATCH', `/api/v1/payments/${kept.json().id}`, { amount: '650' });
    expect(changed.statusCode, changed.body).toBe(200);
    expect((await plan(c.id)).map((i) => i.paidAmount)).toEqual(['600.00', '50.00']);
    const tooBig = await call(rep, 'PATCH', `/api/v1/payments/${kept.json().id}`, { amount: '1000.01' });
    expect(tooBig.statusCode).toBe(409);
    expect((await call(rep, 'GET', `/api/v1/contracts/${c.id}`)).json()).toMatchObject({ receivedAmount: '650.00', creditAmount: '0.00' });

    // A payment deleted to the recycle bin no longer pays anything.
    expect((await call(t.admin, 'DELETE', `/api/v1/payments/${kept.json().id}`)).statusCode).toBe(204);
    expect((await plan(c.id)).map((i) => [i.paidAmount, i.status])).toEqual([
      ['0.00', 'overdue'],
      ['0.00', 'pending'],
    ]);
    expect((await call(rep, 'GET', `/api/v1/contracts/${c.id}`)).json()).toMatchObject({ receivedAmount: '0.00', creditAmount: '0.00' });

    // Paid again meanwhile: bringing the old payment back would count the first instalment twice.
    expect((await pay({ instalmentId: x.id, amount: '600' })).statusCode).toBe(201);
    const restore = await call(t.admin, 'POST', `/api/v1/payments/${kept.json().id}/restore`, undefined, 'zh-CN');
    expect(restore.statusCode).toBe(409);
    expect(restore.json().detail).toBe('恢复该回款会超过相关回款计划当前的未收金额，请重新登记');
    const paidInstalment = await call(t.admin, 'DELETE', `/api/v1/instalments/${x.id}`);
    expect(paidInstalment.statusCode).toBe(409);
    expect(paidInstalment.json().detail).toBe('Payments are matched to this instalment; delete or change them first');
    expect((await plan(c.id)).map((i) => i.paidAmount)).toEqual(['600.00', '0.00']);
  });

  it('two payments at once against one contract are matched one after the other, never counted twice', async () => {
    const c = await contract('1000');
    await call(rep, 'POST', `/api/v1/contracts/${c.id}/plan`, { instalments: [{ dueOn: day(10), percent: '100' }] });
    const results = await Promise.all([pay({ contractId: c.id, amount: '600' }), pay({ contractId: c.id, amount: '600' })]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect((await plan(c.id))[0]).toMatchObject({ paidAmount: '600.00', status: 'partly_paid' });
  });

  it('signs a draft (signed date; active once its term began) and terminates with a reason; status rules and a pending approval are translated 409s', async () => {
    const c = await contract('2000', { startsOn: day(-3), endsOn: day(300) });
    const signed = await call(rep, 'POST', `/api/v1/contracts/${c.id}/sign`, { signedOn: day(-1) });
    expect(signed.statusCode, signed.body).toBe(200);
    expect(signed.json()).toMatchObject({ status: 'active', signedOn: day(-1) });
    expect((await call(rep, 'POST', `/api/v1/contracts/${c.id}/sign`, {}, 'zh-CN')).json().detail).toBe('只有草稿合同可以签署（已签署的合同可更正签署日期）');
    expect((await call(rep, 'POST', `/api/v1/contracts/${c.id}/terminate`, {})).statusCode).toBe(400);
    const ended = await call(rep, 'POST', `/api/v1/contracts/${c.id}/terminate`, { reason: '客户业务调整' });
    expect(ended.json()).toMatchObject({ status: 'terminated', terminatedReason: '客户业务调整' });
    const twice = await call(rep, 'POST', `/api/v1/contracts/${c.id}/terminate`, { reason: 'again' }, 'zh-CN');
    expect(twice.statusCode).toBe(409);
    expect(twice.json().detail).toBe('只有已签署或执行中的合同可以终止');

    const process = await call(t.admin, 'POST', '/api/v1/approval-processes', {
      object: 'contract',
      name: '大额合同审批 Large contracts',
      criteria: { amount: { gt: 50000 } },
      steps: [{ name: '经理', approvers: [{ type: 'user', userId: manager.id }] }],
    });
    expect(process.statusCode, process.body).toBe(201);
    const big = await contract('80000', { startsOn: day(-3) });
    const waiting = await call(rep, 'POST', `/api/v1/contracts/${big.id}/sign`, { signedOn: day(0) });
    expect(waiting.json()).toMatchObject({ status: 'in_approval', signedOn: day(0) });
    const early = await call(rep, 'POST', `/api/v1/contracts/${big.id}/sign`, {}, 'zh-CN');
    expect(early.statusCode).toBe(409);
    expect(early.json().detail).toBe('合同审批尚未完成，审批通过后即为已签署');
    const stop = await call(rep, 'POST', `/api/v1/contracts/${big.id}/terminate`, { reason: '取消' });
    expect(stop.statusCode).toBe(409);
    expect(stop.json().detail).toBe("The contract's approval is still pending: recall or reject it before terminating");
    const approvalId = (await call(rep, 'GET', `/api/v1/approvals/records/contract/${big.id}`)).json().pending?.id;
    expect(approvalId).toBeTruthy();
    expect((await call(manager, 'POST', `/api/v1/approvals/${approvalId}/approve`, { comment: '同意' })).statusCode).toBe(200);
    await drainOutbox(t);
    expect((await call(rep, 'GET', `/api/v1/contracts/${big.id}`)).json()).toMatchObject({ status: 'signed', signedOn: day(0) });
  });

  it('credit held on a terminated contract stays recorded but pays no instalment (translated 409, nothing changed)', async () => {
    const c = await contract('1000', { startsOn: day(-3), endsOn: day(300) });
    await call(rep, 'POST', `/api/v1/contracts/${c.id}/plan`, {
      instalments: [
        { dueOn: day(-1), amount: '600' },
        { dueOn: day(30), amount: '400' },
      ],
    });
    const [x] = (await plan(c.id)) as [Instalment, Instalment];
    expect((await pay({ instalmentId: x.id, amount: '700', keepCredit: true })).statusCode).toBe(201);
    expect((await call(rep, 'POST', `/api/v1/contracts/${c.id}/sign`, { signedOn: day(-1) })).statusCode).toBe(200);
    expect((await call(rep, 'POST', `/api/v1/contracts/${c.id}/terminate`, { reason: '客户破产' })).statusCode).toBe(200);

    const refused = await call(rep, 'POST', `/api/v1/contracts/${c.id}/apply-credit`, {}, 'zh-CN');
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toBe('合同已终止，客户预收款不能再用于核销回款计划');
    expect((await call(rep, 'GET', `/api/v1/contracts/${c.id}`)).json()).toMatchObject({
      status: 'terminated',
      receivedAmount: '700.00',
      creditAmount: '100.00',
    });
    expect((await plan(c.id)).map((i) => i.paidAmount)).toEqual(['600.00', '0.00']);
  });

  it('the daily run marks an instalment overdue once its due day has passed in the tenant’s time zone, not UTC’s', async () => {
    const c = await contract('500');
    await call(rep, 'POST', `/api/v1/contracts/${c.id}/plan`, { instalments: [{ dueOn: '2026-03-10', amount: '500' }] });
    const [i] = (await plan(c.id)) as [Instalment];
    await t.db.kysely.updateTable('tenants').set({ timezone: 'America/Los_Angeles' }).where('id', '=', t.admin.tenantId).execute();
    await t.db.kysely.updateTable('contract_instalments').set({ status: 'pending' }).where('id', '=', i.id).execute();
    // 05:00 UTC on the 11th is still the 10th (22:00) in Los Angeles: not overdue yet.
    await runContractsDaily({ deps: t.deps, now: new Date('2026-03-11T05:00:00Z') });
    expect((await call(rep, 'GET', `/api/v1/instalments/${i.id}`)).json().status).toBe('pending');
    await runContractsDaily({ deps: t.deps, now: new Date('2026-03-11T08:00:00Z') });
    expect((await call(rep, 'GET', `/api/v1/instalments/${i.id}`)).json().status).toBe('overdue');

    // Shanghai is ahead of UTC: 17:00 UTC on the 10th is already the 11th there.
    await t.db.kysely.updateTable('tenants').set({ timezone: 'Asia/Shanghai' }).where('id', '=', t.admin.tenantId).execute();
    await t.db.kysely.updateTable('contract_instalments').set({ status: 'pending' }).where('id', '=', i.id).execute();
    await runContractsDaily({ deps: t.deps, now: new Date('2026-03-10T15:59:00Z') });
    expect((await call(rep, 'GET', `/api/v1/instalments/${i.id}`)).json().status).toBe('pending');
    await runContractsDaily({ deps: t.deps, now: new Date('2026-03-10T17:00:00Z') });
    expect((await call(rep, 'GET', `/api/v1/instalments/${i.id}`)).json().status).toBe('overdue');
  });
});
