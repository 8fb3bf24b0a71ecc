import assert from 'node:assert/strict';
import { after, afterEach, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { choose, clickUntilGone } from './support/antd';
import { Api } from './support/api';
import { keepFailure, launch, shot, switchLanguage } from './support/browser';
import { adminPage } from './support/login';
import { type RunningServer, startServer } from './support/server';

let server: RunningServer;
let browser: Browser;
let page: Page;
let api: Api;

/** A verified request logged through the API (the queue's own screens are covered by privacy-requests.e2e.ts). */
async function verifiedRequest(kind: string, email: string) {
  const r = await api.call<{ id: string }>('POST', '/privacy/requests', { kind, subjectEmail: email });
  await api.call('POST', `/privacy/requests/${r.id}/verify`);
  return r.id;
}

describe('Settings > Legal holds and request deadlines', { concurrency: false }, () => {
  before(async () => {
    server = await startServer();
    browser = await launch();
    page = await adminPage(browser, server.url);
    api = await Api.login(server.url);
    await api.call('POST', '/contacts', { name: '李保全', emails: [{ address: 'li.hold.e2e@example.com' }] });
  });
  afterEach(keepFailure(() => page));
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('a held contact: erasure refused with the reason on the request, erased once the hold is released (zh-CN)', async () => {
    const requestId = await verifiedRequest('erasure', 'li.hold.e2e@example.com');
    await page.goto('/settings/privacy-holds');
    await page.getByTestId('legal-holds-page').waitFor();
    await page.getByTestId('hold-new').click();
    await choose(page, page.locator('.hold-record .ant-select'), '李保全', { search: '李保全' });
    await page.getByTestId('hold-reason').fill('2026-17 号诉讼');
    await clickUntilGone(page.getByTestId('hold-save'));
    await page.getByTestId('holds-table').getByText('2026-17 号诉讼').waitFor();
    assert.match(await page.getByTestId('holds-table').innerText(), /联系人 · 李保全[\s\S]*保全中/);
    await shot(page, 'd1-legal-holds-zh');

    await page.goto(`/settings/privacy-requests/${requestId}`);
    await page.getByTestId('request-erase').click();
    await page.getByTestId('erase-sure').click();
    await page.getByTestId('erase-ok').click();
    await page.getByTestId('request-refused').waitFor();
    assert.match(await page.getByTestId('request-refused').innerText(), /擦除被拒绝：处于法律保全中（2026-17 号诉讼）/);
    await page.getByTestId('request-status').getByText('已核验身份').waitFor();
    await shot(page, 'd2-erasure-refused-zh');

    await page.goto('/settings/privacy-holds');
    await page.locator('[data-testid^="hold-release-"]').first().click();
    await page.getByTestId('hold-release-reason').fill('已结案');
    await clickUntilGone(page.getByTestId('hold-release-ok'));
    await page.getByTestId('holds-table').getByText('已解除').waitFor();
    assert.match(await page.getByTestId('holds-table').innerText(), /已结案/);

    await page.goto(`/settings/privacy-requests/${requestId}`);
    await page.getByTestId('request-erase').click();
    await page.getByTestId('erase-sure').click();
    await page.getByTestId('erase-ok').click();
    await page.getByTestId('request-status').getByText('已完成').waitFor();
    await shot(page, 'd3-erased-after-release-zh');
  });

  test("extends a deadline once with a reason and holds a request's subject (en)", async () => {
    await switchLanguage(page, 'English');
    const requestId = await verifiedRequest('erasure', 'someone.else.e2e@example.com');
    await page.goto(`/settings/privacy-requests/${requestId}`);
    await page.getByTestId('request-extend').click();
    await page.getByTestId('extend-reason').fill('Data spread over three systems');
    await clickUntilGone(page.getByTestId('extend-ok'));
    await page.getByTestId('request-extension').getByText('Data spread over three systems').waitFor();
    assert.equal(await page.getByTestId('request-extend').count(), 0);

    await page.getByTestId('request-hold').click();
    await page.getByTestId('hold-reason').fill('Regulator inquiry');
    await clickUntilGone(page.getByTestId('hold-save'));
    await page.getByTestId('request-holds').getByText('Regulator inquiry').waitFor();
    assert.match(await page.getByTestId('request-holds').innerText(), /On legal hold/);
    await shot(page, 'd4-request-extended-held-en');

    await page.getByTestId('request-erase').click();
    await page.getByTestId('erase-sure').click();
    await page.getByTestId('erase-ok').click();
    await page.getByTestId('request-refused').getByText('Erasure refused: on legal hold (Regulator inquiry)').waitFor();

    // The tenant's answer periods: a GDPR request logged afterwards is due 45 days after it arrived.
    await page.goto('/settings/privacy-requests');
    await page.getByTestId('deadlines-open').click();
    await page.getByTestId('deadlines-gdpr').fill('45');
    await shot(page, 'd5-deadline-settings-en');
    await clickUntilGone(page.getByTestId('deadlines-save'));
    const gdpr = await api.call<{ receivedAt: string; dueAt: string }>('POST', '/privacy/requests', {
      kind: 'access',
      law: 'gdpr',
      subjectEmail: 'gdpr.e2e@example.com',
    });
    assert.equal(new Date(gdpr.dueAt).getTime() - new Date(gdpr.receivedAt).getTime(), 45 * 86_400_000);
  });
});
