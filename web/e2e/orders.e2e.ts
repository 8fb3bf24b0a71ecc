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
const contexts: BrowserContext[] = [];
const PASSWORD = 'Orders-e2e-pass-1';
const REP = 'order-rep@kehu.test';
let current: Page | undefined;
const ids = { company: '', contact: '', terminal: '', crm: '' };

type Order = { id: string; number: string; status: string; total: string; lines: { name: string }[] };
type Product = { stockOnHand: string; stockReserved: string };

async function pageAs(email: string, locale: string): Promise<Page> {
  const ctx = await newContext(browser, server.url, { viewport: DESKTOP, locale });
  contexts.push(ctx);
  const page = await ctx.newPage();
  await login(page, email, PASSWORD);
  current = page;
  return page;
}

/** A quote the customer accepted (through the API: submitted, approved at once, sent, accepted). */
async function acceptedQuote(name: string): Promise<{ id: string; total: string; number: string }> {
  const quote = await repApi.call<{ id: string; total: string; number: string }>('POST', '/quotes', {
    name,
    companyId: ids.company,
    contactId: ids.contact,
    headerDiscount: '5',
    lines: [
      { productId: ids.crm, quantity: '2' },
      { productId: ids.terminal, quantity: '10', discountPercent: '10' },
    ],
  });
  await repApi.call('POST', `/quotes/${quote.id}/submit`, {});
  await repApi.call('POST', `/quotes/${quote.id}/send`);
  await repApi.call('POST', `/quotes/${quote.id}/decide`, { outcome: 'accepted' });
  return quote;
}

/** From the accepted quote's page: Create order, then ship it on the order's page. */
async function orderAndShip(page: Page, quoteId: string, labels: { confirmed: string; shipped: string }): Promise<string> {
  await page.goto(`/quotes/${quoteId}`);
  await page.getByTestId('quote-create-order').click();
  await page.getByTestId('order-detail').waitFor();
  await page.getByTestId('order-status').filter({ hasText: labels.confirmed }).waitFor();
  const orderId = page.url().split('/').at(-1) as string;
  await page.getByTestId('order-ship').click();
  await page.getByTestId('order-status').filter({ hasText: labels.shipped }).waitFor();
  return orderId;
}

describe('Orders', { concurrency: false }, () => {
  before(async () => {
    server = await startServer();
    browser = await launch();
    api = await Api.login(server.url);
    const roles = (await api.call<{ data: { id: string; name: string }[] }>('GET', '/roles?limit=50')).data;
    await api.call('POST', '/users', { email: REP, name: '钱销售', password: PASSWORD, roleIds: [roles.find((r) => r.name === 'Sales Rep')?.id] });
    repApi = await Api.login(server.url, REP, PASSWORD);
    ids.crm = (
      await api.call<{ id: string }>('POST', '/products', {
        sku: 'CRM-STD',
        name: '标准版 年度订阅',
        nameEn: 'Standard, yearly',
        unit: '套',
        listPrice: '12000',
        taxRate: '6',
      })
    ).id;
    ids.terminal = (
      await api.call<{ id: string }>('POST', '/products', {
        sku: 'HW-SCAN',
        name: '扫码终端',
        nameEn: 'Barcode terminal',
        unit: '台',
        listPrice: '1880',
        taxRate: '13',
        stockOnHand: '100',
        lowStockThreshold: '20',
      })
    ).id;
    ids.company = (await repApi.call<{ id: string }>('POST', '/companies', { name: '云帆智能制造有限公司' })).id;
    ids.contact = (
      await repApi.call<{ id: string }>('POST', '/contacts', { name: '刘洋', companyId: ids.company, emails: [{ address: 'liu.yang@yunfan.cn' }] })
    ).id;
  });
  afterEach(keepFailure(() => current));
  after(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await browser?.close();
    await server?.stop();
  });

  test('zh-CN: an accepted quote becomes an order (lines copied, stock reserved), which is shipped (stock deducted)', async () => {
    const quote = await acceptedQuote('扫码终端首批');
    const page = await pageAs(REP, 'zh-CN');
    await page.goto(`/quotes/${quote.id}`);
    await page.getByTestId('quote-pdf').waitFor();
    await shot(page, 'orders-zh-accepted-quote');
    const orderId = await orderAndShip(page, quote.id, { confirmed: '已确认', shipped: '已发货' });
    const order = await repApi.call<Order>('GET', `/orders/${orderId}`);
    assert.match(order.number, /^SO-\d{4}-0001$/);
    assert.equal(order.total, quote.total);
    assert.deepEqual(
      order.lines.map((l) => l.name),
      ['标准版 年度订阅', '扫码终端'],
    );
    await page.getByTestId('quote-lines').getByText('扫码终端').waitFor();
    await page.getByText(order.number).first().waitFor();
    await shot(page, 'orders-zh-shipped');
    const terminal = await api.call<Product>('GET', `/products/${ids.terminal}`);
    assert.deepEqual([terminal.stockOnHand, terminal.stockReserved], ['90.0000', '0.0000']);
  });

  test('en: the order shows the products’ English names; the customer 360 page and the list show it; cancelling needs a reason', async () => {
    const quote = await acceptedQuote('Barcode terminals, second batch');
    const page = await pageAs(REP, 'en');
    await switchLanguage(page, 'English');
    await page.goto(`/quotes/${quote.id}`);
    await page.getByTestId('quote-lines').getByText('Barcode terminal').waitFor();
    const orderId = await orderAndShip(page, quote.id, { confirmed: 'Confirmed', shipped: 'Shipped' });
    await page.getByTestId('quote-lines').getByText('Standard, yearly').waitFor();
    await shot(page, 'orders-en-shipped');
    const order = await repApi.call<Order>('GET', `/orders/${orderId}`);
    await page.goto(`/companies/${ids.company}`);
    await page.getByRole('tab', { name: 'Orders' }).click();
    await page.getByTestId('related-orders').getByText(order.number).waitFor();
    await shot(page, 'orders-en-customer-tab');
    // A direct order through the API, cancelled on its page with a reason.
    const direct = await repApi.call<Order>('POST', '/orders', {
      companyId: ids.company,
      name: 'Spare terminals',
      lines: [{ productId: ids.terminal, quantity: '5' }],
    });
    await page.goto(`/orders/${direct.id}`);
    await page.getByTestId('order-cancel').click();
    await page.getByTestId('order-cancel-reason').fill('Customer postponed');
    await page.locator('#order-cancel-confirm').click();
    await page.getByTestId('order-status').filter({ hasText: 'Cancelled' }).waitFor();
    await page.locator('.ant-descriptions-item-content', { hasText: 'Customer postponed' }).waitFor();
    await page.goto('/orders');
    await page.getByText(order.number).first().waitFor();
    await shot(page, 'orders-en-list');
    const terminal = await api.call<Product>('GET', `/products/${ids.terminal}`);
    assert.deepEqual([terminal.stockOnHand, terminal.stockReserved], ['80.0000', '0.0000']);
  });
});
