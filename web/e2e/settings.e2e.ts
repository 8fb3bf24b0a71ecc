import assert from 'node:assert/strict';
import { after, afterEach, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { Api } from './support/api';
import { choose } from './support/antd';
import { DESKTOP, launch, newContext, PHONE, shot, switchLanguage, keepFailure } from './support/browser';
import { login } from './support/login';
import { ADMIN, type RunningServer, startServer } from './support/server';

type Tenant = { name: string; locale: string; timezone: string; currency: string; phoneRegion: string; version: number };
type Me = { user: { locale: string | null; timezone: string | null; tenantTimezone: string } };

let server: RunningServer;
let browser: Browser;
let ctx: BrowserContext;
let page: Page;
let api: Api;

const selected = async (p: Page, testId: string) =>
  (await p.getByTestId(testId).locator('.ant-select-content, .ant-select-selection-item').first().textContent()) ?? '';

describe('Settings > General and personal preferences', { concurrency: false }, () => {
  before(async () => {
    server = await startServer();
    browser = await launch();
    ctx = await newContext(browser, server.url, { viewport: DESKTOP, locale: 'zh-CN' });
    page = await ctx.newPage();
    api = await Api.login(server.url);
    await login(page, ADMIN.email, ADMIN.password);
  });
  afterEach(keepFailure(() => page));
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('tenant language, time zone, currency and phone region defaults persist across a reload and through the API', async () => {
    const before = await api.call<Tenant>('GET', '/tenant');
    assert.deepEqual([before.locale, before.timezone, before.currency], ['zh-CN', 'Asia/Shanghai', 'CNY']);
    await page.goto('/settings/general');
    await page.getByTestId('tenant-save').waitFor();
    await shot(page, '20-settings-general');
    await page.getByTestId('tenant-name').fill('星辰贸易');
    await choose(page, page.getByTestId('tenant-locale'), 'English');
    await choose(page, page.getByTestId('tenant-timezone'), 'America/New_York', { search: 'New_York' });
    await choose(page, page.getByTestId('tenant-currency'), /^USD/, { search: 'USD' });
    await choose(page, page.getByTestId('tenant-phone-region'), /^SG/, { search: '新加坡' });
    await page.getByTestId('tenant-save').click();
    await page.locator('.ant-message-success').waitFor();

    await page.reload();
    await page.getByTestId('tenant-save').waitFor();
    assert.match(await selected(page, 'tenant-locale'), /English/);
    assert.match(await selected(page, 'tenant-timezone'), /America\/New_York/);
    assert.match(await selected(page, 'tenant-currency'), /^USD/);
    assert.match(await selected(page, 'tenant-phone-region'), /^SG · /);
    assert.equal(await page.getByTestId('tenant-name').inputValue(), '星辰贸易');
    await shot(page, '21-settings-general-saved');

    const after = await api.call<Tenant>('GET', '/tenant');
    assert.deepEqual([after.name, after.locale, after.timezone, after.currency, after.phoneRegion], ['星辰贸易', 'en', 'America/New_York', 'USD', 'SG']);
    assert.equal(after.version, before.version + 1);
    // The admin has no zone of their own, so the UI now follows the tenant's.
    const me = await api.call<Me>('GET', '/auth/me');
    assert.equal(me.user.tenantTimezone, 'America/New_York');
    await page.getByTestId('user-menu').click();
    await page.getByTestId('open-preferences').filter({ hasText: 'America/New_York' }).waitFor();
    await page.keyboard.press('Escape');
  });

  test('the audit log records the change to the defaults', async () => {
    await page.goto('/settings/audit-log');
    await page
      .locator('tr', { hasText: /Company settings|公司设置/ })
      .first()
      .waitFor();
    await shot(page, '22-settings-audit-log');
  });

  test('a user picks their own time zone, which wins over the tenant’s, and times follow it', async () => {
    const created = await api.call<{ id: string }>('POST', '/companies', { name: 'Zone Test Ltd' });
    // 16:30 UTC is 00:30 the next day in Shanghai and 11:30 in New York (winter).
    const activity = await api.call<{ id: string }>('POST', '/activities', {
      type: 'task',
      subject: 'Zone check',
      companyId: created.id,
      dueAt: '2026-01-15T16:30:00.000Z',
    });
    assert.ok(activity.id);
    await page.goto(`/companies/${created.id}`);
    await page
      .getByTestId('timeline-activity')
      .filter({ hasText: 'Zone check' })
      .filter({ hasText: /01.15.2026.*11:30|2026\/01\/15 11:30/ })
      .waitFor();

    await page.getByTestId('user-menu').click();
    await page.getByTestId('open-preferences').click();
    await choose(page, page.getByTestId('preferences-timezone'), 'Asia/Shanghai', { search: 'Shanghai' });
    await shot(page, '23-preferences');
    await page.getByTestId('preferences-save').click();
    await page.locator('.ant-modal').waitFor({ state: 'hidden' });
    await page
      .getByTestId('timeline-activity')
      .filter({ hasText: 'Zone check' })
      .filter({ hasText: /2026\/01\/16 00:30|01.16.2026.*00:30/ })
      .waitFor();
    const me = await api.call<Me>('GET', '/auth/me');
    assert.equal(me.user.timezone, 'Asia/Shanghai');

    // Back to the company default: the tenant's zone applies again.
    await api.call('PATCH', '/users/me', { timezone: null });
    await page.reload();
    await page.getByTestId('timeline-activity').filter({ hasText: 'Zone check' }).filter({ hasText: /11:30/ }).waitFor();
  });

  test('the language switch is saved on the user', async () => {
    await page.goto('/');
    await switchLanguage(page, '简体中文');
    await page.getByText('工作台').first().waitFor();
    let me = await api.call<Me>('GET', '/auth/me');
    assert.equal(me.user.locale, 'zh-CN');
    await switchLanguage(page, 'English');
    await page.getByText('Dashboard').first().waitFor();
    me = await api.call<Me>('GET', '/auth/me');
    assert.equal(me.user.locale, 'en');
    // A fresh browser with no choice of its own opens in the user's saved language.
    const fresh = await newContext(browser, server.url, { viewport: PHONE, locale: 'zh-CN' });
    const p = await fresh.newPage();
    await login(p, ADMIN.email, ADMIN.password);
    await p.waitForFunction(() => document.documentElement.lang === 'en');
    await p.getByTestId('global-search-trigger').waitFor();
    await shot(p, '24-phone-dashboard-en');
    await p.goto('/settings/general');
    await p.getByTestId('tenant-save').waitFor();
    const overflow = await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 1, `settings scroll sideways by ${overflow}px`);
    await shot(p, '25-phone-settings-general');
    await fresh.close();
  });

  test('users: create with a role, deactivate (sign-in refused), reactivate, reset the password', async () => {
    await page.goto('/settings/users');
    await page.getByTestId('add-user').click();
    const dialog = page.locator('.ant-modal:visible');
    await dialog.locator('#name').fill('赵敏');
    await dialog.locator('#email').fill('zhaomin@kehu.test');
    await dialog.locator('#password').fill('Zhao-pass-1234');
    await dialog.locator('.ant-modal-footer .ant-btn-primary').click();
    const row = page.locator('tr', { hasText: 'zhaomin@kehu.test' });
    await row.waitFor();
    assert.match((await row.textContent()) ?? '', /Sales Rep/);
    await Api.login(server.url, 'zhaomin@kehu.test', 'Zhao-pass-1234');

    await row.getByRole('button', { name: 'Deactivate' }).click();
    await page.locator('.ant-modal-confirm .ant-btn-dangerous').click();
    await row.filter({ hasText: 'Deactivated' }).waitFor();
    await shot(page, '26-settings-users');
    await assert.rejects(Api.login(server.url, 'zhaomin@kehu.test', 'Zhao-pass-1234'), /401|403|423/);
    await row.getByRole('button', { name: 'Activate' }).click();
    await row.filter({ hasText: 'Active' }).waitFor();

    await row.getByRole('button', { name: 'Reset password' }).click();
    await page.locator('.ant-modal:visible #password').fill('Zhao-new-pass-99');
    await page.locator('.ant-modal:visible .ant-modal-footer .ant-btn-primary').click();
    // The dialog closes once the server has the new password (a success toast may be an earlier one).
    await page.locator('.ant-modal:visible #password').waitFor({ state: 'detached' });
    await page.locator('.ant-message-success').first().waitFor();
    await assert.rejects(Api.login(server.url, 'zhaomin@kehu.test', 'Zhao-pass-1234'), /401/);
    await Api.login(server.url, 'zhaomin@kehu.test', 'Zhao-new-pass-99');
  });

  test('API tokens: the secret is shown once, works as a bearer token, and stops working when revoked', async () => {
    await page.goto('/settings/api-tokens');
    await page.getByRole('button', { name: 'Create token' }).click();
    await page.locator('.ant-modal:visible #name').fill('ERP sync');
    await page.locator('.ant-modal:visible .ant-modal-footer .ant-btn-primary').click();
    const token = ((await page.getByTestId('new-token').textContent()) ?? '').trim();
    assert.ok(token.length > 20, 'the new token is shown');
    await shot(page, '27-settings-token-once');
    const bearer = (t: string) => fetch(`${server.url}/api/v1/auth/me`, { headers: { authorization: `Bearer ${t}` } });
    assert.equal((await bearer(token)).status, 200);
    await page.getByRole('button', { name: 'I have saved it' }).click();
    await page.getByTestId('new-token').waitFor({ state: 'hidden' });
    const row = page.locator('tr', { hasText: 'ERP sync' });
    await row.waitFor();
    assert.doesNotMatch((await page.locator('body').textContent()) ?? '', new RegExp(token));
    await row.getByRole('button', { name: 'Revoke' }).click();
    await page.locator('.ant-modal-confirm .ant-btn-dangerous').click();
    await row.filter({ hasText: 'Revoked' }).waitFor();
    assert.equal((await bearer(token)).status, 401);
  });

  test('the audit log filters by object type', async () => {
    await page.goto('/settings/audit-log');
    await page.locator('.ant-table-row').first().waitFor();
    await choose(page, page.getByTestId('audit-object'), 'API token', { search: 'API' });
    await page.locator('.ant-table-row', { hasText: 'Revoked' }).first().waitFor();
    const rows = await page.locator('.ant-table-row').allTextContents();
    assert.ok(rows.length >= 2 && rows.every((r) => /API token/.test(r)), `only token entries remain: ${rows.join(' | ')}`);
    await shot(page, '28-settings-audit-filtered');
  });

  test('the roles editor lists every object of the registry; a Sales Rep gets team scope on leads; admins read as full access', async () => {
    type RoleRow = { id: string; name: string; permissions: Record<string, Record<string, string>> };
    const matrix = page.getByTestId('permission-matrix');
    const role = (name: string) => page.locator('.ant-list-item', { hasText: name }).first();
    await page.goto('/settings/roles');
    await matrix.waitFor();
    // The list opens on the Administrator role: full access, said in words and in every cell.
    await role('Administrator').click();
    await page.getByTestId('role-admin-notice').filter({ hasText: 'Administrators have full access to everything' }).waitFor();
    for (const object of ['company', 'lead', 'deal', 'pool']) await matrix.locator(`tr[data-row-key="${object}"]`).waitFor();
    const adminCells = await matrix.locator('tbody').textContent();
    assert.doesNotMatch(adminCells ?? '', /\bNone\b/);
    assert.match(adminCells ?? '', /All/);
    await shot(page, '29-settings-roles-admin-en');

    await role('Sales Rep').click();
    await page.getByTestId('role-admin-notice').waitFor({ state: 'detached' });
    await choose(page, page.getByTestId('perm-lead-read'), 'Team', { exact: true });
    await page.getByTestId('role-editor').getByRole('button', { name: 'Save' }).click();
    await page.locator('.ant-message-success').first().waitFor();
    const roles = await api.call<{ data: RoleRow[] }>('GET', '/roles');
    const rep = roles.data.find((r) => r.name === 'Sales Rep');
    assert.equal(rep?.permissions.lead?.read, 'team');
    // The other grants of the role are kept as they were.
    assert.equal(rep?.permissions.lead?.create, 'own');
    assert.equal(rep?.permissions.user?.read, 'all');

    await page.reload();
    await role('Sales Rep').click();
    await page.getByTestId('perm-lead-read').filter({ hasText: 'Team' }).waitFor();
    await matrix.locator('tr[data-row-key="pool"]').waitFor();
    await shot(page, '30-settings-roles-sales-rep-en');

    await switchLanguage(page, '简体中文');
    // Built-in roles show their names in the user's language (#22).
    await role('销售代表').click();
    await page.getByTestId('perm-lead-read').filter({ hasText: '本团队' }).waitFor();
    await matrix.locator('tr[data-row-key="lead"]').filter({ hasText: '线索' }).waitFor();
    await shot(page, '31-settings-roles-sales-rep-zh');
    await role('管理员').click();
    await page.getByTestId('role-admin-notice').filter({ hasText: '管理员拥有全部权限' }).waitFor();
    assert.doesNotMatch((await matrix.locator('tbody').textContent()) ?? '', /无/);
    await shot(page, '32-settings-roles-admin-zh');
  });

  test('a lookup field: defined in settings with a target object, picked on a record, shown as a link, used in a filter', async () => {
    type Field = { key: string; type: string; target: string | null };
    const target = await api.call<{ id: string }>('POST', '/companies', { name: '远洋贸易集团' });
    await api.call('POST', '/companies', { name: '远山物流' });
    await page.goto('/settings/custom-fields?object=contact');
    if (!(await page.getByTestId('language-switch').textContent())?.includes('简体中文')) await switchLanguage(page, '简体中文');
    await page.getByTestId('custom-field-object').filter({ hasText: '联系人' }).waitFor();
    await page.getByTestId('add-custom-field').click();
    const dialog = page.locator('.ant-modal:visible');
    await dialog.locator('#key').fill('account');
    await dialog.locator('#label_zh').fill('上级客户');
    await dialog.locator('#label_en').fill('Parent account');
    await choose(page, page.getByTestId('custom-field-type'), '关联', { search: '关联' });
    // The target object is required for a lookup.
    await dialog.locator('.ant-modal-footer .ant-btn-primary').click();
    await dialog.getByText('请选择该字段关联的对象').waitFor();
    // The registry's Chinese label of companies.
    await choose(page, page.getByTestId('custom-field-target'), '客户', { exact: true });
    await shot(page, '33-custom-field-lookup');
    await dialog.locator('.ant-modal-footer .ant-btn-primary').click();
    await page.locator('.ant-modal').waitFor({ state: 'hidden' });
    await page
      .locator('tr', { hasText: '上级客户' })
      .filter({ hasText: /关联 → (公司|客户)/ })
      .waitFor();
    const fields = await api.call<{ data: Field[] }>('GET', '/custom-fields');
    assert.deepEqual(
      fields.data.filter((f) => f.key === 'account').map((f) => [f.type, f.target]),
      [['lookup', 'company']],
    );

    // Picked on a contact by searching the target's records.
    const contact = await api.call<{ id: string }>('POST', '/contacts', { familyName: '周', givenName: '洋', name: '周洋' });
    await page.goto(`/contacts/${contact.id}`);
    await page.getByTestId('inline-custom.account').click();
    await choose(page, page.getByTestId('inline-editor-custom.account').getByTestId('lookup-select'), '远洋贸易集团', { search: '远洋' });
    await page.getByTestId('inline-save').click();
    const link = page.getByTestId('inline-custom.account').getByTestId('lookup-link');
    await link.filter({ hasText: '远洋贸易集团' }).waitFor();
    assert.equal(await link.getAttribute('href'), `/companies/${target.id}`);
    const saved = await api.call<{ custom: Record<string, unknown> }>('GET', `/contacts/${contact.id}`);
    assert.equal(saved.custom.account, target.id);
    await shot(page, '34-contact-lookup-value');

    // The list filters on it with the same picker.
    await api.call('POST', '/contacts', { familyName: '吴', givenName: '山', name: '吴山' });
    await page.goto('/contacts');
    await page.getByTestId('record-table').getByText('吴山').waitFor();
    await page.getByTestId('filter-button').click();
    await page.getByTestId('filter-add').click();
    await choose(page, page.getByTestId('filter-field'), '上级客户', { search: '上级' });
    await page.getByTestId('filter-op').filter({ hasText: '等于' }).waitFor();
    await choose(page, page.locator('[data-testid=filter-row] [data-testid=lookup-select]'), '远洋贸易集团', { search: '远洋' });
    await shot(page, '35-contacts-lookup-filter');
    await page.getByTestId('filter-apply').click();
    await page.getByTestId('record-table').getByText('吴山').waitFor({ state: 'detached' });
    await page.getByTestId('record-table').getByText('周洋').waitFor();
    // As a list column, the lookup reads as the linked name.
    await page.getByTestId('column-chooser-button').click();
    await page.getByTestId('column-chooser').getByText('上级客户').click();
    await page.keyboard.press('Escape');
    const cell = page.getByTestId('record-table').getByTestId('lookup-link').filter({ hasText: '远洋贸易集团' }).first();
    await cell.waitFor();
    // Scroll the table sideways as a user would, so its header follows.
    await page.getByTestId('record-table').getByText('周洋').hover();
    await page.mouse.wheel(2000, 0);
    assert.equal(await cell.getAttribute('href'), `/companies/${target.id}`);
    await shot(page, '36-contacts-lookup-column');
  });
  test('numbering: an admin sees each numbered object with its next number, a bad pattern is refused in Chinese, a new one numbers the next quote', async () => {
    if (!(await page.getByTestId('language-switch').textContent())?.includes('简体中文')) await switchLanguage(page, '简体中文');
    await page.goto('/settings/numbering');
    await page.getByTestId('settings-menu').getByText('编号规则').waitFor();
    const next = page.getByTestId('numbering-next-quote');
    await next.waitFor();
    assert.match(await next.innerText(), /^QT-\d{4}-0001$/);
    assert.match(await page.getByTestId('numbering-next-ticket').innerText(), /^TK-\d{4}-000001$/);
    await page.getByTestId('numbering-pattern-quote').fill('BJ-{yyyy}');
    await page.getByTestId('numbering-save-quote').click();
    await page.getByTestId('numbering-error-quote').filter({ hasText: '编号规则需要一个流水号' }).waitFor();
    await shot(page, '37-numbering-refused');
    assert.match(await next.innerText(), /^QT-/); // nothing was saved
    await page.getByTestId('numbering-pattern-quote').fill('BJ{yy}{mm}-{000}');
    await page.getByTestId('numbering-save-quote').click();
    await next.filter({ hasText: /^BJ\d{4}-001$/ }).waitFor();
    await shot(page, '38-numbering-saved');
    // The next quote takes that number.
    const customer = await api.call<{ id: string }>('POST', '/companies', { name: '编号测试公司' });
    const quote = await api.call<{ number: string }>('POST', '/quotes', { name: '编号测试报价', companyId: customer.id });
    assert.match(quote.number, /^BJ\d{4}-001$/);
    await page.reload();
    await next.filter({ hasText: /^BJ\d{4}-002$/ }).waitFor();
    await switchLanguage(page, 'English');
    await page.getByTestId('settings-menu').getByText('Numbering').waitFor();
    await page.getByText('Next number').waitFor();
    await shot(page, '39-numbering-en');
  });
});
