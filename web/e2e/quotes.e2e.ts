import assert from 'node:assert/strict';
import { after, afterEach, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { Api } from './support/api';
import { DESKTOP, keepFailure, launch, newContext, shot, switchLanguage } from './support/browser';
import { login } from './support/login';
import { type RunningServer, startServer } from './support/server';

let server: RunningServer;
let browser: Browser;
let api: Api;
let repApi: Api;
let managerApi: Api;
const contexts: BrowserContext[] = [];
const PASSWORD = 'Quotes-e2e-pass-1';
const people = { manager: 'quote-manager@kehu.test', rep: 'quote-rep@kehu.test' };
let current: Page | undefined;

type Quote = { id: string; status: string; total: string; discount: string; lines: { total: string }[]; number: string };

/** Picks an option of the open antd select by its text. */
const option = (page: Page, text: string | RegExp) =>
  page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: text }).first();

async function pickProduct(page: Page, line: number, sku: string) {
  const select = page.getByTestId(`line-product-${line}`);
  await select.click();
  await page.keyboard.type(sku);
  await option(page, sku).waitFor();
  await page.keyboard.press('Enter');
  await select.filter({ hasText: sku }).waitFor();
}

async function pageAs(email: string, locale: string): Promise<Page> {
  const ctx = await newContext(browser, server.url, { viewport: DESKTOP, locale });
  contexts.push(ctx);
  const page = await ctx.newPage();
  await login(page, email, PASSWORD);
  current = page;
  return page;
}

/** From the deal page: a new quote with two product lines (one with a line discount) and a quote discount. */
async function quoteFromDeal(page: Page, dealId: string, o: { lineDiscount: string; headerDiscount: string }): Promise<string> {
  await page.goto(`/deals/${dealId}`);
  await page.getByTestId('related-quotes').getByTestId('new-quote').click();
  await page.getByTestId('quote-editor').waitFor();
  // Products are picked by typing, as a user with a long catalog would (and the option list, a
  // virtual list, need not hold still for a click).
  await pickProduct(page, 0, 'CRM-STD');
  await page.getByTestId('line-quantity-0').fill('3');
  await page.getByTestId('line-discount-0').fill(o.lineDiscount);
  await page.getByTestId('quote-add-line').click();
  await pickProduct(page, 1, 'IMPL-DAY');
  await page.getByTestId('line-quantity-1').fill('2');
  await page.getByTestId('quote-header-discount').fill(o.headerDiscount);
  await page.getByTestId('quote-save').click();
  await page.getByTestId('quote-detail').waitFor();
  return page.url().split('/').at(-1) as string;
}

describe('Quotes', { concurrency: false }, () => {
  const deals: Record<string, string> = {};
  before(async () => {
    server = await startServer();
    browser = await launch();
    api = await Api.login(server.url);
    const roles = (await api.call<{ data: { id: string; name: string }[] }>('GET', '/roles?limit=50')).data;
    const role = (name: string) => roles.find((r) => r.name === name)?.id as string;
    const manager = await api.call<{ id: string }>('POST', '/users', {
      email: people.manager,
      name: '孙经理',
      password: PASSWORD,
      roleIds: [role('Sales Manager')],
    });
    const team = await api.call<{ id: string }>('POST', '/teams', { name: '华东销售部', managerId: manager.id });
    await api.call('PATCH', `/users/${manager.id}`, { teamId: team.id });
    await api.call('POST', '/users', { email: people.rep, name: '钱销售', password: PASSWORD, roleIds: [role('Sales Rep')], teamId: team.id });
    repApi = await Api.login(server.url, people.rep, PASSWORD);
    managerApi = await Api.login(server.url, people.manager, PASSWORD);
    const std = await api.call<{ id: string }>('POST', '/products', {
      sku: 'CRM-STD',
      name: '标准版 年度订阅',
      nameEn: 'Standard, yearly',
      unit: '套',
      listPrice: '12000',
      taxRate: '6',
    });
    const impl = await api.call<{ id: string }>('POST', '/products', {
      sku: 'IMPL-DAY',
      name: '实施服务 人天',
      nameEn: 'Implementation day',
      unit: '人天',
      listPrice: '2500',
      taxRate: '6',
    });
    const book = await api.call<{ id: string }>('POST', '/price-books', { name: '标准价格表 Standard', currency: 'CNY' });
    await api.call('PUT', `/price-books/${book.id}/entries`, {
      entries: [
        { productId: std.id, unitPrice: '9999.90' },
        { productId: impl.id, unitPrice: '2000' },
      ],
    });
    await api.call('POST', '/approval-processes', {
      object: 'quote',
      name: '报价折扣审批',
      criteria: { discount: { gt: 20 } },
      steps: [{ name: '经理审批', approvers: [{ type: 'user', userId: manager.id }] }],
    });
    const company = await repApi.call<{ id: string }>('POST', '/companies', { name: '星辰科技有限公司' });
    deals.zh = (await repApi.call<{ id: string }>('POST', '/deals', { name: '星辰科技 年度订阅', amount: '60000', companyId: company.id })).id;
    deals.en = (await repApi.call<{ id: string }>('POST', '/deals', { name: 'Northwind – Standard plan', amount: '40000', companyId: company.id })).id;
    deals.company = company.id;
  });
  afterEach(keepFailure(() => current));
  after(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await browser?.close();
    await server?.stop();
  });

  test('zh-CN: from a deal, a quote with two product lines and a discount; the server totals; submitted for approval and approved', async () => {
    const page = await pageAs(people.rep, 'zh-CN');
    const id = await quoteFromDeal(page, deals.zh as string, { lineDiscount: '10', headerDiscount: '25' });
    const quote = await repApi.call<Quote>('GET', `/quotes/${id}`);
    // 3 x 9,999.90 less 10 % = 26,999.73 and 2 x 2,000 = 4,000: 30,999.73, less 25 % = 23,249.80, plus 6 % tax (1,214.99 + 180.00).
    assert.equal(quote.lines.length, 2);
    assert.equal(quote.discount, '31.62');
    assert.equal(quote.total, '24644.79');
    await page.getByTestId('quote-total').filter({ hasText: '24,644.79' }).waitFor();
    await page.getByText('草稿').first().waitFor();
    await shot(page, 'quotes-zh-draft');
    await page.getByTestId('quote-submit').click();
    await page.getByTestId('quote-status').filter({ hasText: '审批中' }).waitFor();
    await page.getByTestId('approval-locked').waitFor();
    await shot(page, 'quotes-zh-in-approval');
    // The manager approves; the quote follows the approval (an outbox event), then it can be sent.
    const inbox = await managerApi.call<{ data: { id: string; recordId: string }[] }>('GET', '/approvals');
    const request = inbox.data.find((r) => r.recordId === id);
    assert.ok(request, 'the manager has the quote to approve');
    await managerApi.call('POST', `/approvals/${request.id}/approve`, { comment: '同意' });
    for (let i = 0; i < 40 && (await repApi.call<Quote>('GET', `/quotes/${id}`)).status !== 'approved'; i++) await page.waitForTimeout(500);
    await page.reload();
    await page.getByTestId('quote-status').filter({ hasText: '已批准' }).waitFor();
    await page.getByTestId('quote-send').click();
    await page.getByTestId('quote-status').filter({ hasText: '已发送' }).waitFor();
    await page.getByTestId('quote-locked').waitFor();
    await shot(page, 'quotes-zh-sent');
    await page.goto(`/deals/${deals.zh}`);
    await page.getByTestId('related-quotes').getByText(quote.number).scrollIntoViewIfNeeded();
    await shot(page, 'quotes-zh-deal-tab');
  });

  test('en: a quote under the approval threshold is approved at once; the customer 360 page lists the quotes', async () => {
    const page = await pageAs(people.rep, 'en');
    await switchLanguage(page, 'English');
    const id = await quoteFromDeal(page, deals.en as string, { lineDiscount: '5', headerDiscount: '10' });
    const quote = await repApi.call<Quote>('GET', `/quotes/${id}`);
    assert.ok(Number(quote.discount) <= 20);
    const shown = Number(quote.total).toLocaleString('en-US', { minimumFractionDigits: 2 });
    await page.getByTestId('quote-total').filter({ hasText: shown }).waitFor();
    await page.getByText('Draft').first().waitFor();
    await shot(page, 'quotes-en-draft');
    await page.getByTestId('quote-submit').click();
    await page.getByTestId('quote-status').filter({ hasText: 'Approved' }).waitFor();
    await page.getByTestId('quote-send').waitFor();
    await shot(page, 'quotes-en-approved');
    await page.goto(`/companies/${deals.company}`);
    await page.getByRole('tab', { name: 'Quotes' }).click();
    await page.getByTestId('related-quotes').getByText(`${quote.number} v1`).waitFor();
    await shot(page, 'quotes-en-customer-tab');
    await page.goto('/quotes');
    await page.getByText(quote.number).first().waitFor();
    await shot(page, 'quotes-en-list');
  });
});
