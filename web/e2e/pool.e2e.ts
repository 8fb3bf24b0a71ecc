import assert from 'node:assert/strict';
import { after, afterEach, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { Api } from './support/api';
import { DESKTOP, keepFailure, launch, newContext, PHONE, shot } from './support/browser';
import { login } from './support/login';
import { ADMIN, type RunningServer, startServer } from './support/server';

// The recycling job is run through its admin endpoint "as of" a later date, which the server
// accepts only with KEHU_TEST_CLOCK=1: the rules count days, and a test cannot wait for them.
process.env.KEHU_TEST_CLOCK = '1';

const DAY = 86_400_000;
const PASSWORD = 'Pool-e2e-pass-1';
const REP_A = { email: 'rep.a@kehu.test', name: '李娜' };
const REP_B = { email: 'rep.b@kehu.test', name: '王强' };

let server: RunningServer;
let browser: Browser;
let admin: Api;
let repA: Api;
const state: { companyId?: string; poolId?: string } = {};
/** The page opened last, for keepFailure. */
let current: Page | undefined;

const text = async (p: Page) => (await p.locator('body').textContent()) ?? '';

async function asUser(user: { email: string; password?: string }, viewport = DESKTOP): Promise<{ ctx: BrowserContext; page: Page }> {
  const ctx = await newContext(browser, server.url, { viewport, locale: 'zh-CN' });
  const page = await ctx.newPage();
  current = page;
  await login(page, user.email, user.password ?? PASSWORD);
  return { ctx, page };
}

describe('public pool (公海) in a real browser', { concurrency: false }, () => {
  before(async () => {
    server = await startServer();
    browser = await launch();
    admin = await Api.login(server.url);
    const roles = await admin.call<{ data: { id: string; name: string }[] }>('GET', '/roles');
    const rep = roles.data.find((r) => r.name === 'Sales Rep')?.id;
    for (const u of [REP_A, REP_B]) await admin.call('POST', '/users', { ...u, password: PASSWORD, roleIds: [rep] });
    repA = await Api.login(server.url, REP_A.email, PASSWORD);
    const company = await repA.call<{ id: string }>('POST', '/companies', { name: '苏州远航物流有限公司', industry: '物流', address: { city: '苏州' } });
    state.companyId = company.id;
    await repA.call('POST', '/contacts', {
      name: '陈晓东',
      title: '采购总监',
      companyId: company.id,
      phones: [{ number: '13912345678' }],
      emails: [{ address: 'chen.xd@yuanhang.example' }],
    });
  });
  afterEach(keepFailure(() => current));
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('the admin sets up a pool: 30 days without follow-up, reminder 5 days before, limits', async () => {
    const { ctx, page } = await asUser(ADMIN);
    await page.goto('/pool');
    await page.getByRole('link', { name: /公海设置/ }).click();
    await page.getByTestId('pool-create').click();
    await page.locator('#name').fill('华东公海');
    await page.locator('#followupDays').fill('30');
    await page.locator('#remindDays').fill('5');
    await page.locator('#maxClaimsPerDay').fill('5');
    await page.locator('#reclaimCooldownDays').fill('7');
    await shot(page, 'pool-01-settings-form');
    await page.locator('.ant-modal-footer .ant-btn-primary').click();
    await page.locator('.ant-modal').waitFor({ state: 'hidden' });
    await page.getByTestId('pool-settings-item').waitFor();
    assert.match(await text(page), /30 天未跟进 · 提前 5 天提醒/);
    await shot(page, 'pool-02-settings');
    const pools = await admin.call<{ data: { id: string; name: string }[] }>('GET', '/pools');
    state.poolId = pools.data.find((p) => p.name === '华东公海')?.id;
    assert.ok(state.poolId);
    await ctx.close();
  });

  test('the rep is warned: the customer is on the "about to be recycled" list with a task', async () => {
    // 26 days on, the customer is 4 days from recycling: inside the 5-day warning.
    const run = await admin.call<{ recycled: number; reminded: number }>('POST', '/pools/recycle-runs', {
      asOf: new Date(Date.now() + 26 * DAY).toISOString(),
    });
    assert.deepEqual(run.recycled, 0);
    assert.equal(run.reminded, 1);
    const { ctx, page } = await asUser(REP_A);
    await page.goto('/pool?tab=expiring');
    await page.locator('.ant-select', { hasText: '14 天内' }).click();
    await page.locator('.ant-select-item-option', { hasText: '30 天内' }).click();
    await page.getByTestId('expiring-customer').filter({ hasText: '苏州远航物流有限公司' }).waitFor();
    assert.match(await text(page), /未按时跟进/);
    await shot(page, 'pool-03-about-to-be-recycled');
    const tasks = await repA.call<{ data: { subject: string }[] }>('GET', `/activities?filter=${encodeURIComponent(JSON.stringify({ type: { eq: 'task' } }))}`);
    assert.ok(tasks.data.some((a) => /苏州远航物流有限公司/.test(a.subject)));
    await ctx.close();
  });

  test('without follow-up it falls into the pool when the job runs; another rep claims it', async () => {
    const run = await admin.call<{ recycled: number }>('POST', '/pools/recycle-runs', { asOf: new Date(Date.now() + 31 * DAY).toISOString() });
    assert.equal(run.recycled, 1);
    const { ctx, page } = await asUser(REP_B);
    await page.goto('/pool');
    const card = page.getByTestId('pool-customer').filter({ hasText: '苏州远航物流有限公司' });
    await card.waitFor();
    const shown = (await card.textContent()) ?? '';
    assert.match(shown, /139\*\*\*\*5678/);
    assert.match(shown, /c\*+@yuanhang\.example/);
    assert.doesNotMatch(shown, /13912345678/);
    assert.match(shown, /原负责人 李娜/);
    assert.match((await page.getByTestId('pool-limits').textContent()) ?? '', /今日已领取 0 \/ 5/);
    await shot(page, 'pool-04-pool-masked');
    await card.getByTestId('pool-claim').click();
    await page.locator('.ant-message-success').waitFor();
    await page.getByTestId('pool-limits').filter({ hasText: '今日已领取 1 / 5' }).waitFor();
    await shot(page, 'pool-05-claimed');
    // Now it is theirs: the detail page opens, with the pool moves on the timeline.
    await page.goto(`/companies/${state.companyId}`);
    await page.getByTestId('record-header').waitFor();
    await page.getByText('从公海领取了该客户').waitFor();
    assert.match(await text(page), /已收回公海/);
    await shot(page, 'pool-06-timeline');
    await ctx.close();
  });

  test('the previous owner no longer sees it, and the pool reads well on a phone', async () => {
    const gone = await fetch(`${server.url}/api/v1/companies/${state.companyId}`, { headers: { cookie: await cookieOf(REP_A.email) } });
    assert.equal(gone.status, 404);
    const company = await repA.call<{ id: string }>('POST', '/companies', { name: '杭州云栖数据', address: { city: '杭州' } });
    await repA.call('POST', `/companies/${company.id}/return-to-pool`, { reason: '客户暂无预算' });
    const { ctx, page } = await asUser(REP_B, PHONE);
    await page.goto('/pool');
    await page.getByTestId('pool-customer').filter({ hasText: '杭州云栖数据' }).waitFor();
    assert.match(await text(page), /退回原因：客户暂无预算/);
    await shot(page, 'pool-07-phone');
    await ctx.close();
  });

  test('a pool of more than one page loads the rest with "load more"', async () => {
    const before = (await admin.call<{ data: { id: string; customerCount: number }[] }>('GET', '/pools')).data.find((p) => p.id === state.poolId);
    assert.ok(before);
    for (let i = 1; i <= 55; i++) {
      const c = await repA.call<{ id: string }>('POST', '/companies', { name: `批量客户 ${String(i).padStart(2, '0')}`, address: { city: '无锡' } });
      await repA.call('POST', `/companies/${c.id}/return-to-pool`, { reason: '批量退回' });
    }
    const total = before.customerCount + 55;
    const { ctx, page } = await asUser(ADMIN);
    await page.goto(`/pool?pool=${state.poolId}`);
    await page.getByTestId('pool-load-more').waitFor();
    assert.equal(await page.getByTestId('pool-customer').count(), 50);
    assert.match((await page.getByTestId('pool-shown').textContent()) ?? '', new RegExp(`已显示 50 / ${total}`));
    await shot(page, 'pool-08-first-page');
    await page.getByTestId('pool-load-more').click();
    await page
      .getByTestId('pool-shown')
      .filter({ hasText: `已显示 ${total} / ${total}` })
      .waitFor();
    assert.equal(await page.getByTestId('pool-customer').count(), total);
    assert.equal(await page.getByTestId('pool-load-more').count(), 0);
    // The oldest arrival, only on the second page, is there exactly once.
    assert.equal(await page.getByTestId('pool-customer').filter({ hasText: '批量客户 01' }).count(), 1);
    await page.getByTestId('pool-shown').scrollIntoViewIfNeeded();
    await shot(page, 'pool-09-all-pages');
    await ctx.close();
  });

  test('a manager unlocks a locked customer from the Locked tab; the customer timeline says so', async () => {
    const company = await repA.call<{ id: string }>('POST', '/companies', { name: '常州恒盛机械', address: { city: '常州' } });
    await admin.call('PUT', `/companies/${company.id}/pool-lock`, { locked: true });
    const { ctx, page } = await asUser(ADMIN);
    await page.goto('/pool');
    await page.getByTestId('pool-locked-tab').click();
    const row = page.getByTestId('locked-customer').filter({ hasText: '常州恒盛机械' });
    await row.waitFor();
    assert.match((await row.textContent()) ?? '', /负责人：李娜/);
    await shot(page, 'pool-10-locked');
    await row.getByTestId('pool-unlock').click();
    await page.locator('.ant-message-success', { hasText: '已解除 常州恒盛机械 的锁定' }).waitFor();
    await row.waitFor({ state: 'detached' });
    await shot(page, 'pool-11-unlocked');
    const locked = await admin.call<{ data: { id: string }[] }>('GET', '/pools/locked');
    assert.ok(!locked.data.some((c) => c.id === company.id));
    await page.goto(`/companies/${company.id}`);
    await page.getByText('解除了该客户的锁定').first().waitFor();
    await ctx.close();
    // A rep has no Locked tab (and the API refuses them).
    const rep = await asUser(REP_A);
    await rep.page.goto('/pool');
    await rep.page.getByRole('tab').first().waitFor();
    assert.equal(await rep.page.getByTestId('pool-locked-tab').count(), 0);
    await assert.rejects(repA.call('GET', '/pools/locked'), /403/);
    await rep.ctx.close();
  });

  test('a contact pool (#17): the admin creates one, the owner returns an individual customer, another rep claims it', async () => {
    // An individual customer (B2C: no company) of rep A, due back within 30 days.
    const contact = await repA.call<{ id: string }>('POST', '/contacts', {
      name: '刘洋',
      title: '自由职业者',
      source: '抖音',
      address: { city: '成都' },
      phones: [{ number: '13688886666' }],
      emails: [{ address: 'liu.yang@example.cn' }],
    });
    const settings = await asUser(ADMIN);
    await settings.page.goto('/pool/settings');
    await settings.page.getByTestId('pool-create').click();
    await settings.page.getByTestId('pool-object').click();
    await settings.page.locator('.ant-select-item-option', { hasText: '联系人' }).click();
    await settings.page.locator('#name').fill('个人客户公海');
    await settings.page.locator('#maxClaimsPerDay').fill('3');
    await shot(settings.page, 'pool-12-contact-pool-form');
    await settings.page.locator('.ant-modal-footer .ant-btn-primary').click();
    await settings.page.locator('.ant-modal').waitFor({ state: 'hidden' });
    const item = settings.page.getByTestId('pool-settings-item').filter({ hasText: '个人客户公海' });
    await item.waitFor();
    assert.match((await item.textContent()) ?? '', /存放：联系人/);
    assert.match((await item.textContent()) ?? '', /0 个联系人/);
    await shot(settings.page, 'pool-13-contact-pool-settings');
    await settings.ctx.close();
    const pools = await repA.call<{ data: { id: string; name: string; object: string }[] }>('GET', '/pools');
    const contactPool = pools.data.find((p) => p.name === '个人客户公海');
    assert.equal(contactPool?.object, 'contact');

    // Rep A returns 刘洋 from the "about to be recycled" list; only contact pools are offered.
    const a = await asUser(REP_A);
    await a.page.goto('/pool?tab=expiring');
    await a.page.locator('.ant-select', { hasText: '14 天内' }).click();
    await a.page.locator('.ant-select-item-option', { hasText: '30 天内' }).click();
    // Let the period dropdown finish closing, or its options are read as the pool picker's below.
    await a.page.locator('.ant-select-dropdown:visible').waitFor({ state: 'hidden' });
    const due = a.page.getByTestId('expiring-customer').filter({ hasText: '刘洋' });
    await due.waitFor();
    assert.match((await due.textContent()) ?? '', /联系人/);
    assert.match((await due.textContent()) ?? '', /收回至 个人客户公海/);
    await due.getByTestId('expiring-return').click();
    await a.page.getByTestId('return-reason').fill('客户暂无购买计划');
    await a.page.getByTestId('return-pool').click();
    // The dropdown renders (and re-renders) its options while it opens: read until they are there.
    const options = a.page.locator('.ant-select-dropdown:visible .ant-select-item-option');
    let offered: string[] = [];
    for (let tries = 0; tries < 50 && offered.length === 0; tries++) {
      offered = await options.allTextContents();
      if (offered.length === 0) await a.page.waitForTimeout(100);
    }
    assert.deepEqual(offered, ['个人客户公海']);
    await a.page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '个人客户公海' }).click();
    await shot(a.page, 'pool-14-contact-return');
    await a.page.locator('.ant-modal-footer .ant-btn-dangerous').click();
    await a.page.locator('.ant-message-success', { hasText: '刘洋 已退回公海' }).waitFor();
    await a.ctx.close();
    const gone = await fetch(`${server.url}/api/v1/contacts/${contact.id}`, { headers: { cookie: await cookieOf(REP_A.email) } });
    assert.equal(gone.status, 404);

    // Rep B sees it masked in the contact pool and claims it.
    const b = await asUser(REP_B);
    await b.page.goto(`/pool?pool=${contactPool?.id}`);
    const card = b.page.getByTestId('pool-customer').filter({ hasText: '刘洋' });
    await card.waitFor();
    const shown = (await card.textContent()) ?? '';
    assert.match(shown, /自由职业者 · 成都/);
    assert.match(shown, /个人客户（无所属公司）/);
    assert.match(shown, /136\*\*\*\*6666/);
    assert.match(shown, /l\*+@example\.cn/);
    assert.doesNotMatch(shown, /13688886666/);
    assert.match(shown, /原负责人 李娜/);
    assert.match(shown, /退回原因：客户暂无购买计划/);
    assert.match((await b.page.getByTestId('pool-limits').textContent()) ?? '', /您已持有 0 个联系人.*今日已领取 0 \/ 3/);
    await shot(b.page, 'pool-15-contact-pool');
    await card.getByTestId('pool-claim').click();
    await b.page.locator('.ant-message-success').waitFor();
    await b.page.getByTestId('pool-limits').filter({ hasText: '今日已领取 1 / 3' }).waitFor();
    await b.page.goto(`/contacts/${contact.id}`);
    await b.page.getByTestId('record-header').waitFor();
    await b.page.getByText('从公海领取了该客户').waitFor();
    assert.match(await text(b.page), /王强/);
    await shot(b.page, 'pool-16-contact-claimed');
    await b.ctx.close();
    const repB = await Api.login(server.url, REP_B.email, PASSWORD);
    const mine = await repB.call<{ ownerId: string; phones: { number: string }[] }>('GET', `/contacts/${contact.id}`);
    assert.equal(mine.phones[0]?.number, '13688886666');
  });
});

async function cookieOf(email: string): Promise<string> {
  const res = await fetch(`${server.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-requested-with': 'kehu' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  return (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}
