import assert from 'node:assert/strict';
import { after, afterEach, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { Api } from './support/api';
import { DESKTOP, keepFailure, launch, newContext, shot, switchLanguage } from './support/browser';
import { login } from './support/login';
import { ADMIN, type RunningServer, startServer } from './support/server';

let server: RunningServer;
let browser: Browser;
let page: Page;
let api: Api;

const option = (p: Page, text: string | RegExp) =>
  p.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: text }).first();

describe('Products and price books', { concurrency: false }, () => {
  before(async () => {
    server = await startServer();
    browser = await launch();
    const ctx = await newContext(browser, server.url, { viewport: DESKTOP, locale: 'zh-CN' });
    page = await ctx.newPage();
    await login(page, ADMIN.email, ADMIN.password);
    api = await Api.login(server.url);
  });
  afterEach(keepFailure(() => page));
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('zh-CN: an admin adds a product with the form, sees it in the list and on its page; a taken SKU is refused in Chinese', async () => {
    await page.goto('/products');
    await page.getByTestId('create-record').click();
    await page.locator('#sku').fill('CRM-PRO');
    await page.locator('#name').fill('客户管理 专业版（年）');
    await page.locator('#nameEn').fill('CRM Professional (yearly)');
    await page.locator('#category').fill('软件订阅');
    await page.locator('#unit').fill('用户/年');
    await page.locator('#listPrice').fill('2400');
    await page.locator('#currency').fill('CNY');
    await page.locator('#taxRate').fill('6');
    await shot(page, 'products-zh-form');
    await page.getByTestId('record-form-submit').click();
    await page.waitForURL(/\/products\/[0-9a-f-]{36}$/);
    await page.getByTestId('product-detail').getByText('¥2,400.00').waitFor();
    await shot(page, 'products-zh-detail');
    // The same SKU in another case: the server's translated field error shows on the form.
    await page.goto('/products/new');
    await page.locator('#sku').fill('crm-pro');
    await page.locator('#name').fill('重复');
    await page.locator('#listPrice').fill('1');
    await page.getByTestId('record-form-submit').click();
    await page.getByText('产品编码 crm-pro 已被其他产品使用').waitFor();
    await api.call('POST', '/products', { sku: 'IMPL-DAY', name: '实施服务（人天）', category: '专业服务', unit: '人天', listPrice: '2500', taxRate: '6' });
    await page.goto('/products');
    await page.getByText('IMPL-DAY').first().waitFor();
    await shot(page, 'products-zh-list');
  });

  test('zh-CN: a price book with its validity and a price per product', async () => {
    await page.goto('/products/price-books');
    await page.getByTestId('new-price-book').click();
    await page.locator('.ant-modal #name').fill('渠道价格表');
    await page.locator('.ant-modal-footer .ant-btn-primary').click();
    await page.getByTestId('prices-渠道价格表').click();
    const drawer = page.locator('.ant-drawer');
    await drawer.locator('.ant-select').last().click();
    await option(page, 'CRM-PRO').click();
    await drawer.getByTestId('price-CRM-PRO').fill('1999');
    await drawer.locator('.ant-select').last().click();
    await option(page, 'IMPL-DAY').click();
    await drawer.getByRole('button', { name: '保存价格' }).click();
    await page.getByText('价格已保存').waitFor();
    await shot(page, 'products-zh-price-book');
    const books = (await api.call<{ data: { id: string; name: string }[] }>('GET', '/price-books')).data;
    const entries = (await api.call<{ data: { sku: string; unitPrice: string }[] }>('GET', `/price-books/${books[0]?.id}/entries`)).data;
    assert.deepEqual(
      entries.map((e) => [e.sku, e.unitPrice]),
      [
        ['CRM-PRO', '1999.00'],
        ['IMPL-DAY', '2500.00'],
      ],
    );
  });

  test('en: the catalog in English', async () => {
    await page.goto('/products');
    await switchLanguage(page, 'English');
    await page.getByRole('tab', { name: 'Price books' }).waitFor();
    await page.getByText('CRM-PRO').first().waitFor();
    await shot(page, 'products-en-list');
    await page.getByRole('tab', { name: 'Price books' }).click();
    await page.getByText('渠道价格表').waitFor();
    await shot(page, 'products-en-price-books');
  });
});
