import assert from 'node:assert/strict';
import { after, afterEach, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { Api } from './support/api';
import { DESKTOP, launch, newContext, PHONE, shot, keepFailure } from './support/browser';
import { login } from './support/login';
import { ADMIN, type RunningServer, startServer } from './support/server';

let server: RunningServer;
let browser: Browser;
let ctx: BrowserContext;
let page: Page;
let api: Api;
const state: { firstId?: string; secondId?: string; activityId?: string } = {};

type Contact = { id: string; name: string; title: string | null; emails: { address: string }[] };

describe('duplicates: detect, merge and undo in a real browser', { concurrency: false }, () => {
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

  test('two near-duplicate contacts: 张伟 typed in the form, 张 伟 from another source with the same phone', async () => {
    await page.goto('/contacts/new');
    await page.locator('#familyName').fill('张');
    await page.locator('#givenName').fill('伟');
    await page.locator('#title').fill('经理');
    await page.locator('[data-field=phones] input').nth(1).fill('13800138000');
    await page.getByTestId('record-form-submit').click();
    await page.waitForURL(/\/contacts\/[0-9a-f-]{36}$/);
    state.firstId = page.url().split('/').pop();
    const second = await api.call<Contact>('POST', '/contacts', {
      name: '张 伟',
      title: '采购经理',
      phones: [{ number: '138 0013 8000' }],
      emails: [{ address: 'zhangwei@example.com' }],
      source: 'import',
    });
    state.secondId = second.id;
    state.activityId = (await api.call<{ id: string }>('POST', '/activities', { type: 'note', subject: '展会上交换名片', contactId: second.id })).id;
    // Someone unrelated, to show the detector does not suggest everyone.
    await api.call('POST', '/contacts', { name: '李娜', phones: [{ number: '13900139000' }] });
  });

  test('runs detection from the Duplicates screen and sees the pair', async () => {
    await page.goto('/');
    await page.locator('[data-testid=main-nav]').getByText('查重合并').click();
    await page.waitForURL(/\/duplicates/);
    await page.getByRole('button', { name: /查找重复/ }).click();
    const cluster = page.getByTestId('dedup-cluster').filter({ hasText: '张 伟' });
    await cluster.waitFor({ timeout: 60_000 });
    await page
      .getByTestId('dedup-run')
      .filter({ hasText: /上次查重/ })
      .waitFor({ timeout: 60_000 });
    const body = (await page.locator('body').textContent()) ?? '';
    assert.match(body, /共 1 组疑似重复/);
    assert.doesNotMatch((await cluster.textContent()) ?? '', /李娜/);
    await shot(page, 'dedup-01-queue');
  });

  test('compares side by side, keeps the typed record, takes the other title, merges', async () => {
    await page
      .getByTestId('dedup-cluster')
      .filter({ hasText: '张 伟' })
      .getByRole('button', { name: /对比并合并/ })
      .click();
    const dialog = page.locator('.ant-modal');
    await dialog.getByTestId('dedup-compare').waitFor();
    // Records come in cluster order; find the column of the record typed in the form and keep it.
    const columns = await dialog.locator('thead th').allTextContents();
    assert.ok(columns.filter((c) => /保留此记录/.test(c)).length === 2);
    const typedIndex = (await dialog.locator('tbody tr', { hasText: '姓名' }).locator('td').nth(1).textContent())?.includes('张 伟') ? 1 : 0;
    const otherIndex = 1 - typedIndex;
    await dialog.locator('thead').getByTestId(`dedup-keep-${typedIndex}`).click();
    await dialog.getByTestId(`dedup-pick-title-${otherIndex}`).click();
    await dialog.getByTestId(`dedup-pick-name-${typedIndex}`).click();
    await shot(page, 'dedup-02-compare');
    await dialog.locator('.ant-modal-footer .ant-btn-primary').click();
    await page.locator('.ant-message-success').waitFor();
    await dialog.waitFor({ state: 'hidden' });
    const kept = await api.call<Contact>('GET', `/contacts/${state.firstId}`);
    assert.equal(kept.name, '张伟');
    assert.equal(kept.title, '采购经理');
    assert.deepEqual(
      kept.emails.map((e) => e.address),
      ['zhangwei@example.com'],
    );
    await assert.rejects(api.call('GET', `/contacts/${state.secondId}`), /404/);
    const activity = await api.call<{ contactId: string }>('GET', `/activities/${state.activityId}`);
    assert.equal(activity.contactId, state.firstId);
    await page.getByTestId('dedup-cluster').filter({ hasText: '张 伟' }).waitFor({ state: 'detached' });
  });

  test('merge history shows the merge; undo restores the merged-away record and its activity', async () => {
    await page.getByRole('tab', { name: '合并记录' }).click();
    const history = page.getByTestId('dedup-history');
    await history.getByText('张 伟').waitFor();
    await shot(page, 'dedup-03-history');
    await history.getByRole('button', { name: /撤销合并/ }).click();
    await page.locator('.ant-popconfirm .ant-btn-primary').click();
    await page.locator('.ant-message-success').filter({ hasText: '已撤销合并' }).waitFor();
    await history.getByText(/已于 .* 撤销/).waitFor();
    const back = await api.call<Contact>('GET', `/contacts/${state.secondId}`);
    assert.equal(back.name, '张 伟');
    assert.equal(back.title, '采购经理');
    const kept = await api.call<Contact>('GET', `/contacts/${state.firstId}`);
    assert.equal(kept.title, '经理');
    assert.deepEqual(kept.emails, []);
    const activity = await api.call<{ contactId: string }>('GET', `/activities/${state.activityId}`);
    assert.equal(activity.contactId, state.secondId);
    await shot(page, 'dedup-04-undone');
  });

  test('usable on a phone', async () => {
    const phone = await newContext(browser, server.url, { viewport: PHONE, locale: 'zh-CN' });
    const p = await phone.newPage();
    await login(p, ADMIN.email, ADMIN.password);
    await p.goto('/duplicates?tab=history');
    await p.getByTestId('dedup-history').waitFor();
    await shot(p, 'dedup-05-phone');
    await phone.close();
  });
});
