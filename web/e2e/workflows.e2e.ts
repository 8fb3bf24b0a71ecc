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
let api: Api;

type Contact = { id: string; tags: string[] };

const until = async (check: () => Promise<boolean>, what: string, ms = 30_000) => {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
};

/** Picks an option of the open antd select by its text. */
const option = (text: string | RegExp) =>
  page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: text }).first();

describe('Settings > Workflow rules', { concurrency: false }, () => {
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

  test('an admin builds a rule with a condition and two actions, tests it on a record, switches it on and sees it run', async () => {
    const existing = await api.call<Contact>('POST', '/contacts', { name: '张伟', title: '采购经理' });
    await page.goto('/settings/workflow-rules');
    await page.getByTestId('rule-create').click();
    const editor = page.getByTestId('rule-editor');
    await editor.getByTestId('rule-name').fill('采购联系人跟进');
    // Only if 职位 contains 采购.
    await editor.getByTestId('filter-add').click();
    await editor.getByTestId('filter-field').click();
    await editor.getByTestId('filter-field').locator('input').fill('职位');
    await option(/^职位$/).click();
    await editor.getByTestId('filter-value').fill('采购');
    // Then: tag it and create a task.
    await editor.getByTestId('action-add').click();
    await page.locator('.ant-dropdown-menu-item', { hasText: '添加标签' }).click();
    await editor.getByTestId('action-tags').click();
    await page.keyboard.type('重点客户');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await editor.getByTestId('action-add').click();
    await page.locator('.ant-dropdown-menu-item', { hasText: '创建任务' }).click();
    await editor.getByTestId('task-subject').fill('致电 {{name}}');
    await shot(page, '70-workflow-builder');

    // Dry run on the existing contact: both actions would run, nothing is written.
    await editor.getByTestId('dry-run').getByTestId('lookup-select').click();
    await editor.getByTestId('dry-run').getByTestId('lookup-select').locator('input').fill('张伟');
    await option('张伟').click();
    await editor.getByTestId('dry-run-go').click();
    const result = editor.getByTestId('dry-run-result');
    await result.getByText('规则会在这条记录上执行').waitFor();
    await result.getByText('致电 张伟').waitFor();
    assert.equal(await result.getByTestId('run-status').filter({ hasText: '将执行' }).count(), 2);
    await result.scrollIntoViewIfNeeded();
    await shot(page, '71-workflow-dry-run');
    assert.deepEqual((await api.call<Contact>('GET', `/contacts/${existing.id}`)).tags, []);

    await editor.getByTestId('rule-save').click();
    await editor.waitFor({ state: 'detached' });
    await page.getByTestId('rules-table').getByText('采购联系人跟进').waitFor();
    // Saved switched off: switch it on from the list.
    await page.getByTestId('rule-enabled').click();
    await page.locator('[data-testid="rule-enabled"].ant-switch-checked').waitFor();
    await shot(page, '72-workflow-list');

    const buyer = await api.call<Contact>('POST', '/contacts', { name: '李娜', title: '采购总监' });
    const other = await api.call<Contact>('POST', '/contacts', { name: '王强', title: '工程师' });
    await until(async () => (await api.call<Contact>('GET', `/contacts/${buyer.id}`)).tags.includes('重点客户'), 'the rule to tag the buyer');
    const tasks = await api.call<{ data: { subject: string }[] }>(
      'GET',
      `/activities?filter=${encodeURIComponent(JSON.stringify({ contactId: { eq: buyer.id } }))}`,
    );
    assert.deepEqual(
      tasks.data.map((x) => x.subject),
      ['致电 李娜'],
    );
    assert.deepEqual((await api.call<Contact>('GET', `/contacts/${other.id}`)).tags, []);

    await page.getByRole('tab', { name: '执行记录' }).click();
    const runs = page.getByTestId('runs-table');
    await runs.getByTestId('run-status').filter({ hasText: '成功' }).first().waitFor();
    await runs.locator('.ant-table-row-expand-icon').first().click();
    await runs.getByText('创建任务').first().waitFor();
    await shot(page, '73-workflow-runs');
  });

  test('a bad schedule is refused in Chinese and nothing is saved; the page reads in English', async () => {
    await page.getByRole('tab', { name: '规则' }).click();
    await page.getByTestId('rule-create').click();
    const editor = page.getByTestId('rule-editor');
    await editor.getByTestId('rule-name').fill('每周检查');
    await editor.getByTestId('trigger-type').click();
    await option('按计划').click();
    await editor.getByTestId('trigger-cron').fill('每周一九点');
    await editor.getByTestId('rule-save').click();
    await editor
      .getByTestId('rule-problems')
      .getByText(/不是有效的 cron 表达式/)
      .waitFor();
    await shot(page, '74-workflow-bad-cron');
    await page.keyboard.press('Escape');
    await editor.waitFor({ state: 'detached' });
    assert.equal((await api.call<{ data: unknown[] }>('GET', '/workflow-rules')).data.length, 1);

    await switchLanguage(page, 'English');
    await page.getByText('New rule').waitFor();
    await page.getByTestId('rules-table').getByText('Record created').waitFor();
    await shot(page, '75-workflow-rules-en');
  });
});
