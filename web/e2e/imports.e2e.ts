import assert from 'node:assert/strict';
import { after, afterEach, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launch, shot, keepFailure } from './support/browser';
import { adminPage } from './support/login';
import { type RunningServer, startServer } from './support/server';

let server: RunningServer;
let browser: Browser;
let page: Page;

const CSV = '姓名,手机号,邮箱,公司\n张三,13800138000,zhangsan@example.cn,星辰科技\n李四,12345,lisi@example.cn,\n王五,13900139000,wangwu@example.cn,星辰科技\n';

describe('importing contacts in a real browser', { concurrency: false }, () => {
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

  test('uploads a CSV from the contacts list, maps it, and watches the job finish', async () => {
    await page.goto('/contacts');
    await page.getByTestId('import-records').click();
    await page.waitForURL(/\/imports\?object=contact/);
    await page.locator('[data-testid=import-upload] input[type=file]').setInputFiles({ name: '客户.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
    await page.getByTestId('import-mapping').waitFor();
    assert.match((await page.getByTestId('import-mapping').textContent()) ?? '', /手机号/);
    await shot(page, 'imports-01-mapping');
    await page.getByTestId('import-start').click();
    await page.locator('[data-testid=import-status][data-status=done]').waitFor({ timeout: 90_000 });
    const body = (await page.getByTestId('import-progress').textContent()) ?? '';
    assert.match(body, /新建\s*2/);
    assert.match(body, /失败\s*1/);
    await page.getByTestId('import-errors').waitFor();
    await shot(page, 'imports-02-done');
  });
});
