import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { after, afterEach, before, describe, test } from 'node:test';
import nodemailer from 'nodemailer';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { Api } from './support/api';
import { DESKTOP, keepFailure, launch, newContext, shot, switchLanguage } from './support/browser';
import { login } from './support/login';
import { ADMIN, type RunningServer, startServer } from './support/server';

let server: RunningServer;
let browser: Browser;
let api: Api;
let smtpPort = 0;
const contexts: BrowserContext[] = [];
let current: Page | undefined;
const PASSWORD = 'Tickets-e2e-pass-1';
const AGENT = 'agent-li@kehu.test';

type Ticket = { id: string; number: string; subject: string; status: string; priority: string; contactId: string | null };

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });

/** Picks an option of the open antd select by its text. */
const option = (page: Page, text: string | RegExp) =>
  page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: text }).first();

async function pageAs(email: string, password: string, locale: string): Promise<Page> {
  const ctx = await newContext(browser, server.url, { viewport: DESKTOP, locale });
  contexts.push(ctx);
  const page = await ctx.newPage();
  await login(page, email, password);
  current = page;
  return page;
}

/** A customer's e-mail into the server's own SMTP listener, as a mail client sends it. */
async function customerMail(o: { from: string; subject: string; text?: string; html?: string; inReplyTo?: string }) {
  const mailer = nodemailer.createTransport({ host: '127.0.0.1', port: smtpPort, secure: false, ignoreTLS: true });
  await mailer.sendMail({ to: 'support@kehu.local', ...o });
  mailer.close();
}

async function ticketBySubject(subject: string): Promise<Ticket> {
  for (let i = 0; i < 20; i++) {
    const found = (await api.call<{ data: Ticket[] }>('GET', `/tickets?q=${encodeURIComponent(subject)}`)).data.find((x) => x.subject === subject);
    if (found) return found;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`no ticket ${subject}`);
}

describe('Tickets', { concurrency: false }, () => {
  let contactId = '';
  before(async () => {
    smtpPort = await freePort();
    process.env.KEHU_SMTP_INBOUND_PORT = String(smtpPort);
    process.env.KEHU_SMTP_INBOUND_HOST = '127.0.0.1';
    server = await startServer();
    delete process.env.KEHU_SMTP_INBOUND_PORT;
    browser = await launch();
    api = await Api.login(server.url);
    const roles = (await api.call<{ data: { id: string; name: string }[] }>('GET', '/roles?limit=50')).data;
    const manager = roles.find((r) => r.name === 'Sales Manager')?.id as string;
    await api.call('POST', '/users', { email: AGENT, name: '李客服', password: PASSWORD, roleIds: [manager] });
    const company = await api.call<{ id: string }>('POST', '/companies', { name: '星辰科技有限公司' });
    const contact = await api.call<{ id: string }>('POST', '/contacts', {
      name: '韩梅梅',
      companyId: company.id,
      emails: [{ address: 'han.meimei@xingchen.test' }],
    });
    contactId = contact.id;
    await api.call('POST', '/deals', { name: '星辰科技 年度订阅', amount: '186000', companyId: company.id, contactId });
  });
  afterEach(keepFailure(() => current));
  after(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await browser?.close();
    await server?.stop();
  });

  test('zh-CN: a customer e-mail becomes a ticket; the agent sees the customer and deals, sets priority, mentions a colleague and replies', async () => {
    await customerMail({
      from: '"韩梅梅" <han.meimei@xingchen.test>',
      subject: '报表页面一直转圈',
      html: '<p>你好，今天早上开始<b>销售报表</b>一直在加载。</p><script>alert(1)</script>',
    });
    const ticket = await ticketBySubject('报表页面一直转圈');
    assert.equal(ticket.contactId, contactId);
    const page = await pageAs(ADMIN.email, ADMIN.password, 'zh-CN');
    await page.getByRole('menuitem', { name: '工单' }).click();
    await page.getByText('报表页面一直转圈').first().waitFor();
    await shot(page, 'tickets-zh-list');
    await page.getByText(ticket.number).first().click();
    await page.getByTestId('ticket-detail').waitFor();
    await page.getByTestId('ticket-thread').getByText('销售报表').waitFor();
    await page.getByTestId('ticket-customer-deals').getByText('星辰科技 年度订阅').waitFor();
    // Priority: high.
    await page.getByTestId('ticket-priority').click();
    await option(page, '高').click();
    await page.getByText('已保存').first().waitFor();
    // An internal note mentioning a colleague.
    await page.getByTestId('ticket-composer').getByText('内部备注').click();
    await page.getByTestId('ticket-composer-body').locator('textarea').fill('@李客服 请帮忙确认报表服务 ');
    await page.getByTestId('ticket-composer-send').click();
    await page.getByTestId('ticket-thread').locator('[data-kind=note]').waitFor();
    // A public reply, e-mailed to the customer; the ticket then waits on them.
    await page.getByTestId('ticket-composer').getByText('公开回复').click();
    await page.getByTestId('ticket-composer-body').locator('textarea').fill('您好，我们已定位问题，请刷新页面后重试。');
    await page.getByTestId('ticket-composer-send').click();
    await page.getByTestId('ticket-thread').locator('[data-kind=reply]').waitFor();
    await page.getByTestId('ticket-status-tag').filter({ hasText: '等待客户' }).waitFor();
    await shot(page, 'tickets-zh-detail');
    // The ticket's history (its timeline's field changes) shows the new priority.
    const history = page.getByTestId('ticket-history');
    await history.filter({ hasText: '优先级' }).waitFor();
    assert.match(await history.innerText(), /高/);
    await history.scrollIntoViewIfNeeded();
    await shot(page, 'tickets-zh-history');
    const after = await api.call<Ticket>('GET', `/tickets/${ticket.id}`);
    assert.equal(after.priority, 'high');
    assert.equal(after.status, 'waiting_customer');
    const agentApi = await Api.login(server.url, AGENT, PASSWORD);
    const bell = await agentApi.call<{ data: { kind: string }[] }>('GET', '/notifications');
    assert.equal(bell.data[0]?.kind, 'mention');
    // The customer answers the e-mail: it threads into the same ticket and reopens it.
    await customerMail({ from: 'han.meimei@xingchen.test', subject: `回复：[${ticket.number}] 报表页面一直转圈`, text: '刷新后好了，谢谢！' });
    for (let i = 0; i < 20 && (await api.call<Ticket>('GET', `/tickets/${ticket.id}`)).status !== 'open'; i++) await page.waitForTimeout(250);
    await page.reload();
    await page.getByTestId('ticket-thread').getByText('刷新后好了，谢谢！').waitFor();
    await page.getByTestId('ticket-status-tag').filter({ hasText: '处理中' }).waitFor();
  });

  test('en: an agent logs a phone ticket for the customer, who then shows their other tickets and deals; both tickets in the list and on the contact page (Tickets tab)', async () => {
    const page = await pageAs(ADMIN.email, ADMIN.password, 'en');
    await switchLanguage(page, 'English');
    await page.goto(`/tickets/new?contactId=${contactId}`);
    await page.getByLabel('Subject').fill('Cannot print invoices');
    await page.getByRole('button', { name: 'Create' }).click();
    await page.getByTestId('ticket-detail').waitFor();
    await page.getByTestId('ticket-number').waitFor();
    await page.getByTestId('ticket-customer-tickets').getByText('报表页面一直转圈').waitFor();
    await page.getByTestId('ticket-customer-deals').getByText('Open').waitFor();
    await page.getByTestId('ticket-composer-body').locator('textarea').fill('Customer called; printer driver issue suspected.');
    await page.getByTestId('ticket-composer').getByText('Internal note').click();
    await page.getByTestId('ticket-composer-send').click();
    await page.getByTestId('ticket-thread').locator('[data-kind=note]').waitFor();
    await shot(page, 'tickets-en-detail');
    await page.goto('/tickets');
    await page.getByText('Cannot print invoices').first().waitFor();
    await page.getByText('TK-').nth(1).waitFor();
    await page.getByText('Open', { exact: true }).first().waitFor();
    await page.getByText('New', { exact: true }).first().waitFor();
    await shot(page, 'tickets-en-list');
    // The customer 360 page has a Tickets tab.
    await page.goto(`/contacts/${contactId}`);
    await page.getByRole('tab', { name: 'Tickets' }).click();
    await page.getByTestId('related-tickets').getByText('Cannot print invoices').waitFor();
    await page.getByTestId('related-tickets').getByText('报表页面一直转圈').waitFor();
    await shot(page, 'tickets-en-contact-tab');
  });
});
