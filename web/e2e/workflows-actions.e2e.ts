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

type Rule = { id: string; name: string; conditions: unknown; actions: Record<string, unknown>[] };

/** Picks an option of the open antd select by its text. */
const option = (text: string | RegExp) =>
  page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: text }).first();
/** Adds an action from the menu; under load a click can land while the menu animates, so it checks the card came. */
const addAction = async (label: string) => {
  const editor = page.getByTestId('rule-editor');
  const cards = editor.getByTestId('action-card');
  const before = await cards.count();
  for (let i = 0; i < 4 && (await cards.count()) === before; i++) {
    const menu = page.locator('.ant-dropdown:not(.ant-dropdown-hidden)');
    if (!(await menu.isVisible())) await editor.getByTestId('action-add').click();
    await menu.locator('.ant-dropdown-menu-item', { hasText: label }).click();
    await page.waitForTimeout(400);
  }
  await cards.nth(before).waitFor();
};
const rules = async () => (await api.call<{ data: Rule[] }>('GET', '/workflow-rules')).data;

describe('Workflow rules: approval, pool, related record, wait; conditions on the company', { concurrency: false }, () => {
  let processId: string;
  let poolId: string;

  before(async () => {
    server = await startServer();
    browser = await launch();
    ctx = await newContext(browser, server.url, { viewport: DESKTOP, locale: 'zh-CN' });
    page = await ctx.newPage();
    api = await Api.login(server.url);
    await login(page, ADMIN.email, ADMIN.password);
    processId = (
      await api.call<{ id: string }>('POST', '/approval-processes', {
        object: 'company',
        name: '新客户审批',
        steps: [{ name: '经理', approvers: [{ type: 'manager', level: 1 }] }],
        enabled: true,
      })
    ).id;
    poolId = (await api.call<{ id: string }>('POST', '/pools', { name: '华南公海' })).id;
  });
  afterEach(keepFailure(() => page));
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('an admin builds a company rule with the four new actions, dry-runs it and saves it (zh-CN)', async () => {
    const company = await api.call<{ id: string }>('POST', '/companies', { name: '珠江电子', industry: '制造业' });
    await page.goto('/settings/workflow-rules');
    await page.getByTestId('rule-create').click();
    const editor = page.getByTestId('rule-editor');
    await editor.getByTestId('rule-name').fill('新公司：送审、建商机、两天后退回公海');
    await editor.getByTestId('rule-object').click();
    await option(/^客户$/).click();

    await addAction('发起审批');
    await editor.getByTestId('approval-process').click();
    await option('新客户审批').click();
    await editor.getByTestId('approval-comment').fill('请审批 {{name}}');

    await addAction('创建关联记录');
    await editor.getByTestId('related-row').first().getByTestId('value-template').fill('{{name}} 首单');
    await editor.getByText('添加字段').last().click();
    const second = editor.getByTestId('related-row').nth(1);
    await second.getByTestId('related-field').click();
    await page.keyboard.type('公司');
    await option(/^公司$/).click();
    await second.getByTestId('value-kind').click();
    await option('取记录的字段').click();
    await second.getByTestId('value-copy').click();
    await option('本记录（其 ID）').click();

    await addAction('等待后继续');
    // antd puts the test id on the InputNumber's input itself.
    await editor.locator('input[data-testid="wait-days"], [data-testid="wait-days"] input').first().fill('2');

    await addAction('退回公海');
    await editor.getByTestId('pool-pick').click();
    await option('华南公海').click();
    await editor.getByTestId('pool-reason').fill('两天未成交：{{name}}');
    await shot(page, '76-workflow-new-actions');

    // Dry run on the company: all four would run; the new deal's values and the wait's moment show; nothing is written.
    await editor.getByTestId('dry-run').getByTestId('lookup-select').click();
    await editor.getByTestId('dry-run').getByTestId('lookup-select').locator('input').fill('珠江');
    await option('珠江电子').click();
    await editor.getByTestId('dry-run-go').click();
    const result = editor.getByTestId('dry-run-result');
    await result.getByText('规则会在这条记录上执行').waitFor();
    await result.getByText(/珠江电子 首单/).waitFor();
    await result.getByText(/继续时间/).waitFor();
    assert.equal(await result.getByTestId('run-status').filter({ hasText: '将执行' }).count(), 4);
    await result.scrollIntoViewIfNeeded();
    await shot(page, '77-workflow-new-actions-dry-run');
    const deals = await api.call<{ data: unknown[] }>('GET', `/deals?filter=${encodeURIComponent(JSON.stringify({ companyId: { eq: company.id } }))}`);
    assert.equal(deals.data.length, 0);

    await editor.getByTestId('rule-save').click();
    await editor.waitFor({ state: 'detached' });
    const saved = (await rules()).find((r) => r.name.startsWith('新公司'));
    assert.deepEqual(saved?.actions, [
      { type: 'start_approval', processId, comment: '请审批 {{name}}' },
      {
        type: 'create_record',
        object: 'deal',
        values: [
          { field: 'name', value: { kind: 'template', template: '{{name}} 首单' } },
          { field: 'companyId', value: { kind: 'copy', from: 'id' } },
        ],
      },
      { type: 'wait', days: 2, hours: 0, minutes: 0 },
      { type: 'move_to_pool', poolId, reason: '两天未成交：{{name}}' },
    ]);
    await page.getByTestId('rules-table').getByText('新公司：送审、建商机、两天后退回公海').waitFor();
    await shot(page, '78-workflow-new-actions-list');
  });

  test("a contact rule's condition reads the contact's company (客户 · 行业); an unknown one is refused in Chinese", async () => {
    await page.goto('/settings/workflow-rules');
    const count = (await rules()).length;
    await page.getByTestId('rule-create').click();
    const editor = page.getByTestId('rule-editor');
    await editor.getByTestId('rule-name').fill('制造业联系人');
    await editor.getByTestId('filter-add').click();
    await editor.getByTestId('filter-field').click();
    await editor.getByTestId('filter-field').locator('input').fill('客户 · 行业');
    await option(/^客户 · 行业$/).click();
    await editor.getByTestId('filter-value').fill('制造业');
    await addAction('添加标签');
    await editor.getByTestId('action-tags').click();
    await page.keyboard.type('制造业');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await shot(page, '79-workflow-related-condition');
    await editor.getByTestId('rule-save').click();
    await editor.waitFor({ state: 'detached' });
    const saved = (await rules()).find((r) => r.name === '制造业联系人');
    assert.deepEqual(saved?.conditions, { 'company.industry': { contains: '制造业' } });

    // The API refuses a related field that does not exist, in the caller's language, and saves nothing.
    const login = await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-requested-with': 'kehu' },
      body: JSON.stringify({ email: ADMIN.email, password: ADMIN.password }),
    });
    const { token } = (await login.json()) as { token: string };
    const res = await fetch(`${server.url}/api/v1/workflow-rules`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'accept-language': 'zh-CN' },
      body: JSON.stringify({ name: 'x', object: 'contact', trigger: { type: 'created' }, conditions: { 'company.shoeSize': { eq: 1 } }, actions: [] }),
    });
    assert.equal(res.status, 400);
    assert.match(JSON.stringify(await res.json()), /不能按未知字段 company.shoeSize 筛选/);
    assert.equal((await rules()).length, count + 1);
  });

  test('the builder reads in English', async () => {
    await page.goto('/settings/workflow-rules');
    await switchLanguage(page, 'English');
    await page.getByTestId('rules-table').locator('tr', { hasText: '新公司：送审、建商机、两天后退回公海' }).getByTestId('rule-edit').click();
    const editor = page.getByTestId('rule-editor');
    for (const title of ['Start an approval', 'Create a related record', 'Wait, then continue', 'Move to the public pool'])
      await editor.getByTestId('action-card').filter({ hasText: title }).first().waitFor();
    await editor.getByText('The first process whose entry criteria the record meets').or(editor.getByText('新客户审批')).first().waitFor();
    await shot(page, '80-workflow-new-actions-en');
  });
});
