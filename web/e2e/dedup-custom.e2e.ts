import assert from 'node:assert/strict';
import { after, afterEach, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { Api } from './support/api';
import { keepFailure, launch, shot, switchLanguage } from './support/browser';
import { adminPage } from './support/login';
import { type RunningServer, startServer } from './support/server';

let server: RunningServer;
let browser: Browser;
let page: Page;
let api: Api;

type Vendor = { id: string; name: string; custom: Record<string, unknown> };
const vendor = (name: string, custom: Record<string, unknown>) => api.call<Vendor>('POST', '/vendors', { name, custom });

/** Runs detection on the Duplicates screen's current object and waits for a cluster holding `name`. */
async function findDuplicates(page: Page, scan: RegExp, name: string) {
  await page.getByRole('button', { name: scan }).click();
  const cluster = page.getByTestId('dedup-cluster').filter({ hasText: name });
  await cluster.waitFor({ timeout: 60_000 });
  return cluster;
}

describe('duplicates of a custom object in a real browser (no per-object code)', { concurrency: false }, () => {
  before(async () => {
    server = await startServer();
    api = await Api.login(server.url);
    await api.call('POST', '/custom-objects', { name: 'vendors', label: { zh: '供应商', en: 'Vendor' } });
    await api.call('POST', '/custom-fields', { object: 'vendors', key: 'code', type: 'text', unique: true, label: { zh: '供应商编码', en: 'Vendor code' } });
    await api.call('POST', '/custom-fields', { object: 'vendors', key: 'region', type: 'text', label: { zh: '区域', en: 'Region' } });
    browser = await launch();
    page = await adminPage(browser, server.url);
  });
  afterEach(keepFailure(() => page));
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('zh-CN: the Duplicates screen has a tab for the custom object; detection pairs two records sharing name and code; the merge keeps one', async () => {
    const kept = await vendor('华东供应商', { code: 'HD-001', region: '上海' });
    const dup = await vendor('华东供应商', { code: 'hd 001', region: '上海市浦东新区' });
    await vendor('华东供应商', { code: 'HD-002' });
    await page.goto('/duplicates');
    await page.getByRole('tab', { name: '供应商' }).click();
    await page.waitForURL(/object=vendors/);
    // Checked on save like standard objects (#17), and the screen says so; a scan finds them too.
    await page.getByTestId('dedup-run').getByText('尚未运行查重；新建和修改的记录会在保存时自动检查').waitFor();
    const cluster = await findDuplicates(page, /查找重复/, '华东供应商');
    assert.equal(await page.getByTestId('dedup-cluster').count(), 1);
    assert.equal(await cluster.locator(`a[href="/o/vendors/${kept.id}"]`).count(), 1);
    await shot(page, 'dedup-custom-01-queue');

    await cluster.getByRole('button', { name: /对比并合并/ }).click();
    const dialog = page.locator('.ant-modal');
    await dialog.getByTestId('dedup-compare').waitFor();
    const text = (await dialog.textContent()) ?? '';
    // The object's own field labels, and its unique code as the evidence.
    for (const label of ['名称', '供应商编码', '区域', '上海市浦东新区']) assert.match(text, new RegExp(label));
    await dialog.getByText(/供应商编码 · 相似 100%/).waitFor();
    const keepIndex = (await dialog.locator('tbody tr', { hasText: '供应商编码' }).locator('td').nth(1).textContent())?.includes('HD-001') ? 0 : 1;
    await dialog.locator('thead').getByTestId(`dedup-keep-${keepIndex}`).click();
    await shot(page, 'dedup-custom-02-compare');
    await dialog.locator('.ant-modal-footer .ant-btn-primary').click();
    await page.locator('.ant-message-success').waitFor();
    await dialog.waitFor({ state: 'hidden' });
    const survivor = await api.call<Vendor>('GET', `/vendors/${kept.id}`);
    assert.equal(survivor.custom.code, 'HD-001');
    assert.equal(survivor.custom.region, '上海市浦东新区'); // the more complete value
    await assert.rejects(api.call('GET', `/vendors/${dup.id}`), /404/);
    await page.getByRole('tab', { name: '合并记录' }).click();
    await page.getByTestId('dedup-history').getByText('华东供应商').first().waitFor();
    await shot(page, 'dedup-custom-03-history');
  });

  test('en: the tab reads Vendor, the comparison shows the English labels, and the merge works', async () => {
    const kept = await vendor('Northwind Supply', { code: 'NW-7', region: 'Tianjin' });
    const dup = await vendor('Northwind Supply', { code: 'nw 7' });
    await page.goto('/duplicates');
    await switchLanguage(page, 'English');
    await page.getByRole('tab', { name: 'Vendor' }).click();
    const cluster = await findDuplicates(page, /Find duplicates/, 'Northwind Supply');
    await cluster.getByRole('button', { name: /Compare and merge/ }).click();
    const dialog = page.locator('.ant-modal');
    await dialog.getByTestId('dedup-compare').waitFor();
    await dialog.getByText(/Vendor code · 100% alike/).waitFor();
    assert.match((await dialog.textContent()) ?? '', /Region/);
    const keepIndex = (await dialog.locator('tbody tr', { hasText: 'Vendor code' }).locator('td').nth(1).textContent())?.includes('NW-7') ? 0 : 1;
    await dialog.locator('thead').getByTestId(`dedup-keep-${keepIndex}`).click();
    await shot(page, 'dedup-custom-04-compare-en');
    await dialog.locator('.ant-modal-footer .ant-btn-primary').click();
    await page.locator('.ant-message-success').waitFor();
    assert.equal((await api.call<Vendor>('GET', `/vendors/${kept.id}`)).custom.code, 'NW-7');
    await assert.rejects(api.call('GET', `/vendors/${dup.id}`), /404/);
    await shot(page, 'dedup-custom-05-merged-en');
    await switchLanguage(page, '简体中文');
  });
});
