import assert from 'node:assert/strict';
import { after, afterEach, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { Api } from './support/api';
import { DESKTOP, launch, newContext, PHONE, shot, switchLanguage, keepFailure } from './support/browser';
import { login } from './support/login';
import { ADMIN, type RunningServer, startServer } from './support/server';

let server: RunningServer;
let browser: Browser;
let ctx: BrowserContext;
let page: Page;
let api: Api;
const state: { companyId?: string; contactId?: string; contactUrl?: string } = {};

const text = async (p: Page) => (await p.locator('body').textContent()) ?? '';

describe('Kehu in a real browser', { concurrency: false }, () => {
  before(async () => {
    server = await startServer();
    browser = await launch();
    ctx = await newContext(browser, server.url, { viewport: DESKTOP, locale: 'zh-CN' });
    page = await ctx.newPage();
    api = await Api.login(server.url);
  });
  afterEach(keepFailure(() => page));
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('login shows an inline error, then signs in', async () => {
    await page.goto('/');
    await page.waitForURL(/\/login/);
    await page.locator('#email').fill(ADMIN.email);
    await page.locator('#password').fill('wrong-password');
    await page.locator('button[type=submit]').click();
    await page.locator('[role=alert]').waitFor();
    await shot(page, '01-login-error');
    await page.locator('#password').fill(ADMIN.password);
    await page.locator('button[type=submit]').click();
    await page.waitForSelector('[data-testid=main-nav]');
    assert.match(await text(page), /工作台/);
    await shot(page, '02-dashboard');
  });

  test('admin adds a custom field in settings', async () => {
    await page.goto('/settings/custom-fields');
    await page.getByTestId('custom-field-object').click();
    await page.locator('.ant-select-item-option', { hasText: '联系人' }).click();
    await page.getByTestId('add-custom-field').click();
    await page.locator('#key').fill('wechat');
    await page.locator('#label_zh').fill('微信号');
    await page.locator('#label_en').fill('WeChat ID');
    await page.locator('.ant-modal-footer .ant-btn-primary').click();
    await page.locator('.ant-modal').waitFor({ state: 'hidden' });
    assert.match(await text(page), /微信号/);
    await shot(page, '03-settings-custom-fields');
    await page.goto('/settings/roles');
    await page.getByTestId('permission-matrix').waitFor();
    await shot(page, '03a-settings-roles');
  });

  test('creates a company', async () => {
    await page.goto('/companies');
    await page.getByTestId('create-record').click();
    await page.locator('#name').fill('北京星辰科技有限公司');
    await page.locator('#industry').fill('软件');
    await page.locator('[data-field=address] input').nth(2).fill('北京');
    await page.getByTestId('record-form-submit').click();
    await page.waitForURL(/\/companies\/[0-9a-f-]{36}$/);
    await page.getByTestId('record-header').waitFor();
    state.companyId = page.url().split('/').pop();
    assert.match(await text(page), /北京星辰科技有限公司/);
  });

  test('creates a contact with a custom field', async () => {
    await page.goto('/contacts/new');
    await page.locator('#familyName').fill('张');
    await page.locator('#givenName').fill('伟');
    await page.locator('#title').fill('采购经理');
    await page.getByTestId('company-select').click();
    await page.keyboard.type('星辰');
    await page.locator('.ant-select-item-option', { hasText: '北京星辰科技有限公司' }).click();
    await page.locator('[data-field=phones] input').nth(1).fill('13800138000');
    await page.locator('#custom_wechat').fill('zhangwei_88');
    await page.getByTestId('record-form-submit').click();
    await page.waitForURL(/\/contacts\/[0-9a-f-]{36}$/);
    await page.getByTestId('record-header').waitFor();
    state.contactUrl = new URL(page.url()).pathname;
    state.contactId = state.contactUrl.split('/').pop();
    const body = await text(page);
    assert.match(body, /张伟/);
    assert.match(body, /zhangwei_88/);
    await shot(page, '04-contact-360');
  });

  test('global search finds the contact as you type (Ctrl+K)', async () => {
    await page.goto('/');
    await page.getByTestId('global-search-trigger').waitFor();
    await page.keyboard.press('Control+k');
    await page.getByTestId('global-search-input').fill('张伟');
    await page.locator('[role=option]', { hasText: '张伟' }).first().waitFor();
    await shot(page, '05a-global-search');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/contacts\/[0-9a-f-]{36}$/);
  });

  test('filters the list and saves the view', async () => {
    await api.call('POST', '/contacts', { familyName: 'Smith', givenName: 'John', name: 'John Smith', title: 'CTO' });
    await page.goto('/contacts');
    await page.getByTestId('record-table').waitFor();
    await page.getByText('John Smith').waitFor();
    await page.getByTestId('filter-button').click();
    await page.getByTestId('filter-add').click();
    await page.getByTestId('filter-field').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '职位' }).click();
    await page.getByTestId('filter-value').fill('采购');
    await page.getByTestId('filter-apply').click();
    await page.getByText('John Smith').waitFor({ state: 'detached' });
    await page.getByTestId('record-table').getByText('张伟').waitFor();
    await page.getByTestId('save-view').click();
    await page.getByTestId('view-name').fill('采购负责人');
    await page.locator('.ant-modal-footer .ant-btn-primary').click();
    await page.locator('.ant-message-success').waitFor();
    await page.reload();
    await page.getByTestId('saved-views-select').click();
    await page.locator('.ant-select-item-option', { hasText: '采购负责人' }).click();
    await page.getByText('John Smith').waitFor({ state: 'detached' });
    await page.getByText('张伟').first().waitFor();
    await shot(page, '05-contacts-filtered-view');
  });

  test('adds a note and a task on the 360 page', async () => {
    await page.goto(state.contactUrl ?? '/');
    await page.getByTestId('activity-subject').fill('首次拜访，对方对报价感兴趣');
    await page.getByTestId('activity-submit').click();
    await page.getByTestId('timeline-activity').filter({ hasText: '首次拜访' }).first().waitFor();
    await page.locator('[data-testid=quick-add-activity] .ant-segmented-item', { hasText: '任务' }).click();
    await page.getByTestId('activity-subject').fill('周五前发送报价单');
    await page.getByTestId('activity-submit').click();
    await page.getByTestId('timeline-activity').filter({ hasText: '周五前发送报价单' }).first().waitFor();
    await shot(page, '06-contact-timeline');
  });

  test("edit shows the server's validation error on the field, then saves", async () => {
    await page.goto(state.contactUrl ?? '/');
    await page.getByTestId('edit-record').click();
    // Passes the browser's loose check; the server's phone parser rejects it.
    const phone = page.locator('[data-field=phones] input').nth(1);
    await phone.fill('12345');
    await page.locator('[data-field=emails] input').nth(1).fill('zhang.wei@xingchen.cn');
    await page.getByTestId('record-form-submit').click();
    await page.locator('[data-field=phones] .ant-form-item-explain-error').waitFor();
    await shot(page, '07-edit-validation-error');
    await phone.fill('13912345678');
    await page.getByTestId('record-form-submit').click();
    await page.getByTestId('record-form').waitFor({ state: 'detached' });
    const body = await text(page);
    assert.match(body, /zhang\.wei@xingchen\.cn/);
    assert.match(body, /13912345678/);
  });

  test("edits fields in place: the right widget, the server's error on the field, a 412 explained with reload", async () => {
    await page.goto(state.contactUrl ?? '/');
    await page.getByTestId('inline-title').click();
    const title = page.getByTestId('inline-editor-title').locator('input');
    await title.fill('采购总监');
    await page.getByTestId('inline-save').click();
    await page.getByTestId('inline-editor-title').waitFor({ state: 'detached' });
    await page.getByTestId('inline-title').filter({ hasText: '采购总监' }).waitFor();

    // A custom field opens its own widget too.
    await page.getByTestId('inline-custom.wechat').click();
    await page.getByTestId('inline-editor-custom.wechat').locator('input').fill('zw_2026');
    await page.keyboard.press('Enter');
    await page.getByTestId('inline-custom.wechat').filter({ hasText: 'zw_2026' }).waitFor();

    // The browser's check lets 12345 through; the server's phone parser does not, and says so on the field.
    // The number itself is a tel: link; the pencil opens the editor.
    await page.getByTestId('inline-phones').locator('.anticon-edit').click();
    const number = page.getByTestId('inline-editor-phones').locator('input').nth(1);
    await number.fill('12345');
    await page.getByTestId('inline-save').click();
    await page.locator('[data-testid="inline-editor-phones"] .ant-form-item-explain-error').waitFor();
    await shot(page, '07a-inline-validation-error');
    await number.fill('13700001111');
    await page.getByTestId('inline-save').click();
    await page.getByTestId('inline-phones').filter({ hasText: '13700001111' }).waitFor();

    // Someone else saves while the editor is open: the save is refused (412) and explained.
    await page.getByTestId('inline-department').click();
    await api.call('PATCH', `/contacts/${state.contactId}`, { department: '采购部' });
    await page.getByTestId('inline-editor-department').locator('input').fill('供应链部');
    await page.getByTestId('inline-save').click();
    await page.getByTestId('conflict-alert').waitFor();
    await shot(page, '07b-inline-conflict');
    await page.getByTestId('conflict-alert').getByRole('button').click();
    await page.getByTestId('inline-department').filter({ hasText: '采购部' }).waitFor();
    const saved = await api.call<{ department: string; title: string; custom: Record<string, unknown> }>('GET', `/contacts/${state.contactId}`);
    assert.deepEqual([saved.department, saved.title, saved.custom.wechat], ['采购部', '采购总监', 'zw_2026']);
  });

  test('nested filter groups: title contains 采购 OR (name contains Smith AND title is CTO), kept by a saved view', async () => {
    await api.call('POST', '/contacts', { familyName: 'Smith', givenName: 'Anna', name: 'Anna Smith', title: 'CEO' });
    await page.goto('/contacts');
    await page.getByTestId('record-table').getByText('Anna Smith').waitFor();
    // Type to narrow the field list and take the match: a closing dropdown of the previous row cannot be picked by mistake.
    const pick = async (i: number, label: string) => {
      // The previous row's dropdown may still be fading out over this row's select.
      await page.waitForFunction(() => document.querySelectorAll('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').length === 0);
      const field = page.getByTestId('filter-field').nth(i);
      await field.click();
      // Type into this row's own search box (not wherever the focus happens to be), then click the exact option.
      await field.locator('input').fill(label);
      await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: new RegExp(`^${label}$`) }).click();
      await page.getByTestId('filter-field').nth(i).filter({ hasText: label }).waitFor();
    };
    await page.getByTestId('filter-button').click();
    await page.getByTestId('filter-add').click();
    await pick(0, '职位');
    await page.getByTestId('filter-value').nth(0).fill('采购');
    await page.getByTestId('filter-add-group').click();
    await page.getByTestId('filter-group-add').click();
    await pick(1, '姓名');
    await page.getByTestId('filter-value').nth(1).fill('Smith');
    await pick(2, '职位');
    await page.getByTestId('filter-value').nth(2).fill('CTO');
    // Root: any of; the group: all of.
    await page.getByTestId('filter-conjunction').nth(0).getByText('满足任一').click();
    await page.getByTestId('filter-conjunction').nth(1).getByText('满足全部').click();
    await shot(page, '05b-nested-filter');
    await page.getByTestId('filter-apply').click();
    await page.getByTestId('record-table').getByText('Anna Smith').waitFor({ state: 'detached' });
    await page.getByTestId('record-table').getByText('John Smith').waitFor();
    await page.getByTestId('record-table').getByText('张伟').waitFor();
    await page.getByTestId('save-view').click();
    await page.getByTestId('view-name').fill('嵌套条件');
    await page.locator('.ant-modal-footer .ant-btn-primary').click();
    await page.locator('.ant-message-success').first().waitFor();
    const views = await api.call<{ data: { name: string; filter: unknown }[] }>('GET', '/saved-views?object=contact');
    assert.deepEqual(views.data.find((v) => v.name === '嵌套条件')?.filter, {
      or: [{ title: { contains: '采购' } }, { and: [{ name: { contains: 'Smith' } }, { title: { contains: 'CTO' } }] }],
    });
    await page.reload();
    await page.getByTestId('saved-views-select').click();
    await page.locator('.ant-select-item-option', { hasText: '嵌套条件' }).click();
    await page.getByTestId('record-table').getByText('John Smith').waitFor();
    await page.getByTestId('record-table').getByText('Anna Smith').waitFor({ state: 'detached' });
    await page.getByTestId('filter-button').click();
    assert.equal(await page.getByTestId('filter-group').count(), 1);
    assert.equal(await page.getByTestId('filter-row').count(), 3);
    await page.keyboard.press('Escape');
  });

  test('switches to English and back to Chinese', async () => {
    await page.goto('/contacts');
    await switchLanguage(page, 'English');
    await page.getByText('Contacts').first().waitFor();
    assert.match(await text(page), /Dashboard/);
    await page.getByTestId('record-table').getByText('Anna Smith').waitFor();
    await shot(page, '08-contacts-english');
    await switchLanguage(page, '简体中文');
    await page.getByText('工作台').first().waitFor();
  });

  test('a sales rep with scope "own" does not see another user\'s contact', async () => {
    const roles = await api.call<{ data: { id: string; name: string }[] }>('GET', '/roles');
    const rep = roles.data.find((r) => r.name === 'Sales Rep');
    assert.ok(rep, 'Sales Rep role exists');
    await api.call('POST', '/users', { email: 'rep@kehu.test', name: '李娜', password: 'Rep-pass-12345', roleIds: [rep.id] });
    const repApi = await Api.login(server.url, 'rep@kehu.test', 'Rep-pass-12345');
    await repApi.call('POST', '/contacts', { familyName: '王', givenName: '芳', name: '王芳' });
    const repCtx = await newContext(browser, server.url);
    const repPage = await repCtx.newPage();
    await login(repPage, 'rep@kehu.test', 'Rep-pass-12345');
    await repPage.goto('/contacts');
    await repPage.getByText('王芳').first().waitFor();
    const body = await text(repPage);
    assert.doesNotMatch(body, /张伟/);
    assert.doesNotMatch(body, /John Smith/);
    await shot(repPage, '09-sales-rep-contacts');
    await repCtx.close();
  });

  test('a 390 px phone renders the list and the detail page', async () => {
    const phone = await newContext(browser, server.url, { viewport: PHONE });
    const p = await phone.newPage();
    await login(p, ADMIN.email, ADMIN.password);
    await p.goto('/contacts');
    await p.getByTestId('record-cards').getByText('张伟').waitFor();
    await shot(p, '10-phone-contacts');
    await p.getByTestId('record-cards').getByText('张伟').click();
    await p.getByTestId('record-header').waitFor();
    const overflow = await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 1, `page scrolls sideways by ${overflow}px`);
    await shot(p, '11-phone-contact-360');
    await phone.close();
  });

  test('recycle bin restores a deleted contact', async () => {
    await page.goto(state.contactUrl ?? '/');
    await page.locator('[data-testid=record-header] .ant-btn-dangerous').click();
    await page.locator('.ant-modal-confirm .ant-btn-dangerous').click();
    await page.waitForURL(/\/contacts$/);
    await page.goto('/recycle-bin');
    await page.getByText('张伟').waitFor();
    await shot(page, '12-recycle-bin');
    await page.locator('tr', { hasText: '张伟' }).getByRole('button').click();
    await page.getByText('张伟').waitFor({ state: 'detached' });
    await page.goto(state.contactUrl ?? '/');
    await page.getByTestId('record-header').waitFor();
  });
});
