import assert from 'node:assert/strict';
import { after, afterEach, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { Api } from './support/api';
import { DESKTOP, keepFailure, launch, newContext, shot, switchLanguage } from './support/browser';
import { login } from './support/login';
import { ADMIN, type RunningServer, startServer } from './support/server';

let server: RunningServer;
let browser: Browser;
let ctx: BrowserContext;
let page: Page;

process.env.KEHU_WEBHOOK_ALLOW_PRIVATE = '1'; // the webhook's URL is a local address, never called here

const OWNER = { email: 'owner.attention@example.test', password: 'Attention-Pass-2026!' };

/**
 * A rule and a webhook saved while their owner read phones, then the owner's role loses phones:
 * both are marked as needing attention in Settings, with the field, in both languages.
 */
describe('Settings: automation whose owner lost a field', { concurrency: false }, () => {
  before(async () => {
    server = await startServer();
    browser = await launch();
    ctx = await newContext(browser, server.url, { viewport: DESKTOP, locale: 'zh-CN' });
    page = await ctx.newPage();
    const api = await Api.login(server.url);
    const roles = (await api.call<{ data: { id: string; name: string }[] }>('GET', '/roles?limit=50')).data;
    const adminRole = roles.find((r) => r.name === 'Administrator')?.id as string;
    const desk = await api.call<{ id: string }>('POST', '/roles', {
      name: '自动化专员',
      permissions: { contact: { read: 'all', update: 'all' }, automation: { read: 'own', create: 'own', update: 'own', delete: 'own' } },
      fieldPermissions: { contact: { phones: { read: true, edit: true } } },
    });
    const owner = await api.call<{ id: string }>('POST', '/users', { ...OWNER, name: '周自动', roleIds: [adminRole] });
    const as = await Api.login(server.url, OWNER.email, OWNER.password);
    await as.call('POST', '/webhooks', {
      name: '138 客户推送',
      url: 'http://127.0.0.1:9/in',
      events: ['contact.updated'],
      filter: { phone: { contains: '138' } },
    });
    await api.call('PATCH', `/users/${owner.id}`, { roleIds: [desk.id] });
    const asDesk = await Api.login(server.url, OWNER.email, OWNER.password);
    await asDesk.call('POST', '/workflow-rules', {
      name: '138 客户提醒',
      object: 'contact',
      trigger: { type: 'updated' },
      conditions: { phone: { contains: '138' } },
      actions: [{ type: 'add_tags', field: 'tags', tags: ['138'] }],
    });
    await api.call('PATCH', `/roles/${desk.id}`, { fieldPermissions: { contact: { phones: { read: false, edit: false } } } });
    await login(page, ADMIN.email, ADMIN.password);
  });
  afterEach(keepFailure(() => page));
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('the rule list and editor say the rule needs attention and why', async () => {
    await page.goto('/settings/workflow-rules');
    const row = page.getByTestId('rules-table').locator('tr', { hasText: '138 客户提醒' });
    await row.getByTestId('rule-attention').waitFor();
    assert.equal((await row.getByTestId('rule-attention').innerText()).trim(), '需要处理');
    await row.getByTestId('rule-attention').hover();
    await page.locator('.ant-tooltip', { hasText: 'phone' }).waitFor();
    await shot(page, 'automation-attention-rules');
    await row.getByTestId('rule-edit').click();
    const alert = page.getByTestId('rule-attention-alert');
    await alert.waitFor();
    assert.match(await alert.innerText(), /无权查看 phone/);
    await page.keyboard.press('Escape');
  });

  test('the webhook list says so too, in English as well', async () => {
    await page.goto('/settings/webhooks');
    const tag = page.locator('tr', { hasText: '138 客户推送' }).getByTestId('webhook-attention');
    await tag.waitFor();
    assert.equal((await tag.innerText()).trim(), '需要处理');
    await switchLanguage(page, 'English');
    await page.goto('/settings/webhooks');
    await page.locator('tr', { hasText: '138 客户推送' }).getByTestId('webhook-attention').waitFor();
    assert.equal((await page.locator('tr', { hasText: '138 客户推送' }).getByTestId('webhook-attention').innerText()).trim(), 'Needs attention');
    await shot(page, 'automation-attention-webhooks-en');
  });
});
