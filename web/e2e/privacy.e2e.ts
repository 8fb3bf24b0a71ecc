import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, afterEach, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { keepFailure, launch, shot, switchLanguage } from './support/browser';
import { adminPage } from './support/login';
import { type RunningServer, startServer } from './support/server';

let server: RunningServer;
let browser: Browser;
let page: Page;

describe('Settings > Records of processing', { concurrency: false }, () => {
  before(async () => {
    server = await startServer();
    browser = await launch();
    page = await adminPage(browser, server.url);
  });
  afterEach(keepFailure(() => page));
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('an admin sees personal data per object, records why contacts are processed, and exports the CSV (zh-CN)', async () => {
    await page.goto('/settings/privacy');
    await page.getByTestId('settings-menu').getByText('个人信息处理记录').waitFor();
    // From the declarations: a contact's phones are personal and masked, its ID number sensitive.
    const phones = page.getByTestId('field-contact-phones');
    await phones.waitFor();
    assert.match(await phones.innerText(), /电话.*个人信息/);
    assert.match(await page.getByTestId('field-contact-idNumber').innerText(), /敏感信息/);
    assert.equal(await page.getByTestId('purpose-contact').innerText(), '未填写');

    await page.getByTestId('edit-contact').click();
    await page.getByTestId('processing-purpose').fill('客户关系管理与售后服务');
    await page.getByTestId('processing-basis').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '订立、履行合同所必需' }).click();
    await page.getByTestId('processing-retention').fill('合同结束后 3 年');
    await page.getByTestId('processing-save').click();
    await page.locator('.ant-modal-wrap').waitFor({ state: 'detached' });
    const purpose = page.getByTestId('purpose-contact');
    await purpose.getByText('客户关系管理与售后服务').waitFor();
    assert.match(await purpose.innerText(), /订立、履行合同所必需/);
    assert.match(await purpose.innerText(), /合同结束后 3 年/);
    await shot(page, '90-privacy-processing-zh');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('processing-export').click()]);
    const csv = readFileSync((await download.path()) as string, 'utf8');
    assert.match(csv, /处理目的/);
    assert.match(csv, /客户关系管理与售后服务/);
    assert.match(csv, /联系人/);
  });

  test('the same page in English', async () => {
    await switchLanguage(page, 'English');
    await page.getByTestId('settings-menu').getByText('Records of processing').waitFor();
    assert.match(await page.getByTestId('field-contact-phones').innerText(), /Phones.*Personal/);
    assert.match(await page.getByTestId('purpose-contact').innerText(), /Contract/);
    await shot(page, '91-privacy-processing-en');
    await switchLanguage(page, '简体中文');
  });
});
