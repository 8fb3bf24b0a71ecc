import assert from 'node:assert/strict';
import { after, afterEach, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { choose, clickUntilGone, option } from './support/antd';
import { Api } from './support/api';
import { DESKTOP, keepFailure, launch, newContext, shot, switchLanguage } from './support/browser';
import { login } from './support/login';
import { ADMIN, type RunningServer, startServer } from './support/server';

let server: RunningServer;
let browser: Browser;
let api: Api;
const contexts: BrowserContext[] = [];
let current: Page | undefined;
const PASSWORD = 'Desk-e2e-pass-1';
const AGENT = 'agent-zhao@kehu.test';

type Ticket = { id: string; number: string; subject: string; status: string; assigneeId: string | null; queueId: string | null; mergedIntoId: string | null };

async function pageAs(email: string, password: string, locale: string): Promise<Page> {
  const ctx = await newContext(browser, server.url, { viewport: DESKTOP, locale });
  contexts.push(ctx);
  const page = await ctx.newPage();
  await login(page, email, password);
  current = page;
  return page;
}

describe('Service desk: queues, macros, merge and split', { concurrency: false }, () => {
  let contactId = '';
  let agentId = '';
  before(async () => {
    server = await startServer();
    browser = await launch();
    api = await Api.login(server.url);
    const roles = (await api.call<{ data: { id: string; name: string }[] }>('GET', '/roles?limit=50')).data;
    const manager = roles.find((r) => r.name === 'Sales Manager')?.id as string;
    agentId = (await api.call<{ id: string }>('POST', '/users', { email: AGENT, name: '赵客服', password: PASSWORD, roleIds: [manager] })).id;
    // The agent's own customer: a macro's merge fields are read as the agent (their scope).
    contactId = (await api.call<{ id: string }>('POST', '/contacts', { name: '韩梅梅', emails: [{ address: 'han@desk.test' }], ownerId: agentId })).id;
  });
  afterEach(keepFailure(() => current));
  after(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await browser?.close();
    await server?.stop();
  });

  test('zh-CN: an admin sets up a queue and a macro; a new ticket in the queue goes to the agent, who applies the macro', async () => {
    const page = await pageAs(ADMIN.email, ADMIN.password, 'zh-CN');
    await page.goto('/settings/ticket-queues');
    await page.getByTestId('queue-new').click();
    await page.getByTestId('queue-name').fill('售后一线');
    await page.getByTestId('queue-add-member').click();
    const member = page.getByTestId('queue-member').first();
    await choose(page, member.locator('.ant-select').first(), '赵客服', { search: '赵' });
    await member.locator('.ant-select').nth(1).locator('input').fill('发票');
    await page.keyboard.press('Enter');
    await clickUntilGone(page.getByTestId('queue-save'));
    await page.getByTestId('queues-table').getByText('售后一线').waitFor();
    await page.getByTestId('queues-table').getByText('赵客服 · 发票').waitFor();
    await page.getByTestId('agents-card').getByText('赵客服').waitFor();
    await shot(page, 'service-desk-zh-queues');

    await page.goto('/settings/ticket-macros');
    await page.getByTestId('macro-new').click();
    await page.getByTestId('macro-name').fill('已处理');
    await page.getByTestId('macro-body').fill('{{contact.name}} 您好，工单 {{record.number}} 已处理，如有问题请直接回复。');
    await choose(page, page.getByTestId('macro-status'), '已解决');
    await clickUntilGone(page.getByTestId('macro-save'));
    await page.getByTestId('macros-table').getByText('已处理').waitFor();
    await shot(page, 'service-desk-zh-macros');

    const queues = (await api.call<{ data: { id: string; name: string }[] }>('GET', '/ticket-queues')).data;
    const queueId = queues.find((q) => q.name === '售后一线')?.id;
    const ticket = await api.call<Ticket>('POST', '/tickets', { subject: '发票抬头错误', contactId, queueId });
    assert.equal(ticket.assigneeId, agentId);

    const agent = await pageAs(AGENT, PASSWORD, 'zh-CN');
    await agent.goto(`/tickets/${ticket.id}`);
    await agent.getByTestId('ticket-queue').filter({ hasText: '售后一线' }).waitFor();
    await agent.getByTestId('my-availability').waitFor();
    // The macro select clears itself after applying, so `choose` (which waits for the pick to show) does not fit.
    await agent.getByTestId('ticket-macro').click();
    await option(agent, '已处理').click();
    const body = agent.getByTestId('ticket-composer-body').locator('textarea');
    await agent.waitForFunction(() =>
      (document.querySelector('[data-testid=ticket-composer-body] textarea') as HTMLTextAreaElement | null)?.value.includes('韩梅梅'),
    );
    assert.equal(await body.inputValue(), `韩梅梅 您好，工单 ${ticket.number} 已处理，如有问题请直接回复。`);
    await agent.getByTestId('ticket-status-tag').filter({ hasText: '已解决' }).waitFor();
    await agent.getByTestId('ticket-composer-send').click();
    await agent.getByTestId('ticket-thread').locator('[data-kind=reply]').waitFor();
    await shot(agent, 'service-desk-zh-macro-applied');
    // The ticket list shows the queue column.
    await agent.goto('/tickets');
    await agent.getByText('发票抬头错误').first().waitFor();
    await agent.getByText('售后一线').first().waitFor();
    await shot(agent, 'service-desk-zh-list');
  });

  test('en: an agent merges a duplicate into the first ticket and splits a message into a new ticket; availability toggles', async () => {
    const first = await api.call<Ticket>('POST', '/tickets', { subject: 'VPN drops every hour', contactId, status: 'open' });
    const dup = await api.call<Ticket>('POST', '/tickets', { subject: 'VPN keeps disconnecting', contactId });
    await api.call('POST', `/tickets/${first.id}/messages`, { kind: 'reply', body: 'Which client version do you use?' });
    await api.call('POST', `/tickets/${dup.id}/messages`, { kind: 'reply', body: 'Also, my printer is offline.' });
    const page = await pageAs(ADMIN.email, ADMIN.password, 'en');
    await switchLanguage(page, 'English');
    await page.goto(`/tickets/${dup.id}`);
    await page.getByTestId('ticket-merge').click();
    await choose(page, page.getByTestId('merge-target'), new RegExp(first.number), { search: first.number });
    await shot(page, 'service-desk-en-merge-dialog');
    await clickUntilGone(page.getByTestId('merge-ok'));
    await page.waitForURL(`**/tickets/${first.id}`);
    await page.getByTestId('ticket-thread').getByText('Also, my printer is offline.').waitFor();
    await page.getByTestId('ticket-thread').getByText(`Merged from ${dup.number}`).waitFor();
    const merged = await api.call<Ticket>('GET', `/tickets/${dup.id}`);
    assert.deepEqual([merged.status, merged.mergedIntoId], ['closed', first.id]);

    // Split the printer message off into its own ticket.
    const printer = page.getByTestId('ticket-thread').locator('[data-kind=reply]', { hasText: 'printer is offline' });
    await printer.getByTestId('message-split').click();
    await clickUntilGone(page.getByTestId('split-ok'));
    await page.waitForURL((url) => !url.pathname.endsWith(first.id));
    await page.getByTestId('ticket-thread').getByText('Also, my printer is offline.').waitFor();
    await page.getByTestId('ticket-thread').getByText(`Split off from ${first.number}`).waitFor();
    await shot(page, 'service-desk-en-split');

    await page.goto(`/tickets/${dup.id}`);
    await page.getByTestId('ticket-merged-into').getByText('VPN drops every hour').waitFor();
    await page.getByText('Available for new tickets').waitFor();
    await page.getByTestId('my-availability').click();
    await page.getByText('Away (no new tickets)').waitFor();
    await shot(page, 'service-desk-en-merged');
    const agents = (await api.call<{ data: { name: string; available: boolean }[] }>('GET', '/ticket-agents')).data;
    assert.equal(agents.find((a) => a.available === false) !== undefined, true);
  });
});
