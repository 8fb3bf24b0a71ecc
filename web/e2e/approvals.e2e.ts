import assert from 'node:assert/strict';
import { after, afterEach, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { Api } from './support/api';
import { DESKTOP, keepFailure, launch, newContext, PHONE, shot, switchLanguage } from './support/browser';
import { login } from './support/login';
import { ADMIN, type RunningServer, startServer } from './support/server';

let server: RunningServer;
let browser: Browser;
let admin: Page;
let api: Api;
const contexts: BrowserContext[] = [];
const PASSWORD = 'Approver-e2e-pass-1';
const people = { manager: 'approval-manager@kehu.test', rep: 'approval-rep@kehu.test' };
let current: Page | undefined;

type Request = { id: string; status: string };

/** Picks an option of the open antd select by its text. */
const option = (page: Page, text: string | RegExp) =>
  page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: text }).first();

async function pageAs(email: string, viewport = DESKTOP, locale = 'zh-CN'): Promise<Page> {
  const ctx = await newContext(browser, server.url, { viewport, locale });
  contexts.push(ctx);
  const page = await ctx.newPage();
  await login(page, email, PASSWORD);
  current = page;
  return page;
}

describe('Approvals', { concurrency: false }, () => {
  let repApi: Api;
  before(async () => {
    server = await startServer();
    browser = await launch();
    const ctx = await newContext(browser, server.url, { viewport: DESKTOP, locale: 'zh-CN' });
    contexts.push(ctx);
    admin = await ctx.newPage();
    current = admin;
    api = await Api.login(server.url);
    await login(admin, ADMIN.email, ADMIN.password);
    // A sales team whose manager approves what its reps submit.
    const roles = (await api.call<{ data: { id: string; name: string }[] }>('GET', '/roles?limit=50')).data;
    const role = (name: string) => roles.find((r) => r.name === name)?.id as string;
    const manager = await api.call<{ id: string }>('POST', '/users', {
      email: people.manager,
      name: '孙经理',
      password: PASSWORD,
      roleIds: [role('Sales Manager')],
    });
    const team = await api.call<{ id: string }>('POST', '/teams', { name: '华东销售部', managerId: manager.id });
    await api.call('PATCH', `/users/${manager.id}`, { teamId: team.id });
    await api.call('POST', '/users', { email: people.rep, name: '钱销售', password: PASSWORD, roleIds: [role('Sales Rep')], teamId: team.id });
    repApi = await Api.login(server.url, people.rep, PASSWORD);
  });
  afterEach(keepFailure(() => current));
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('an admin designs a two-step process in Settings', async () => {
    current = admin;
    await admin.goto('/settings/approval-processes');
    await admin.getByTestId('new-process').click();
    await admin.getByTestId('process-object').click();
    await option(admin, '商机').click();
    await admin.getByTestId('process-name').fill('大额商机审批');
    await admin.getByTestId('step-name-0').fill('经理审批');
    await admin.getByTestId('add-step').click();
    await admin.getByTestId('step-name-1').fill('总监审批');
    // The second step asks a named user: the approver's type, then the user.
    const step2 = admin.getByTestId('process-step-1');
    await step2.locator('.ant-select').nth(1).click();
    await option(admin, '指定用户').click();
    await step2.locator('.ant-select').nth(2).click();
    await option(admin, '孙经理').click();
    await shot(admin, 'approvals-designer');
    await admin.getByTestId('process-save').click();
    await admin.locator('.ant-table-row', { hasText: '大额商机审批' }).waitFor();
    const processes = (await api.call<{ data: { id: string; steps: { approvers: { type: string }[] }[] }[] }>('GET', '/approval-processes')).data;
    assert.equal(processes.length, 1);
    assert.deepEqual(
      processes[0]?.steps.map((s) => s.approvers.map((a) => a.type)),
      [['manager'], ['user']],
    );
    // The entry criteria and the second step's threshold, as the filter grammar (the builder writes the same).
    await api.call('PATCH', `/approval-processes/${processes[0]?.id}`, {
      criteria: { amount: { gt: 1000000 } },
      steps: [
        { name: '经理审批', approvers: [{ type: 'manager', level: 1 }] },
        {
          name: '总监审批',
          approvers: [{ type: 'user', userId: (await api.call<{ user: { id: string } }>('GET', '/auth/me')).user.id }],
          criteria: { amount: { gt: 3000000 } },
        },
      ],
      onApproved: { fieldUpdates: [{ field: 'description', value: '审批通过' }], notify: ['submitter'] },
    });
    await admin.reload();
    await admin.locator('.ant-table-row', { hasText: '总监审批' }).waitFor();
    await shot(admin, 'approvals-processes');
  });

  test('a rep submits a deal from its page; it is locked while pending', async () => {
    const deal = await repApi.call<{ id: string }>('POST', '/deals', { name: '云帆 二期 MES', amount: '2000000' });
    const rep = await pageAs(people.rep);
    await rep.goto(`/deals/${deal.id}`);
    await rep.getByTestId('mark-won').waitFor();
    await rep.getByTestId('approval-submit').click();
    await rep.getByTestId('approval-submit-ok').click();
    await rep.getByTestId('approval-locked').waitFor();
    await rep.getByTestId('approval-recall').waitFor();
    // The page no longer offers what the lock refuses: no Won / Lost, no Edit.
    await rep.getByTestId('mark-won').waitFor({ state: 'detached' });
    assert.equal(await rep.getByTestId('mark-lost').count(), 0);
    assert.equal(await rep.getByTestId('deal-edit').count(), 0);
    await shot(rep, 'approvals-record-pending');
    // The lock holds in the API too.
    await assert.rejects(repApi.call('PATCH', `/deals/${deal.id}`, { description: 'x' }), /423/);
  });

  test('the manager approves it from the inbox at phone width', async () => {
    const phone = await pageAs(people.manager, PHONE);
    await phone.goto('/approvals');
    const card = phone.getByTestId('approval-card').filter({ hasText: '云帆 二期 MES' });
    await card.waitFor();
    await shot(phone, 'approvals-inbox-phone');
    await card.getByTestId('approval-approve').click();
    await phone.getByTestId('approval-comment').fill('同意');
    await phone.getByTestId('approval-confirm').click();
    await phone.getByText('没有待您审批的事项').waitFor();
    await shot(phone, 'approvals-inbox-phone-done');
    const mine = await repApi.call<{ data: (Request & { steps: { state: string }[] })[] }>('GET', '/approvals?box=submitted');
    assert.equal(mine.data[0]?.status, 'approved');
    assert.deepEqual(
      mine.data[0]?.steps.map((s) => s.state),
      ['approved', 'skipped'],
    );
  });

  test('a rejection needs a comment; the record page shows the history in English', async () => {
    const deal = await repApi.call<{ id: string }>('POST', '/deals', { name: 'Contoso – Global rollout', amount: '1500000' });
    await repApi.call('POST', '/approvals', { object: 'deal', recordId: deal.id });
    const manager = await pageAs(people.manager, DESKTOP, 'en');
    await manager.goto(`/deals/${deal.id}`);
    await switchLanguage(manager, 'English');
    await manager.getByTestId('approval-reject').click();
    await manager.getByTestId('approval-confirm').click();
    await manager.getByText('Say why you reject it').waitFor();
    await manager.getByTestId('approval-comment').fill('Discount too deep');
    await manager.getByTestId('approval-confirm').click();
    await manager.getByTestId('approval-latest').getByText('Rejected').waitFor();
    await manager.getByTestId('approval-panel').getByText('History (1)').click();
    await manager.getByText('“Discount too deep”').first().waitFor();
    await shot(manager, 'approvals-record-rejected-en');
  });
});
