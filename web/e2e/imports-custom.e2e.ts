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
let page: Page;
let api: Api;

// The lookup column names its company by name; the last row names none that exists and is refused.
const CSV = ['经销商名称,区域,级别,所属公司', '华东导入经销商,上海,2,星辰贸易有限公司', '华南导入经销商,广州,1,', '幽灵经销商,深圳,3,不存在的公司'].join('\n');

describe('importing into a custom object in a real browser', { concurrency: false }, () => {
  before(async () => {
    server = await startServer();
    api = await Api.login(server.url);
    await api.call('POST', '/custom-objects', { name: 'distributors', label: { zh: '经销商', en: 'Distributor' } });
    await api.call('POST', '/custom-fields', { object: 'distributors', key: 'region', type: 'text', label: { zh: '区域', en: 'Region' } });
    await api.call('POST', '/custom-fields', { object: 'distributors', key: 'level', type: 'number', label: { zh: '级别', en: 'Level' } });
    await api.call('POST', '/custom-fields', {
      object: 'distributors',
      key: 'company',
      type: 'lookup',
      target: 'company',
      label: { zh: '所属公司', en: 'Company' },
    });
    // A code marked unique: the import may match rows to existing distributors by it.
    await api.call('POST', '/custom-fields', { object: 'distributors', key: 'code', type: 'text', unique: true, label: { zh: '经销商编号', en: 'Code' } });
    await api.call('POST', '/companies', { name: '星辰贸易有限公司' });
    browser = await launch();
    page = await adminPage(browser, server.url);
  });
  afterEach(keepFailure(() => page));
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('the list page imports: its button opens the import page with the custom object chosen; a CSV maps by its field labels and the rows appear on the list', async () => {
    await page.goto('/o/distributors');
    await page.getByTestId('import-records').getByText('导入').click();
    await page.waitForURL(/\/imports\?object=distributors$/);
    const chosen = page.locator('[data-testid=import-object] .ant-segmented-item-selected');
    await chosen.filter({ hasText: '经销商' }).waitFor();
    const picker = (await page.getByTestId('import-object').textContent()) ?? '';
    for (const label of ['联系人', '公司', '线索', '商机', '经销商']) assert.match(picker, new RegExp(label));
    await page.getByTestId('import-hint').getByText('关联字段按名称或 ID 查找').waitFor();
    await shot(page, 'imports-custom-00-picker');

    await page.locator('[data-testid=import-upload] input[type=file]').setInputFiles({ name: '经销商.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
    await page.getByTestId('import-mapping').waitFor();
    const mapping = (await page.getByTestId('import-mapping').textContent()) ?? '';
    // Each column is suggested from the object's own labels: 名称, then its custom fields.
    for (const label of ['名称', '区域', '级别', '所属公司']) assert.match(mapping, new RegExp(label));
    assert.doesNotMatch(mapping, /不导入/);
    await shot(page, 'imports-custom-01-mapping');

    await page.getByTestId('import-start').click();
    await page.locator('[data-testid=import-status][data-status=done]').waitFor({ timeout: 90_000 });
    const body = (await page.getByTestId('import-progress').textContent()) ?? '';
    assert.match(body, /新建\s*2/);
    assert.match(body, /失败\s*1/);
    await page.getByTestId('import-errors').waitFor();
    await shot(page, 'imports-custom-02-done');

    await page.goto('/o/distributors');
    await page.getByText('华东导入经销商').first().waitFor();
    await page.getByText('华南导入经销商').first().waitFor();
    await page.getByText('星辰贸易有限公司').first().waitFor();
    assert.equal(await page.getByText('幽灵经销商').count(), 0);
    await shot(page, 'imports-custom-03-list');
  });

  test('in English the list page imports too: the picker shows the custom object by its English label, chosen', async () => {
    await page.goto('/o/distributors');
    await switchLanguage(page, 'English');
    await page.getByTestId('import-records').getByText('Import').click();
    await page.waitForURL(/\/imports\?object=distributors$/);
    await page.locator('[data-testid=import-object] .ant-segmented-item-selected').filter({ hasText: 'Distributor' }).waitFor();
    const picker = (await page.getByTestId('import-object').textContent()) ?? '';
    for (const label of ['Contacts', 'Companies', 'Leads', 'Deals', 'Activities', 'Distributor']) assert.match(picker, new RegExp(label));
    await page.getByTestId('import-hint').getByText('a lookup column finds the record it names by name or id').waitFor();
    await shot(page, 'imports-custom-04-picker-en');
    const csv = ['Distributor name,Region,Level', 'Western Imported Distributor,Chengdu,2'].join('\n');
    await page
      .locator('[data-testid=import-upload] input[type=file]')
      .setInputFiles({ name: 'distributors.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByTestId('import-mapping').waitFor();
    assert.doesNotMatch((await page.getByTestId('import-mapping').textContent()) ?? '', /Do not import/);
    await page.getByTestId('import-start').click();
    await page.locator('[data-testid=import-status][data-status=done]').waitFor({ timeout: 90_000 });
    assert.match((await page.getByTestId('import-progress').textContent()) ?? '', /Created\s*1/);
    await shot(page, 'imports-custom-05-done-en');
    await page.goto('/o/distributors');
    await page.getByText('Western Imported Distributor').first().waitFor();
    await shot(page, 'imports-custom-06-list-en');
    await switchLanguage(page, '简体中文');
  });

  test('an import matches existing records by a unique field picked in the mapping step: the matched one is updated, a new code is created', async () => {
    await api.call('POST', '/distributors', { name: '华北经销商', custom: { code: 'HB-01', region: '北京' } });
    await page.goto('/imports?object=distributors');
    const csv = ['经销商名称,经销商编号,区域', '华北经销商(更名),hb-01,天津', '西北经销商,XB-02,西安'].join('\n');
    await page.locator('[data-testid=import-upload] input[type=file]').setInputFiles({ name: '编号.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByTestId('import-mapping').waitFor();
    await page.locator('.ant-radio-button-wrapper', { hasText: '唯一字段' }).click();
    const field = page.getByTestId('import-match-field');
    await field.waitFor();
    await choose(page, field, '经销商编号');
    await page.locator('.ant-radio-button-wrapper', { hasText: '更新已有记录' }).click();
    await shot(page, 'imports-custom-07-match-field');
    await page.getByTestId('import-start').click();
    await page.locator('[data-testid=import-status][data-status=done]').waitFor({ timeout: 90_000 });
    const body = (await page.getByTestId('import-progress').textContent()) ?? '';
    assert.match(body, /新建\s*1/);
    assert.match(body, /更新\s*1/);
    await page.goto('/o/distributors');
    await page.getByText('华北经销商(更名)').first().waitFor();
    await page.getByText('西北经销商').first().waitFor();
    assert.equal(await page.getByText('华北经销商', { exact: true }).count(), 0);
    await shot(page, 'imports-custom-08-matched');
  });
});
