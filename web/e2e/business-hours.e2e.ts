import assert from 'node:assert/strict';
import { after, afterEach, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { Api } from './support/api';
import { choose, clickUntilGone } from './support/antd';
import { DESKTOP, keepFailure, launch, newContext, shot, switchLanguage } from './support/browser';
import { login } from './support/login';
import { ADMIN, type RunningServer, startServer } from './support/server';

type Calendar = {
  id: string;
  name: string;
  timeZone: string;
  week: { start: string; end: string }[][];
  holidays: { date: string; name: string }[];
  workdays: { date: string; name: string }[];
  isDefault: boolean;
};

let server: RunningServer;
let browser: Browser;
let ctx: BrowserContext;
let page: Page;
let api: Api;

describe('Settings > Business hours (工作时间)', { concurrency: false }, () => {
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

  test('the default calendar shows China’s holidays; an admin adds a split-shift calendar with a make-up day, is refused an overlap in Chinese, and makes it the default', async () => {
    await page.goto('/settings/business-hours');
    await page.getByTestId('settings-menu').getByText('工作时间').waitFor();
    await page.getByText('周一–周五 09:00–18:00').waitFor();
    await shot(page, '60-business-hours-list');

    await page.getByTestId('calendar-new').click();
    await page.getByTestId('calendar-name').fill('客服中心');
    await choose(page, page.getByTestId('calendar-zone'), /^Asia\/Hong_Kong/, { search: 'Hong_Kong' });
    for (const day of [0, 1, 2, 3, 4]) {
      await page.getByTestId(`calendar-day-${day}-0-end`).fill('12:00');
      await page.getByTestId(`calendar-day-${day}-add`).click();
      await page.getByTestId(`calendar-day-${day}-1-start`).fill('13:00');
      await page.getByTestId(`calendar-day-${day}-1-end`).fill('18:00');
    }
    await page.getByTestId('calendar-day-5-open').click(); // Saturday mornings
    await page.getByTestId('calendar-day-5-0-end').fill('12:00');
    await page.getByTestId('calendar-holidays').fill('2027-01-01 元旦\n2027-10-01 国庆节');
    await page.getByTestId('calendar-workdays').fill('2027-01-09 调休');
    // An overlap on Monday is refused with the server's Chinese reason, and nothing is saved.
    await page.getByTestId('calendar-day-0-1-start').fill('11:00');
    await page.getByTestId('calendar-save').click();
    await page.getByTestId('calendar-problems').filter({ hasText: '周一: 同一天的工作时段有重叠' }).waitFor();
    await shot(page, '61-business-hours-refused');
    assert.equal((await api.call<{ data: Calendar[] }>('GET', '/business-calendars')).data.length, 1);
    await page.getByTestId('calendar-day-0-1-start').fill('13:00');
    await page.getByTestId('calendar-save').click();
    await page.locator('.ant-message-success').waitFor();
    await page.getByText('周一–周五 09:00–12:00, 13:00–18:00 · 周六 09:00–12:00').waitFor();

    const saved = (await api.call<{ data: Calendar[] }>('GET', '/business-calendars')).data.find((c) => c.name === '客服中心');
    assert.ok(saved);
    assert.equal(saved.timeZone, 'Asia/Hong_Kong');
    assert.deepEqual(saved.week[0], [
      { start: '09:00', end: '12:00' },
      { start: '13:00', end: '18:00' },
    ]);
    assert.deepEqual(saved.workdays, [{ date: '2027-01-09', name: '调休' }]);
    assert.equal(saved.isDefault, false);

    await clickUntilGone(page.getByTestId('calendar-default-客服中心'));
    await page.getByTestId('calendar-default-标准工作时间').waitFor();
    const list = (await api.call<{ data: Calendar[] }>('GET', '/business-calendars')).data;
    assert.equal(list.find((c) => c.isDefault)?.name, '客服中心');
    await switchLanguage(page, 'English');
    await page.getByTestId('settings-menu').getByText('Business hours').waitFor();
    await page.getByText('Mon–Fri 09:00–12:00, 13:00–18:00 · Sat 09:00–12:00').waitFor();
    await shot(page, '62-business-hours-en');
  });
});
