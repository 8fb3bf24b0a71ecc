import assert from 'node:assert/strict';
import { after, afterEach, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { choose, clickUntilGone } from './support/antd';
import { Api } from './support/api';
import { keepFailure, launch, shot, switchLanguage } from './support/browser';
import { adminPage } from './support/login';
import { type RunningServer, startServer } from './support/server';

let server: RunningServer;
let browser: Browser;
let api: Api;
let page: Page | undefined;

const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(1022)]);
const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
/** A due date as the select's labels show it (2026/12/07). */
const shown = (d: string) => new RegExp(d.replaceAll('-', '/'));

describe('Contracts and payments (回款)', { concurrency: false }, () => {
  before(async () => {
    server = await startServer();
    browser = await launch();
    api = await Api.login(server.url);
    await api.call('POST', '/companies', { name: '星辰科技有限公司' });
  });
  afterEach(keepFailure(() => page));
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('a contract with an attachment, a two-line plan and a partial payment; receivables; zh-CN and en', async () => {
    page = await adminPage(browser, server.url);
    const p = page;
    await p.goto('/contracts/new');
    await p.getByTestId('contract-name').fill('年度 CRM 订阅合同');
    await choose(p, p.getByTestId('contract-company'), '星辰科技有限公司', { search: '星辰' });
    await p.getByTestId('contract-amount').fill('120000');
    await p.getByTestId('contract-save').click();
    await p
      .getByTestId('contract-title')
      .filter({ hasText: /HT-\d{4}-0001/ })
      .waitFor();

    // Attachments: a PDF is stored; an executable is refused with the server's translated message.
    await p.locator('input[type=file]').setInputFiles({ name: '合同扫描件.pdf', mimeType: 'application/pdf', buffer: PDF });
    await p.getByTestId('contract-files').getByText('合同扫描件.pdf').waitFor();
    await p.locator('input[type=file]').setInputFiles({ name: 'setup.pdf', mimeType: 'application/pdf', buffer: EXE });
    await p.getByText('不能上传可执行文件或脚本').waitFor();
    const href = await p.getByTestId('contract-files').getByText('合同扫描件.pdf').getAttribute('href');
    const download = await p.request.get(href as string);
    assert.equal(download.status(), 200);
    assert.deepEqual(Buffer.from(await download.body()), PDF);

    // The plan: two instalments that add up to the contract.
    await p.getByRole('tab', { name: '回款计划' }).click();
    for (const [due, amount] of [
      [day(-10), '60000'],
      [day(60), '60000'],
    ] as const) {
      await p.getByTestId('plan-due').fill(due);
      await p.getByTestId('plan-amount').fill(amount);
      await p.getByTestId('plan-add').click();
      await p
        .getByTestId('contract-plan')
        .getByText(due)
        .first()
        .waitFor()
        .catch(() => {});
    }
    await p.getByTestId('contract-plan').locator('tbody tr.ant-table-row').nth(1).waitFor();

    // A partial payment on the first; more than is open is refused.
    await p.getByRole('tab', { name: '回款记录' }).click();
    await choose(p, p.getByTestId('payment-instalment'), /60,000|60000/);
    await p.keyboard.press('Escape');
    await p.getByTestId('payment-amount').fill('70000');
    await p.getByTestId('payment-add').click();
    await p.getByText(/回款金额超过该期未收金额/).waitFor();
    await p.getByTestId('payment-amount').fill('20000');
    await p.getByTestId('payment-reference').fill('ICBC-E2E-0001');
    await p.getByTestId('payment-add').click();
    await p.getByTestId('contract-payments').getByText('ICBC-E2E-0001').waitFor();
    await p.getByTestId('contract-received').filter({ hasText: '20,000' }).waitFor();
    await p.getByRole('tab', { name: '回款计划' }).click();
    await p.getByTestId('contract-plan').getByText('逾期').waitFor();
    await shot(p, 'contracts-detail-zh');

    await p.getByTestId('contract-submit').click();
    await p
      .getByTestId('contract-status')
      .filter({ hasText: /已签署|执行中/ })
      .waitFor();
    await p.goto('/contracts/receivables');
    await p.getByTestId('receivables').getByText('星辰科技有限公司').waitFor();
    await shot(p, 'contracts-receivables-zh');

    await switchLanguage(p, 'English');
    await p.goto('/contracts');
    await p
      .getByText(/HT-\d{4}-0001/)
      .first()
      .click();
    await p.getByRole('tab', { name: 'Payments' }).click();
    await p.getByTestId('contract-payments').getByText('Bank transfer').waitFor();
    await shot(p, 'contracts-detail-en');
    await p.goto('/contracts/receivables');
    // The overdue instalment (10 days past due, 40,000 open) sits in the 1-30 days bucket.
    await p.getByRole('columnheader', { name: '1-30 days' }).first().waitFor({ state: 'attached' });
    await p.getByTestId('receivables').locator('tr.ant-table-row').filter({ hasText: '星辰科技有限公司' }).filter({ hasText: '40,000.00' }).waitFor();
    await shot(p, 'contracts-receivables-en');
  });
  test('a plan by percentage, one payment over two instalments, an overpayment kept as credit and used; sign and terminate; zh-CN and en', async () => {
    const contract = await api.call<{ id: string; number: string }>('POST', '/contracts', {
      name: '私有化部署合同',
      amount: '100000',
      currency: 'CNY',
      startsOn: day(-30),
      endsOn: day(335),
      companyId: (await api.call<{ data: { id: string }[] }>('GET', '/companies?limit=1')).data[0]?.id,
    });
    page = await adminPage(browser, server.url);
    const p = page;
    await p.goto(`/contracts/${contract.id}`);
    await p.getByTestId('contract-title').filter({ hasText: contract.number }).waitFor();
    // The admin chose English in the test before (a user's choice is kept).
    await switchLanguage(p, '简体中文');

    // 30 % / 40 % / 30 %: the server computes the amounts.
    await p.getByRole('tab', { name: '回款计划' }).click();
    await p.getByTestId('plan-by-percent').click();
    await p.getByTestId('plan-line-add').click();
    const lines = [
      [day(-10), '30'],
      [day(20), '40'],
      [day(50), '30'],
    ] as const;
    for (const [i, [due, percent]] of lines.entries()) {
      await p.getByTestId(`plan-line-due-${i}`).fill(due);
      await p.getByTestId(`plan-line-value-${i}`).fill(percent);
    }
    await p.getByTestId('plan-editor-total').filter({ hasText: '100,000.00' }).first().waitFor();
    await shot(p, 'contracts-plan-editor-zh');
    await clickUntilGone(p.getByTestId('plan-save'));
    const plan = p.getByTestId('contract-plan');
    await plan.locator('tbody tr.ant-table-row').nth(2).waitFor();
    await plan.locator('tr.ant-table-row').filter({ hasText: '40 %' }).filter({ hasText: '40,000.00' }).waitFor();
    await plan.locator('tr.ant-table-row').first().filter({ hasText: '逾期' }).waitFor();

    // One payment split over the first two instalments.
    await p.getByRole('tab', { name: '回款记录' }).click();
    await choose(p, p.getByTestId('payment-instalment'), shown(lines[0][0]));
    await choose(p, p.getByTestId('payment-instalment'), shown(lines[1][0]));
    await p.keyboard.press('Escape');
    await p.getByTestId(`payment-split-${lines[0][0]}`).fill('30000');
    await p.getByTestId(`payment-split-${lines[1][0]}`).fill('10000');
    await p.getByTestId('payment-amount').fill('40000');
    await p.getByTestId('payment-reference').fill('CMB-E2E-0001');
    await p.getByTestId('payment-add').click();
    await p.getByTestId('contract-payments').getByText('CMB-E2E-0001').waitFor();
    await p.getByTestId('contract-received').filter({ hasText: '40,000' }).waitFor();

    // More than is open on the second instalment: refused, then kept as credit.
    await choose(p, p.getByTestId('payment-instalment'), shown(lines[1][0]));
    await p.keyboard.press('Escape');
    await p.getByTestId('payment-amount').fill('35000');
    await p.getByTestId('payment-add').click();
    await p.getByText('回款金额超过该期未收金额（30000.00 CNY）').waitFor();
    await p.getByTestId('payment-keep-credit').check();
    await p.getByTestId('payment-add').click();
    await p.getByTestId('contract-credit').filter({ hasText: '5,000.00' }).waitFor();
    await p
      .getByTestId('contract-payments')
      .getByText(/预收款.*5,000\.00/)
      .waitFor();
    await shot(p, 'contracts-payments-credit-zh');

    // The credit pays part of the third instalment.
    await p.getByRole('tab', { name: '回款计划' }).click();
    await plan.locator('tr.ant-table-row').nth(2).getByRole('button', { name: '使用预收款' }).click();
    await p.getByTestId('contract-credit').filter({ hasText: '0.00' }).waitFor();
    await plan.locator('tr.ant-table-row').nth(2).filter({ hasText: '部分回款' }).filter({ hasText: '5,000.00' }).waitFor();
    await plan.locator('tr.ant-table-row').nth(1).filter({ hasText: '已回款' }).waitFor();
    await shot(p, 'contracts-plan-percent-zh');

    // Sign (its term began: active), then terminate with a reason.
    await p.getByTestId('contract-sign').click();
    await p.getByTestId('contract-signed-on').fill(day(-1));
    await clickUntilGone(p.getByTestId('contract-action-ok'));
    await p.getByTestId('contract-status').filter({ hasText: '执行中' }).waitFor();
    await p
      .getByTestId('contract-signed-on-value')
      .filter({ hasText: day(-1).replaceAll('-', '/') })
      .waitFor();
    await p.getByTestId('contract-terminate').click();
    await p.getByTestId('contract-action-ok').click();
    await p.getByText('请填写终止原因').waitFor();
    await p.getByTestId('contract-terminate-reason').fill('客户业务调整，双方协商终止');
    await clickUntilGone(p.getByTestId('contract-action-ok'));
    await p.getByTestId('contract-status').filter({ hasText: '已终止' }).waitFor();
    await p.getByTestId('contract-terminated-reason').filter({ hasText: '客户业务调整' }).waitFor();
    await shot(p, 'contracts-terminated-zh');

    // English: the plan, the matched payments, and signing another contract.
    await switchLanguage(p, 'English');
    await p.getByRole('tab', { name: 'Payments' }).click();
    await p.getByTestId('contract-payments').getByText('CMB-E2E-0001').waitFor();
    await p.getByRole('tab', { name: 'Payment plan' }).click();
    await plan.locator('tr.ant-table-row').filter({ hasText: '30 %' }).filter({ hasText: 'Paid' }).first().waitFor();
    await shot(p, 'contracts-plan-percent-en');
    const other = await api.call<{ id: string; number: string }>('POST', '/contracts', {
      name: 'Support renewal',
      amount: '1000',
      currency: 'CNY',
      startsOn: day(10),
      companyId: (await api.call<{ data: { id: string }[] }>('GET', '/companies?limit=1')).data[0]?.id,
    });
    await p.goto(`/contracts/${other.id}`);
    await p.getByTestId('contract-sign').filter({ hasText: 'Sign' }).click();
    await clickUntilGone(p.getByTestId('contract-action-ok'));
    await p.getByTestId('contract-status').filter({ hasText: 'Signed' }).waitFor();
    await p.getByTestId('contract-terminate').filter({ hasText: 'Terminate' }).waitFor();
    await p.getByRole('tab', { name: 'Payment plan' }).click();
    await p.getByTestId('plan-by-percent').filter({ hasText: 'Plan by percentage' }).waitFor();
    await shot(p, 'contracts-signed-en');
  });
});
