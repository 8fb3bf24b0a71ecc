import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, afterEach, before, describe, test } from 'node:test';
import { strFromU8, unzipSync } from 'fflate';
import type { Browser, Page } from 'playwright-core';
import { Api } from './support/api';
import { keepFailure, launch, shot, switchLanguage } from './support/browser';
import { adminPage } from './support/login';
import { type RunningServer, startServer } from './support/server';

let server: RunningServer;
let browser: Browser;
let page: Page;
let api: Api;
let contactId: string;
let dealId: string;

const EMAIL = 'wang.xiaoming.e2e@example.com';

async function newRequest(kind: string) {
  await page.goto('/settings/privacy-requests');
  await page.getByTestId('request-new').click();
  await page.getByTestId('request-kind').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: kind }).click();
  await page.getByTestId('request-email').fill(EMAIL);
  await page.getByTestId('request-name').fill('王小明');
  await page.getByTestId('request-create').click();
  await page.getByTestId('privacy-request-page').waitFor();
}

describe('Settings > Privacy requests', { concurrency: false }, () => {
  before(async () => {
    server = await startServer();
    browser = await launch();
    page = await adminPage(browser, server.url);
    api = await Api.login(server.url);
    contactId = (
      await api.call<{ id: string }>('POST', '/contacts', {
        name: '王小明',
        emails: [{ address: EMAIL }],
        phones: [{ number: '13700001111' }],
        idNumber: '110101199001011234',
      })
    ).id;
    dealId = (await api.call<{ id: string }>('POST', '/deals', { name: '王小明 年度采购', amount: '88000.00', currency: 'CNY', contactId })).id;
    await api.call('POST', '/activities', { type: 'note', subject: '回访王小明', body: `邮箱 ${EMAIL}`, contactId });
  });
  afterEach(keepFailure(() => page));
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('an access request: previewed, verified, exported as a zip and downloaded once (zh-CN)', async () => {
    await newRequest('查阅 / 复制');
    await page.getByTestId('settings-menu').getByText('隐私请求').waitFor();
    // Before verification nothing runs; the preview already shows where the person is.
    await page.getByTestId('preview-contact-subject').waitFor();
    assert.match(await page.getByTestId('preview-contact-subject').innerText(), /本人记录[\s\S]*王小明/);
    assert.match(await page.getByTestId('preview-deal-related').innerText(), /相关业务记录/);
    assert.match(await page.getByTestId('preview-activity-related').innerText(), /回访王小明/);
    assert.equal(await page.getByTestId('request-export').isDisabled(), true);
    await shot(page, '92-privacy-request-received-zh');

    await page.getByTestId('request-verify').click();
    await page.getByTestId('request-status').getByText('已核验身份').waitFor();
    await page.getByTestId('request-export').click();
    await page.getByTestId('request-export-ready').waitFor();
    await page.getByTestId('request-status').getByText('已完成').waitFor();
    assert.match(await page.getByTestId('request-result').innerText(), /已导出/);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('request-download').click()]);
    const files = unzipSync(new Uint8Array(readFileSync((await download.path()) as string)));
    assert.ok(files['index.html'] && files['contact.csv'] && files['deal-related.json'] && files['audit-log.json']);
    const contact = JSON.parse(strFromU8(files['contact.json'] as Uint8Array));
    assert.equal(contact.records[0].emails[0].address, EMAIL);
    assert.match(strFromU8(files['index.html'] as Uint8Array), /您的个人信息副本/);
    await page.reload();
    await page.getByTestId('request-export-ready').getByText('已于').waitFor();
    await shot(page, '93-privacy-request-exported-zh');
  });

  test('an erasure request: confirmed, then the person is gone and the deal keeps its amount (zh-CN)', async () => {
    await newRequest('删除（擦除）');
    await page.getByTestId('request-verify').click();
    await page.getByTestId('request-status').getByText('已核验身份').waitFor();
    await page.getByTestId('request-erase').click();
    const ok = page.getByTestId('erase-ok');
    assert.equal(await ok.isDisabled(), true);
    await shot(page, '94-privacy-erase-confirm-zh');
    await page.getByTestId('erase-sure').click();
    await ok.click();
    await page.getByTestId('request-status').getByText('已完成').waitFor();
    assert.match(await page.getByTestId('request-result').innerText(), /已擦除/);
    assert.match(await page.getByTestId('request-title').innerText(), /w\*\*\*@example\.com/);
    await shot(page, '95-privacy-erased-zh');

    const contact = await api.call<{ name: string; emails: unknown[] }>('GET', `/contacts/${contactId}`);
    assert.equal(contact.name, '已擦除 Erased');
    assert.deepEqual(contact.emails, []);
    const deal = await api.call<{ name: string; amount: string }>('GET', `/deals/${dealId}`);
    assert.equal(deal.amount, '88000.00');
    assert.doesNotMatch(deal.name, /王小明/);
  });

  test('a retention policy: saved off, the count shown before it is switched on, run now with its report (zh-CN)', async () => {
    await page.goto('/settings/privacy-retention');
    await page.getByTestId('settings-menu').getByText('保留策略').waitFor();
    await page.getByTestId('retention-new').click();
    await page.getByTestId('retention-object').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '线索' }).click();
    await page.getByTestId('retention-field').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '最近活动时间' }).click();
    await page.getByTestId('retention-months').fill('24');
    await page.getByTestId('retention-save').click();
    // Nothing is old enough yet: 0 of the tenant's leads.
    await page.locator('.ant-modal-confirm-title', { hasText: /将处理 0 \/ \d+ 条记录/ }).waitFor();
    await shot(page, '98-privacy-retention-confirm-zh');
    await page.getByTestId('retention-confirm').click();
    await page.locator('[data-testid="retention-enabled-lead"].ant-switch-checked').waitFor();
    await page.getByTestId('retention-run-lead').click();
    await page.getByTestId('retention-confirm').click();
    await page.getByTestId('retention-report-lead').getByText('匿名化 0 条，删除 0 条').waitFor();
    await shot(page, '99-privacy-retention-zh');
  });

  test('the queue in English, with deadlines', async () => {
    await switchLanguage(page, 'English');
    await page.goto('/settings/privacy-requests');
    await page.getByTestId('settings-menu').getByText('Privacy requests').waitFor();
    await page.getByTestId('requests-filter').getByText('All').click();
    await page.getByText('Erasure').first().waitFor();
    await page.getByText('Access / copy').first().waitFor();
    await shot(page, '96-privacy-requests-en');
    await page.getByText('Erasure').first().click();
    await page.getByTestId('request-status').getByText('Completed').waitFor();
    assert.match(await page.getByTestId('request-result').innerText(), /Erased: Contact 1/i);
    await shot(page, '97-privacy-request-erased-en');
    await page.goto('/settings/privacy-retention');
    await page.getByTestId('retention-row-lead').getByText('Anonymise', { exact: true }).waitFor();
    await switchLanguage(page, '简体中文');
  });
});
