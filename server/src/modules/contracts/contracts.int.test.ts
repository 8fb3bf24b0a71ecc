import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uploadTo, PDF_BYTES } from '#platform/files/files.test-kit.ts';
import { createTestApp, type TestApp, type TestUser } from '#test/app.ts';
import { databaseAvailable } from '#test/db.ts';
import { runContractsDaily } from './contracts.jobs.ts';

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

describe.skipIf(!databaseAvailable)('contracts, payment plans, payments, invoices, receivables', () => {
  let t: TestApp;
  let rep: TestUser;
  let rep2: TestUser;
  let company: { id: string };
  let contract: { id: string; number: string };
  let first: { id: string };
  let second: { id: string };
  const year = new Date().getUTCFullYear();
  const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
  const call = (user: TestUser, method: Method, url: string, payload?: unknown, locale = 'en') =>
    t.request(user, { method, url, headers: { 'accept-language': locale }, ...(payload === undefined ? {} : { payload: payload as object }) });

  beforeAll(async () => {
    t = await createTestApp();
    rep = await t.createUser({ role: 'Sales Rep', name: '销售 Rep' });
    rep2 = await t.createUser({ role: 'Sales Rep', name: '销售二 Rep2' });
    company = (await call(rep, 'POST', '/api/v1/companies', { name: '星辰科技' })).json();
  });
  afterAll(() => t?.close());

  it('numbers a contract from the HT series, keeps money in decimal, and builds a plan that may not exceed it', async () => {
    const res = await call(rep, 'POST', '/api/v1/contracts', {
      name: '年度订阅',
      companyId: company.id,
      signingParty: '星辰科技（北京）有限公司',
      amount: '10000.10',
      currency: 'CNY',
      startsOn: day(-100),
      endsOn: day(20),
    });
    expect(res.statusCode, res.body).toBe(201);
    contract = res.json();
    expect(contract).toMatchObject({ number: `HT-${year}-0001`, status: 'draft', amount: '10000.10', receivedAmount: '0.00' });
    first = (await call(rep, 'POST', '/api/v1/instalments', { contractId: contract.id, dueOn: day(-40), amount: '3333.37' })).json();
    expect(first).toMatchObject({ amount: '3333.37', status: 'overdue', paidAmount: '0.00', currency: 'CNY', company: { id: company.id } });
    second = (await call(rep, 'POST', '/api/v1/instalments', { contractId: contract.id, dueOn: day(10), amount: '6666.73' })).json();
    expect(second).toMatchObject({ status: 'pending' });
    const over = await call(rep, 'POST', '/api/v1/instalments', { contractId: contract.id, dueOn: day(30), amount: '0.01' }, 'zh-CN');
    expect(over.statusCode).toBe(400);
    expect(over.json().errors[0]).toMatchObject({ field: 'amount', message: '回款计划合计（10000.11）将超过合同金额（10000.10）' });
    expect((await call(rep2, 'GET', `/api/v1/contracts/${contract.id}`)).statusCode).toBe(404);
  });

  it('records partial payments, refuses an overpayment (translated 409, nothing written) and a reused bank reference', async () => {
    const p1 = await call(rep, 'POST', '/api/v1/payments', {
      instalmentId: first.id,
      receivedOn: day(-5),
      amount: '1000.10',
      method: 'bank_transfer',
      bankReference: 'ICBC-001',
    });
    expect(p1.statusCode, p1.body).toBe(201);
    expect(p1.json()).toMatchObject({ contractId: contract.id, amount: '1000.10', currency: 'CNY' });
    const p2 = await call(rep, 'POST', '/api/v1/payments', { instalmentId: first.id, receivedOn: day(-1), amount: '0.20', method: 'alipay' });
    expect(p2.statusCode).toBe(201);
    expect((await call(rep, 'GET', `/api/v1/instalments/${first.id}`)).json()).toMatchObject({ paidAmount: '1000.30', status: 'overdue' });

    const over = await call(rep, 'POST', '/api/v1/payments', { instalmentId: first.id, receivedOn: day(0), amount: '2333.08', method: 'cash' }, 'zh-CN');
    expect(over.statusCode).toBe(409);
    expect(over.headers['content-type']).toContain('application/problem+json');
    expect(over.json().detail).toBe('回款金额超过该期未收金额（2333.07 CNY）');
    const dup = await call(rep, 'POST', '/api/v1/payments', {
      instalmentId: second.id,
      receivedOn: day(0),
      amount: '1',
      method: 'bank_transfer',
      bankReference: 'ICBC-001',
    });
    expect(dup.statusCode).toBe(409);
    const payments = (await call(rep, 'GET', `/api/v1/payments?filter=${encodeURIComponent(JSON.stringify({ contractId: { eq: contract.id } }))}`)).json().data;
    expect(payments).toHaveLength(2);

    const rest = await call(rep, 'POST', '/api/v1/payments', { instalmentId: first.id, receivedOn: day(0), amount: '2333.07', method: 'cash' });
    expect(rest.statusCode).toBe(201);
    expect((await call(rep, 'GET', `/api/v1/instalments/${first.id}`)).json()).toMatchObject({ paidAmount: '3333.37', status: 'paid' });
    expect((await call(rep, 'GET', `/api/v1/contracts/${contract.id}`)).json()).toMatchObject({ receivedAmount: '3333.37' });
    // A payment deleted to the recycle bin no longer counts.
    expect((await call(t.admin, 'DELETE', `/api/v1/payments/${rest.json().id}`)).statusCode).toBe(204);
    expect((await call(rep, 'GET', `/api/v1/instalments/${first.id}`)).json()).toMatchObject({ paidAmount: '1000.30', status: 'overdue' });
  });

  it('signs without an approval process, locks the signed contract, and ages receivables by bucket within the rep’s scope', async () => {
    const submitted = await call(rep, 'POST', `/api/v1/contracts/${contract.id}/submit`, {});
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json().contract).toMatchObject({ status: 'signed' });
    const locked = await call(rep, 'PATCH', `/api/v1/contracts/${contract.id}`, { amount: '1' }, 'zh-CN');
    expect(locked.statusCode).toBe(423);
    expect(locked.json().detail).toBe('合同已不是草稿，不能修改');

    const report = (await call(rep, 'GET', `/api/v1/receivables?asOf=${day(0)}`)).json();
    expect(report.data).toEqual([
      expect.objectContaining({
        companyId: company.id,
        currency: 'CNY',
        contracted: '10000.10',
        received: '1000.30',
        outstanding: '8999.80',
        overdue: '2333.07',
        notDue: '6666.73',
        days31to60: '2333.07',
        days1to30: '0.00',
        days90plus: '0.00',
      }),
    ]);
    const later = (await call(rep, 'GET', `/api/v1/receivables?asOf=${day(60)}`)).json();
    expect(later.data[0]).toMatchObject({ notDue: '0.00', days31to60: '6666.73', days61to90: '0.00', days90plus: '2333.07', overdue: '8999.80' });
    expect((await call(rep2, 'GET', '/api/v1/receivables')).json().data).toEqual([]);
  });

  it('invoices: computed tax, a bad tax id refused, never more than the contract, issue then void', async () => {
    const bad = await call(rep, 'POST', '/api/v1/invoices', {
      contractId: contract.id,
      amount: '1000',
      taxRate: '6',
      invoiceType: 'vat_special',
      buyerTaxId: '91350100M000100Y44',
    });
    expect(bad.statusCode).toBe(400);
    // Totals are the server's: a client's is refused, not trusted.
    const clientTotal = await call(rep, 'POST', '/api/v1/invoices', {
      contractId: contract.id,
      amount: '1000',
      taxRate: '6',
      invoiceType: 'plain',
      total: '1',
    });
    expect(clientTotal.json().errors).toEqual([expect.objectContaining({ field: 'total' })]);
    const inv = await call(rep, 'POST', '/api/v1/invoices', {
      contractId: contract.id,
      amount: '1000.05',
      taxRate: '13',
      invoiceType: 'vat_special',
      buyerTaxId: '91350100m000100y43',
    });
    expect(inv.statusCode, inv.body).toBe(201);
    expect(inv.json()).toMatchObject({
      number: `FP-${year}-0001`,
      taxAmount: '130.01',
      total: '1130.06',
      status: 'requested',
      buyerTaxId: '91350100M000100Y43',
      buyerName: '星辰科技（北京）有限公司',
    });
    expect((await call(rep, 'POST', '/api/v1/invoices', { contractId: contract.id, amount: '9000.06', taxRate: '0', invoiceType: 'plain' })).statusCode).toBe(
      400,
    );
    expect((await call(rep, 'POST', `/api/v1/invoices/${inv.json().id}/issue`)).json()).toMatchObject({ status: 'issued', issuedOn: day(0) });
    expect((await call(rep, 'POST', `/api/v1/invoices/${inv.json().id}/void`)).json()).toMatchObject({ status: 'void' });
    expect((await call(rep, 'GET', `/api/v1/contracts/${contract.id}`)).json()).toMatchObject({ invoicedAmount: '0.00' });
  });

  it('attachments follow the contract’s read scope', async () => {
    const up = await uploadTo(t, rep, { recordType: 'contract', recordId: contract.id, name: '合同扫描件.pdf', bytes: PDF_BYTES });
    expect(up.statusCode, up.body).toBe(201);
    expect((await call(rep, 'GET', `/api/v1/files/${up.json().id}/content`)).statusCode).toBe(200);
    expect((await call(rep2, 'GET', `/api/v1/files/${up.json().id}/content`)).statusCode).toBe(404);
  });

  it('the daily run activates, starts the renewal (deal + task) 30 days before the end once, marks overdue with a notification, and expires', async () => {
    const done = await runContractsDaily({ deps: t.deps });
    expect(done).toMatchObject({ activated: 1, renewals: 1 });
    const c = (await call(rep, 'GET', `/api/v1/contracts/${contract.id}`)).json();
    expect(c.status).toBe('active');
    const deal = (await call(rep, 'GET', `/api/v1/deals/${c.renewalDealId}`)).json();
    expect(deal).toMatchObject({ name: '续约 Renewal: 年度订阅', amount: '10000.10', owner: { id: rep.id } });
    expect((await runContractsDaily({ deps: t.deps })).renewals).toBe(0);

    // An instalment falls due unpaid: the next run marks it overdue and tells its owner.
    await t.db.kysely
      .updateTable('contract_instalments')
      .set({ due_on: day(-1), status: 'pending' })
      .where('id', '=', second.id)
      .execute();
    expect((await runContractsDaily({ deps: t.deps })).overdue).toBe(1);
    expect((await call(rep, 'GET', `/api/v1/instalments/${second.id}`)).json().status).toBe('overdue');
    const bell = (await call(rep, 'GET', '/api/v1/notifications')).json();
    expect(JSON.stringify(bell)).toContain('Payment overdue');

    expect((await runContractsDaily({ deps: t.deps, now: new Date(Date.now() + 21 * 86_400_000) })).expired).toBe(1);
    expect((await call(rep, 'GET', `/api/v1/contracts/${contract.id}`)).json().status).toBe('expired');
  });
});
