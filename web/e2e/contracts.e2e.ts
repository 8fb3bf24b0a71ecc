import assert from 'node:assert/strict';
import { after, afterEach, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { choose } from './support/antd';
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
    const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
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
});
