import assert from 'node:assert/strict';
import { after, afterEach, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { choose, clickUntilGone } from './support/antd';
import { Api } from './support/api';
import { DESKTOP, keepFailure, launch, newContext, shot } from './support/browser';
import { login } from './support/login';
import { ADMIN, type RunningServer, startServer } from './support/server';

let server: RunningServer;
let browser: Browser;
let api: Api;
const contexts: BrowserContext[] = [];
let current: Page | undefined;

type Policy = {
  id: string;
  name: string;
  priority: string | null;
  customerTier: string | null;
  firstResponseMinutes: number | null;
  resolutionMinutes: number | null;
  escalatePriority: boolean;
};
type Ticket = { id: string; number: string; slaPolicy: { name: string } | null; firstResponseDueAt: string | null };

async function pageAs(locale: string): Promise<Page> {
  const ctx = await newContext(browser, server.url, { viewport: DESKTOP, locale });
  contexts.push(ctx);
  const page = await ctx.newPage();
  await login(page, ADMIN.email, ADMIN.password);
  current = page;
  return page;
}

const policies = async () => (await api.call<{ data: Policy[] }>('GET', '/ticket-sla-policies?limit=50')).data;

describe('SLA policies and the ticket SLA card', { concurrency: false }, () => {
  let breaching: Ticket;
  before(async () => {
    server = await startServer();
    browser = await launch();
    api = await Api.login(server.url);
    // A round-the-clock calendar and a 1-minute first response: this ticket is overdue by the time the browser looks.
    const allDay = [{ start: '00:00', end: '24:00' }];
    const calendar = await api.call<{ id: string }>('POST', '/business-calendars', {
      name: '全天 24x7',
      timeZone: 'Asia/Shanghai',
      week: Array(7).fill(allDay),
    });
    await api.call('POST', '/ticket-sla-policies', {
      name: '加急 Fast',
      priority: 'high',
      firstResponseMinutes: 1,
      resolutionMinutes: 600,
      calendarId: calendar.id,
    });
    breaching = await api.call<Ticket>('POST', '/tickets', { subject: '网关超时 Gateway timeout', priority: 'high', channel: 'phone' });
    assert.equal(breaching.slaPolicy?.name, '加急 Fast');
  });
  afterEach(keepFailure(() => current));
  after(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await browser?.close();
    await server?.stop();
  });

  test('zh-CN: an admin creates, edits and deletes SLA policies; bad input is refused; the reopen rules are saved', async () => {
    const page = await pageAs('zh-CN');
    await page.goto('/settings/ticket-sla');
    await page.getByTestId('sla-table').getByText('加急 Fast').waitFor();

    // No target at all: the form says so and nothing is saved.
    await page.getByTestId('sla-new').click();
    await page.getByTestId('sla-name').fill('空策略');
    await page.getByTestId('sla-save').click();
    await page.getByText('请设置首次响应或解决时限').waitFor();
    await shot(page, 'ticket-sla-zh-bad-input');
    assert.equal((await policies()).length, 1);

    await page.getByTestId('sla-name').fill('VIP 紧急');
    await choose(page, page.getByTestId('sla-priority'), '紧急');
    await page.getByTestId('sla-tier').fill('VIP');
    await page.getByTestId('sla-first-response').fill('0.5');
    await page.getByTestId('sla-resolution').fill('4');
    await choose(page, page.getByTestId('sla-calendar'), '全天 24x7');
    await page.getByTestId('sla-escalate-priority').click();
    await clickUntilGone(page.getByTestId('sla-save'));
    const row = page.getByTestId('sla-table').locator('tr', { hasText: 'VIP 紧急' });
    await row.getByText('30 工作分钟').waitFor();
    await row.getByText('4 工作小时').waitFor();
    await row.getByText('等级 VIP').waitFor();
    await row.getByText('通知主管 · 提高优先级').waitFor();
    const vip = (await policies()).find((p) => p.name === 'VIP 紧急');
    assert.deepEqual(
      { priority: vip?.priority, tier: vip?.customerTier, first: vip?.firstResponseMinutes, resolution: vip?.resolutionMinutes, raise: vip?.escalatePriority },
      { priority: 'urgent', tier: 'VIP', first: 30, resolution: 240, raise: true },
    );

    // Edit: a longer resolution target.
    await row.getByText('VIP 紧急').click();
    await page.getByTestId('sla-resolution').fill('8');
    await clickUntilGone(page.getByTestId('sla-save'));
    await row.getByText('8 工作小时').waitFor();

    // A throwaway policy, deleted again.
    await page.getByTestId('sla-new').click();
    await page.getByTestId('sla-name').fill('临时策略');
    await page.getByTestId('sla-resolution').fill('40');
    await clickUntilGone(page.getByTestId('sla-save'));
    const temp = page.getByTestId('sla-table').locator('tr', { hasText: '临时策略' });
    await temp.waitFor();
    await temp.getByText('删除').click();
    await page.locator('.ant-modal-confirm .ant-btn-dangerous').click();
    await temp.waitFor({ state: 'detached' });
    assert.deepEqual((await policies()).map((p) => p.name).sort(), ['VIP 紧急', '加急 Fast'].sort());

    // The desk: resolved tickets reopen within 7 days; a reply to a closed ticket reopens it.
    const desk = page.getByTestId('desk-settings');
    await desk.getByTestId('desk-reopen-days').fill('7');
    await desk.getByText('重新打开（同样的天数内）').click();
    await desk.getByTestId('desk-save').click();
    await page.locator('.ant-message-notice', { hasText: '已保存' }).first().waitFor();
    assert.deepEqual(await api.call('GET', '/ticket-desk-settings'), { reopenWithinDays: 7, closedReply: 'reopen', version: 1 });
    await shot(page, 'ticket-sla-zh-settings');
  });

  test('zh-CN: the ticket page shows each target with time left, overdue and breached', async () => {
    const page = await pageAs('zh-CN');
    // The 1-minute first response of the ticket made before the first test has passed by now.
    const wait = new Date(breaching.firstResponseDueAt as string).getTime() + 2_000 - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    await page.goto(`/tickets/${breaching.id}`);
    const card = page.getByTestId('ticket-sla-card');
    await card.getByText('策略: 加急 Fast').waitFor();
    await page.getByTestId('ticket-sla').filter({ hasText: '已违约' }).waitFor();
    await page.getByTestId('ticket-sla-firstResponse-state').filter({ hasText: '已违约' }).waitFor();
    await page
      .getByTestId('ticket-sla-firstResponse')
      .getByText(/^已超时 [1-9]\d*分钟$/)
      .waitFor();
    await page.getByTestId('ticket-sla-resolution-state').filter({ hasText: '正常' }).waitFor();
    await page
      .getByTestId('ticket-sla-resolution')
      .getByText(/^剩余 9小时\d+分钟$/)
      .waitFor();
    await shot(page, 'ticket-sla-zh-breached');

    // Waiting on the customer: the resolution clock pauses (the missed first response stays breached).
    await api.call('PATCH', `/tickets/${breaching.id}`, { status: 'waiting_customer' });
    await page.reload();
    await page.getByTestId('ticket-sla-resolution-state').filter({ hasText: '已暂停' }).waitFor();
    await page.getByTestId('ticket-sla-resolution').getByText('等待客户回复，计时暂停').waitFor();
    await page.getByTestId('ticket-sla-firstResponse-state').filter({ hasText: '已违约' }).waitFor();
  });

  test('en: a ticket on track shows its targets and the time left', async () => {
    const calendarId = (await api.call<{ data: { id: string; name: string }[] }>('GET', '/business-calendars')).data.find((c) => c.name === '全天 24x7')?.id;
    await api.call('POST', '/ticket-sla-policies', {
      name: 'Standard',
      priority: 'normal',
      firstResponseMinutes: 120,
      resolutionMinutes: 600,
      warnBeforeMinutes: 0,
      calendarId,
    });
    const ticket = await api.call<Ticket>('POST', '/tickets', { subject: 'Invoice copy', priority: 'normal', channel: 'email' });
    assert.equal(ticket.slaPolicy?.name, 'Standard');
    const page = await pageAs('en');
    await page.goto(`/tickets/${ticket.id}`);
    await page.getByTestId('ticket-sla').filter({ hasText: 'On track' }).waitFor();
    await page.getByTestId('ticket-sla-firstResponse-state').filter({ hasText: 'On track' }).waitFor();
    await page
      .getByTestId('ticket-sla-firstResponse')
      .getByText(/^(1 h 5\d min|2 h) left$/)
      .waitFor();
    await page
      .getByTestId('ticket-sla-resolution')
      .getByText(/^(9 h 5\d min|10 h) left$/)
      .waitFor();
    await page.getByTestId('ticket-sla-resolution').getByText(/^Due /).waitFor();
    await shot(page, 'ticket-sla-en-on-track');
  });
});
