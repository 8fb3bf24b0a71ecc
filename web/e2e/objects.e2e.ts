import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, afterEach, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { Api } from './support/api';
import { DESKTOP, keepFailure, launch, newContext, shot, switchLanguage } from './support/browser';
import { login } from './support/login';
import { ADMIN, type RunningServer, startServer } from './support/server';

type CustomObject = { id: string; name: string; label: { zh: string; en: string } };
type ObjectMeta = { name: string; path: string | null; custom: boolean; label: { zh: string; en: string } };
type CustomField = { object: string; key: string; type: string; target: string | null; label: { zh?: string; en?: string } };
type Distributor = { id: string; name: string; custom: Record<string, unknown>; lookups?: Record<string, { id: string; name: string } | null> };

let server: RunningServer;
let browser: Browser;
let page: Page;
let api: Api;
const companies: { east?: string; south?: string } = {};
const records: { east?: string; south?: string } = {};

const dialog = (p: Page) => p.locator('.ant-modal:visible');
const option = (p: Page, text: string | RegExp) => p.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text }).first();
const distributors = async () => (await api.call<{ data: Distributor[] }>('GET', '/distributors?sort=name')).data;

/** Picks a record in a lookup field of the record form by typing part of its name. */
async function pickLookup(p: Page, field: string, search: string, name: string): Promise<void> {
  await p.locator(`[data-field="${field}"] [data-testid=lookup-select]`).click();
  await p.keyboard.type(search);
  await option(p, name).click();
}

describe('Custom objects: 经销商 / Distributor', { concurrency: false }, () => {
  before(async () => {
    server = await startServer();
    browser = await launch();
    page = await (await newContext(browser, server.url, { viewport: DESKTOP, locale: 'zh-CN' })).newPage();
    api = await Api.login(server.url);
    companies.east = (await api.call<{ id: string }>('POST', '/companies', { name: '上海远航贸易有限公司' })).id;
    companies.south = (await api.call<{ id: string }>('POST', '/companies', { name: '广州南粤商贸有限公司' })).id;
    await login(page, ADMIN.email, ADMIN.password);
  });
  afterEach(keepFailure(() => page));
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('an admin creates the object in Settings > Objects and it joins the side menu at once', async () => {
    await page.goto('/settings/objects');
    await page.getByTestId('add-custom-object').waitFor();
    await page.getByTestId('settings-menu').getByText('对象管理').waitFor();
    await shot(page, '60-objects-settings-empty');
    await page.getByTestId('add-custom-object').click();
    await dialog(page).getByTestId('object-label-zh').fill('经销商');
    await dialog(page).getByTestId('object-label-en').fill('Distributor');
    await dialog(page).getByTestId('object-name').fill('Distributors');
    await dialog(page).locator('.ant-modal-footer .ant-btn-primary').click();
    await dialog(page).getByText('以小写字母开头，只能包含小写字母、数字和连字符，2–40 个字符').waitFor();
    await shot(page, '61-objects-create-invalid-name');
    await dialog(page).getByTestId('object-name').fill('distributors');
    await dialog(page).locator('.ant-modal-footer .ant-btn-primary').click();
    await page.locator('.ant-modal').first().waitFor({ state: 'hidden' });
    const row = page.getByTestId('custom-objects-table').locator('tr', { hasText: 'distributors' });
    await row.waitFor();
    assert.match((await row.textContent()) ?? '', /经销商.*Distributor.*distributors/);
    await page.getByTestId('main-nav').getByText('经销商').waitFor();
    await shot(page, '62-objects-created');

    const list = await api.call<{ data: CustomObject[] }>('GET', '/custom-objects');
    assert.deepEqual(
      list.data.map((o) => [o.name, o.label]),
      [['distributors', { zh: '经销商', en: 'Distributor' }]],
    );
    const registry = await api.call<{ data: ObjectMeta[] }>('GET', '/objects');
    assert.equal(registry.data.find((o) => o.name === 'distributors')?.path, 'distributors');
  });

  test('adds a text field 区域 and a lookup field 所属公司 to companies in Settings > Custom fields', async () => {
    await page.getByTestId('custom-objects-table').locator('tr', { hasText: 'distributors' }).getByTestId('object-fields').click();
    await page.waitForURL(/\/settings\/custom-fields\?object=distributors$/);
    await page.getByTestId('custom-field-object').filter({ hasText: '经销商' }).waitFor();

    await page.getByTestId('add-custom-field').click();
    await dialog(page).locator('#key').fill('region');
    await dialog(page).locator('#label_zh').fill('区域');
    await dialog(page).locator('#label_en').fill('Region');
    await dialog(page).locator('.ant-modal-footer .ant-btn-primary').click();
    await page.locator('.ant-modal').first().waitFor({ state: 'hidden' });

    await page.getByTestId('add-custom-field').click();
    await dialog(page).locator('#key').fill('company');
    await dialog(page).locator('#label_zh').fill('所属公司');
    await dialog(page).locator('#label_en').fill('Company');
    await dialog(page).getByTestId('custom-field-type').click();
    await page.keyboard.type('关联');
    await option(page, '关联').click();
    await dialog(page).getByTestId('custom-field-target').click();
    await option(page, /^(公司|客户)$/).click();
    await shot(page, '63-custom-field-lookup');
    await dialog(page).locator('.ant-modal-footer .ant-btn-primary').click();
    await page.locator('.ant-modal').first().waitFor({ state: 'hidden' });
    await page.getByText('所属公司').waitFor();
    await shot(page, '64-custom-fields-of-object');

    const fields = (await api.call<{ data: CustomField[] }>('GET', '/custom-fields')).data.filter((f) => f.object === 'distributors');
    assert.deepEqual(fields.map((f) => [f.key, f.type, f.target]).sort(), [
      ['company', 'lookup', 'company'],
      ['region', 'text', null],
    ]);
  });

  test('opens 经销商 from the side menu and creates two records, each linked to a company', async () => {
    await page.getByTestId('main-nav').getByText('经销商').click();
    await page.waitForURL(/\/o\/distributors$/);
    await page.getByText('还没有经销商').waitFor();
    assert.equal(await page.locator('[data-testid=main-nav] .ant-menu-item-selected').textContent(), '经销商');
    await shot(page, '65-distributors-empty');

    const create = async (name: string, region: string, search: string, company: string) => {
      await page.getByTestId('create-record').click();
      await page.waitForURL(/\/o\/distributors\/new$/);
      await page.getByRole('heading', { name: '新建经销商' }).waitFor();
      await page.locator('#name').fill(name);
      await page.locator('#custom_region').fill(region);
      await pickLookup(page, 'custom.company', search, company);
      await page.getByTestId('record-form-submit').click();
      await page.waitForURL(/\/o\/distributors\/[0-9a-f-]{36}$/);
      await page.getByTestId('record-header').filter({ hasText: name }).waitFor();
      await page.getByTestId('record-fields').getByText(company).waitFor();
      return page.url().split('/').pop() as string;
    };
    records.east = await create('华东一级经销商', '华东', '远航', '上海远航贸易有限公司');
    await shot(page, '66-distributor-detail');
    await page.getByTestId('main-nav').getByText('经销商').click();
    records.south = await create('华南一级经销商', '华南', '南粤', '广州南粤商贸有限公司');

    const saved = await distributors();
    assert.deepEqual(
      saved.map((d) => [d.name, d.custom.region, d.custom.company, d.lookups?.company?.name]),
      [
        ['华东一级经销商', '华东', companies.east, '上海远航贸易有限公司'],
        ['华南一级经销商', '华南', companies.south, '广州南粤商贸有限公司'],
      ],
    );
  });

  test('the list shows both, searches and filters them', async () => {
    await page.getByTestId('main-nav').getByText('经销商').click();
    await page.waitForURL(/\/o\/distributors$/);
    const table = page.getByTestId('record-table');
    await table.getByText('华东一级经销商').waitFor();
    await table.getByText('华南一级经销商').waitFor();
    await page.getByTestId('list-count').filter({ hasText: '共 2 条' }).waitFor();
    await table.getByText('上海远航贸易有限公司').waitFor();
    await shot(page, '67-distributors-list');

    await page.getByTestId('list-search').locator('input').fill('华东');
    await table.getByText('华南一级经销商').waitFor({ state: 'detached' });
    await table.getByText('华东一级经销商').waitFor();
    await page.getByTestId('list-search').locator('input').fill('');
    await table.getByText('华南一级经销商').waitFor();

    await page.getByTestId('filter-button').click();
    await page.getByTestId('filter-add').click();
    await page.getByTestId('filter-field').click();
    await option(page, '区域').click();
    await page.getByTestId('filter-value').fill('华南');
    await shot(page, '68-distributors-filter');
    await page.getByTestId('filter-apply').click();
    await table.getByText('华东一级经销商').waitFor({ state: 'detached' });
    await table.getByText('华南一级经销商').waitFor();
    await page.getByTestId('list-count').filter({ hasText: '共 1 条' }).waitFor();
    await shot(page, '69-distributors-filtered');

    // Export takes the list's filter: only the 华南 record, with the company's name.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-records').click()]);
    const csv = readFileSync((await download.path()) as string, 'utf8');
    assert.match(csv, /华南一级经销商/);
    assert.doesNotMatch(csv, /华东一级经销商/);
  });

  test('opens a record and edits a field in place', async () => {
    await page.goto(`/o/distributors/${records.east}`);
    await page.getByTestId('inline-custom.region').click();
    await page.getByTestId('inline-editor-custom.region').locator('input').fill('华东大区');
    await page.getByTestId('inline-save').click();
    await page.getByTestId('inline-custom.region').filter({ hasText: '华东大区' }).waitFor();
    await shot(page, '70-distributor-inline-edit');
    const east = await api.call<Distributor & { version: number }>('GET', `/distributors/${records.east}`);
    assert.equal(east.custom.region, '华东大区');
    assert.equal(east.version, 2);
  });

  test('the company shows the 经销商 related list, and New presets the lookup', async () => {
    await page.goto(`/companies/${companies.east}`);
    const card = page.getByTestId('related-distributors-company');
    await card.getByText('华东一级经销商').waitFor();
    await card.getByTestId('related-count').filter({ hasText: /^1$/ }).waitFor();
    assert.equal(await card.getByText('华南一级经销商').count(), 0);
    await shot(page, '71-company-related-distributors');

    await card.getByTestId('related-new').click();
    await page.waitForURL(new RegExp(`/o/distributors/new\\?custom.company=${companies.east}$`));
    await page.locator('[data-field="custom.company"]').getByText('上海远航贸易有限公司').waitFor();
    await page.locator('#name').fill('华东二级经销商');
    await shot(page, '72-related-new-preset');
    await page.getByTestId('record-form-submit').click();
    await page.waitForURL(/\/o\/distributors\/[0-9a-f-]{36}$/);
    await page.getByTestId('record-fields').getByRole('link', { name: '上海远航贸易有限公司' }).click();
    await page.waitForURL(new RegExp(`/companies/${companies.east}$`));
    await card.getByText('华东二级经销商').waitFor();
    await card.getByTestId('related-count').filter({ hasText: /^2$/ }).waitFor();
    const linked = (await distributors()).filter((d) => d.custom.company === companies.east).map((d) => d.name);
    assert.deepEqual(linked, ['华东一级经销商', '华东二级经销商']);
  });

  test('a record deleted from its page goes to the recycle bin and comes back', async () => {
    const second = (await distributors()).find((d) => d.name === '华东二级经销商');
    assert.ok(second);
    await page.goto(`/o/distributors/${second.id}`);
    await page.getByTestId('delete-record').click();
    await page.locator('.ant-modal-confirm .ant-btn-dangerous').click();
    await page.waitForURL(/\/o\/distributors$/);
    await page.getByTestId('list-count').filter({ hasText: '共 2 条' }).waitFor();
    assert.equal((await distributors()).length, 2);

    await page.goto('/recycle-bin');
    await page.getByRole('tab', { name: '经销商' }).click();
    const row = page.locator('tr', { hasText: '华东二级经销商' });
    await row.waitFor();
    await shot(page, '73a-recycle-bin-distributors');
    await row.getByRole('button').click();
    await row.waitFor({ state: 'detached' });
    assert.deepEqual(
      (await distributors()).map((d) => d.name),
      ['华东一级经销商', '华东二级经销商', '华南一级经销商'],
    );
  });

  test('an object that still has records cannot be deleted, and the reason is shown', async () => {
    await page.goto('/settings/objects');
    const row = page.getByTestId('custom-objects-table').locator('tr', { hasText: 'distributors' });
    await row.getByRole('button', { name: /删\s*除/ }).click();
    await page.locator('.ant-modal-confirm .ant-btn-dangerous').click();
    await page.locator('.ant-modal-confirm-error .ant-modal-confirm-title').filter({ hasText: '无法删除该对象' }).waitFor();
    const reason = ((await page.locator('.ant-modal-confirm-error .ant-modal-confirm-content').textContent()) ?? '').trim();
    assert.match(reason, /3/, 'the server says how many records remain');
    await shot(page, '73-object-delete-refused');
    await page.locator('.ant-modal-confirm-error .ant-btn-primary').click();
    const list = await api.call<{ data: CustomObject[] }>('GET', '/custom-objects');
    assert.equal(list.data.length, 1);
  });

  test('in English the menu, the list and the related list say Distributor', async () => {
    await page.goto(`/companies/${companies.east}`);
    await switchLanguage(page, 'English');
    await page.getByTestId('main-nav').getByText('Distributor').waitFor();
    assert.equal(await page.getByTestId('main-nav').getByText('经销商').count(), 0);
    const card = page.getByTestId('related-distributors-company');
    await card.locator('.ant-card-head').filter({ hasText: 'Distributor' }).waitFor();
    await card.getByText('New').waitFor();
    await shot(page, '74-company-related-en');
    await page.getByTestId('main-nav').getByText('Distributor').click();
    await page.getByRole('heading', { name: /Distributor/ }).waitFor();
    await page.getByTestId('create-record').filter({ hasText: 'New Distributor' }).waitFor();
    await page.getByTestId('record-table').getByText('华东二级经销商').waitFor();
    await shot(page, '75-distributors-list-en');
    await switchLanguage(page, '简体中文');
  });
});
