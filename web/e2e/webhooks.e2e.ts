import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, afterEach, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { choose, clickUntilGone } from './support/antd';
import { Api } from './support/api';
import { DESKTOP, keepFailure, launch, newContext, shot, switchLanguage } from './support/browser';
import { login } from './support/login';
import { ADMIN, type RunningServer, startServer } from './support/server';

// The server this file starts may call the receiver below, on loopback.
process.env.KEHU_WEBHOOK_ALLOW_PRIVATE = '1';

type Hit = { body: string; signature: string; type: string };

let server: RunningServer;
let browser: Browser;
let ctx: BrowserContext;
let page: Page;
let api: Api;
let receiver: http.Server;
let status = 200;
const hits: Hit[] = [];

const until = async (check: () => boolean, what: string, ms = 20_000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}; deliveries: ${await deliveriesNow()}; the server said:\n${serverNotes()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
};

/** What the server logged besides requests (a delivery that never comes shows why here). */
const serverNotes = () =>
  server
    .log()
    .split('\n')
    .filter((l) => !/"msg":"(incoming request|request completed)"/.test(l))
    .join('\n')
    .slice(-6000);

/** The deliveries the server holds, to tell an event never relayed from an attempt never made. */
const deliveriesNow = async () => {
  const hooks = await api.call<{ data: { id: string }[] }>('GET', '/webhooks').catch(() => ({ data: [] }));
  const lists = await Promise.all(hooks.data.map((h) => api.call<unknown>('GET', `/webhooks/${h.id}/deliveries`).catch((e: Error) => e.message)));
  return JSON.stringify({ hooks: hooks.data, lists }).slice(0, 4000);
};

/** Stripe-style check, as docs/webhooks.md describes it. */
const signedBy = (hit: Hit, secret: string) => {
  const parts = hit.signature.split(',').map((p) => p.split('='));
  const t = parts.find(([k]) => k === 't')?.[1];
  const expected = createHmac('sha256', secret).update(`${t}.${hit.body}`).digest('hex');
  return parts.some(([k, v]) => k === 'v1' && v === expected);
};

describe('Settings > Webhooks', { concurrency: false }, () => {
  let receiverUrl = '';
  before(async () => {
    receiver = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        hits.push({ body, signature: String(req.headers['kehu-signature']), type: String(req.headers['kehu-event-type']) });
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ received: status < 300 }));
      });
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/kehu`;
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
    receiver?.closeAllConnections();
    await new Promise<void>((r) => (receiver ? receiver.close(() => r()) : r()));
  });

  test('an admin subscribes a local receiver to contact events, gets a signed delivery, reads the log and replays a failure', async () => {
    await page.goto('/settings/webhooks');
    await page.getByTestId('webhook-create').click();
    const modal = page.getByTestId('webhook-modal');
    await modal.getByTestId('webhook-name').fill('CRM 同步');
    await modal.getByTestId('webhook-url').fill('http://169.254.169.254/latest/meta-data/');
    for (const label of ['联系人 · 新建', '联系人 · 更新']) {
      await choose(page, modal.getByTestId('webhook-events'), label);
      await page.keyboard.press('Escape');
    }
    // One object: the filter builder appears.
    await modal.getByTestId('filter-builder').waitFor();
    await shot(page, '60-webhook-form');
    await page.locator('.ant-modal-footer .ant-btn-primary').click();
    // The metadata address is refused, in Chinese, on the URL field.
    await modal.locator('.ant-form-item-explain-error', { hasText: '元数据' }).waitFor();
    await shot(page, '61-webhook-ssrf-refused');
    await modal.getByTestId('webhook-url').fill(receiverUrl);
    await page.locator('.ant-modal-footer .ant-btn-primary').click();
    const secret = (await page.getByTestId('webhook-secret').textContent())?.trim() ?? '';
    assert.match(secret, /^whsec_/);
    await shot(page, '62-webhook-secret');
    await clickUntilGone(page.getByTestId('secret-done'));
    await page.getByText('CRM 同步').waitFor();
    await shot(page, '63-webhook-list');

    await api.call('POST', '/contacts', { name: '张伟', title: '采购经理' });
    await until(() => hits.length === 1, 'the first delivery');
    const first = hits[0] as Hit;
    assert.equal(first.type, 'contact.created');
    assert.ok(signedBy(first, secret), 'signature verifies with the secret shown');
    assert.equal(JSON.parse(first.body).data.name, '张伟');

    await page.getByTestId('webhook-deliveries').click();
    const drawer = page.getByTestId('deliveries-drawer');
    await drawer.getByTestId('delivery-status').filter({ hasText: '已送达' }).waitFor();
    await drawer.locator('.ant-table-row').first().click();
    await drawer.getByTestId('delivery-detail').waitFor();
    assert.match((await drawer.getByTestId('delivery-body').textContent()) ?? '', /张伟/);
    await shot(page, '64-webhook-delivery-log');

    // The receiver breaks: the delivery waits for its retry; replay by hand once it is back.
    status = 500;
    await api.call('POST', '/contacts', { name: '李娜' });
    await until(() => hits.length === 2, 'the failing delivery');
    await drawer.getByTestId('deliveries-refresh').click();
    await drawer.getByTestId('delivery-status').filter({ hasText: '重试中' }).waitFor();
    await shot(page, '65-webhook-retrying');
    status = 200;
    await drawer.getByTestId('delivery-replay').first().click();
    await page.locator('.ant-message-success', { hasText: '200' }).waitFor();
    await drawer.getByTestId('delivery-status').filter({ hasText: '重试中' }).waitFor({ state: 'detached' });
    assert.equal(await drawer.getByTestId('delivery-status').filter({ hasText: '已送达' }).count(), 2);
    assert.ok(signedBy(hits.at(-1) as Hit, secret));
    await page.keyboard.press('Escape');
  });

  test('rotating the secret shows the new one; the old one keeps signing during the overlap; English works', async () => {
    await page.getByTestId('webhook-more').first().click();
    await page.locator('.ant-dropdown-menu-item', { hasText: '查看密钥' }).click();
    const old = (await page.getByTestId('webhook-secret').textContent())?.trim() ?? '';
    await clickUntilGone(page.getByTestId('secret-done'));
    await page.getByTestId('webhook-more').first().click();
    await page.locator('.ant-dropdown-menu-item', { hasText: '轮换密钥' }).click();
    await page.locator('.ant-modal-confirm-btns .ant-btn-primary').click();
    const fresh = (await page.getByTestId('webhook-secret').textContent())?.trim() ?? '';
    assert.notEqual(fresh, old);
    await page.getByText(/旧密钥在 .* 之前仍会签名/).waitFor();
    await shot(page, '66-webhook-rotated');
    await clickUntilGone(page.getByTestId('secret-done'));
    const before = hits.length;
    await api.call('POST', '/contacts', { name: '王芳' });
    await until(() => hits.length === before + 1, 'a delivery after rotation');
    const hit = hits.at(-1) as Hit;
    assert.ok(signedBy(hit, fresh) && signedBy(hit, old), 'both secrets sign during the overlap');

    await switchLanguage(page, 'English');
    await page.getByText('New webhook').waitFor();
    await page.getByText('Contact · created').first().waitFor();
    await shot(page, '67-webhooks-en');
  });
});
