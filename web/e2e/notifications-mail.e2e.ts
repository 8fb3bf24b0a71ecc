import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, afterEach, before, describe, test } from 'node:test';
import { type ParsedMail, simpleParser } from 'mailparser';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { SMTPServer } from 'smtp-server';
import { Api } from './support/api';
import { DESKTOP, keepFailure, launch, newContext, PHONE, shot, switchLanguage } from './support/browser';
import { login } from './support/login';
import { ADMIN, type RunningServer, startServer } from './support/server';

const REP = { email: 'lina@kehu.test', name: '李娜', password: 'Rep-e2e-pass-1' };

let server: RunningServer;
let browser: Browser;
let ctx: BrowserContext;
let page: Page;
let api: Api;
let smtp: SMTPServer;
let smtpPort = 0;
let refuse = false;
const received: ParsedMail[] = [];

describe('Notifications and e-mail', { concurrency: false }, () => {
  before(async () => {
    // A real SMTP server on loopback; it can be told to refuse (451).
    smtp = new SMTPServer({
      disabledCommands: ['STARTTLS'],
      logger: false,
      // The password the admin typed must reach the server intact (it is stored sealed).
      onAuth(auth, _session, callback) {
        if (auth.username === 'kehu' && auth.password === '密码-secret') return callback(null, { user: 'kehu' });
        return callback(new Error('Invalid username or password'));
      },
      onData(stream, _session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          if (refuse) return callback(Object.assign(new Error('Mailbox busy, try later'), { responseCode: 451 }));
          simpleParser(Buffer.concat(chunks)).then((m) => {
            received.push(m);
            callback();
          }, callback);
        });
      },
    });
    await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', r));
    smtpPort = (smtp.server.address() as AddressInfo).port;
    server = await startServer();
    browser = await launch();
    api = await Api.login(server.url);
  });
  afterEach(keepFailure(() => page));
  after(async () => {
    await browser?.close();
    await server?.stop();
    await new Promise<void>((r) => (smtp ? smtp.close(() => r()) : r()));
  });

  test('an admin sets the SMTP server and sends a test e-mail; a refusal is shown, translated', async () => {
    ctx = await newContext(browser, server.url, { viewport: DESKTOP, locale: 'zh-CN' });
    page = await ctx.newPage();
    await login(page, ADMIN.email, ADMIN.password);
    await page.goto('/settings/mail');
    await page.getByTestId('smtp-host').fill('127.0.0.1');
    await page.getByTestId('smtp-port').fill(String(smtpPort));
    await page.getByTestId('smtp-user').fill('kehu');
    await page.getByTestId('smtp-password').fill('密码-secret');
    await page.getByTestId('smtp-from').fill('Acme 销售 <sales@acme.test>');
    await page.getByTestId('smtp-save').click();
    await page.locator('.ant-message-notice', { hasText: '已保存' }).waitFor();
    await page.getByTestId('smtp-test-to').fill('boss@example.test');
    await page.getByTestId('smtp-test-send').click();
    await page.getByTestId('smtp-test-result').filter({ hasText: '已发送至 boss@example.test' }).waitFor();
    assert.equal(received.length, 1);
    assert.equal(received[0]?.subject, '客户 Kehu 测试邮件');
    assert.match(received[0]?.text ?? '', /SMTP 设置可用/);
    assert.equal(received[0]?.from?.value[0]?.address, 'sales@acme.test');
    // The password is never sent back to the page.
    assert.equal(await page.getByTestId('smtp-password').inputValue(), '');
    await page.getByTestId('sent-log').locator('.ant-tag', { hasText: '已发送' }).first().waitFor();
    await shot(page, 'mail-smtp-settings-zh');

    refuse = true;
    await switchLanguage(page, 'English');
    await page.getByTestId('smtp-test-send').click();
    const failed = page.getByTestId('smtp-test-result');
    await failed.filter({ hasText: 'The test e-mail was not sent' }).waitFor();
    assert.match((await failed.textContent()) ?? '', /451/);
    await page.getByTestId('sent-log').locator('.ant-tag', { hasText: 'Failed' }).first().waitFor();
    await shot(page, 'mail-smtp-test-refused-en');
    refuse = false;
    // The server stays up after a refusal.
    assert.equal((await fetch(`${server.url}/api/health`)).status, 200);
  });

  test('a template refuses an unknown merge field and saves with the picker', async () => {
    await page.goto('/settings/mail-templates');
    await page.getByTestId('template-new').click();
    const modal = page.getByTestId('template-modal');
    await modal.getByTestId('template-name').fill('Quote follow-up');
    await modal.locator('.ant-tabs-tab', { hasText: 'English' }).click();
    await modal.getByTestId('template-subject-en').fill('Your quote, {{contact.nmae}}');
    await page.locator('.ant-modal-footer .ant-btn-primary').click();
    await modal.locator('.ant-form-item-explain-error', { hasText: 'Unknown merge field contact.nmae' }).waitFor();
    await modal.getByTestId('template-subject-en').fill('Your quote, ');
    await modal.getByTestId('template-body-en').fill('Dear ');
    await modal.getByTestId('merge-field-picker').click();
    const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '{{contact.name}}' }).first();
    await option.waitFor();
    await option.click();
    const body = modal.getByTestId('template-body-en');
    for (let i = 0; i < 50 && (await body.inputValue()) !== 'Dear {{contact.name}}'; i++) await page.waitForTimeout(100);
    assert.equal(await body.inputValue(), 'Dear {{contact.name}}');
    await shot(page, 'mail-template-editor-en');
    await page.locator('.ant-modal-footer .ant-btn-primary').click();
    await page.getByTestId('templates-table').locator('.ant-tag', { hasText: 'contact.name' }).waitFor();
    await shot(page, 'mail-templates-en');
  });

  test('the bell counts a lead assigned to a rep without a reload, opens it, and the centre marks all read', async () => {
    const roles = await api.call<{ data: { id: string; name: string }[] }>('GET', '/roles');
    const rep = roles.data.find((r) => r.name === 'Sales Rep');
    const user = await api.call<{ id: string }>('POST', '/users', { email: REP.email, name: REP.name, password: REP.password, roleIds: rep ? [rep.id] : [] });
    const repCtx = await newContext(browser, server.url, { viewport: DESKTOP, locale: 'zh-CN' });
    page = await repCtx.newPage();
    await login(page, REP.email, REP.password);
    const badge = page.getByTestId('notification-badge');
    assert.equal(await badge.locator('.ant-badge-count').count(), 0);

    const lead = await api.call<{ id: string }>('POST', '/leads', { name: '张伟 (华东)', phones: [{ number: '13900139000' }] });
    await api.call('POST', `/leads/${lead.id}/assign`, { userId: user.id });
    const other = await api.call<{ id: string }>('POST', '/leads', { name: '刘洋', phones: [{ number: '13900139001' }] });
    await api.call('POST', `/leads/${other.id}/assign`, { userId: user.id });
    // The bell polls: the count appears without a reload.
    await badge.locator('.ant-badge-count', { hasText: '2' }).waitFor({ timeout: 30_000 });
    await shot(page, 'notifications-bell-badge-zh');

    await page.getByTestId('notification-bell').click();
    const popover = page.getByTestId('notification-popover');
    await popover.getByTestId('notification-item').filter({ hasText: '新线索已分配给您：张伟 (华东)' }).waitFor();
    await shot(page, 'notifications-bell-open-zh');
    await popover.getByTestId('notification-item').filter({ hasText: '张伟 (华东)' }).click();
    await page.waitForURL(`**/leads/${lead.id}`);
    await badge.locator('.ant-badge-count', { hasText: '1' }).waitFor();

    await page.goto('/notifications');
    await page.getByTestId('notifications-list').getByTestId('notification-item').filter({ hasText: '刘洋' }).waitFor();
    await shot(page, 'notifications-centre-zh');
    await page.getByTestId('notifications-page-mark-all').click();
    await badge.locator('.ant-badge-count').waitFor({ state: 'detached' });
    assert.equal(await page.locator('[data-testid=notification-item][data-unread=true]').count(), 0);
    // Preferences: turn lead notices off; the next assignment leaves the bell alone.
    await page.getByTestId('pref-lead_assigned').locator('label', { hasText: '关闭' }).click();
    await page.locator('.ant-message-notice', { hasText: '已保存' }).waitFor();
    const third = await api.call<{ id: string }>('POST', '/leads', { name: '陈静', phones: [{ number: '13900139002' }] });
    await api.call('POST', `/leads/${third.id}/assign`, { userId: user.id });
    const repApi = await Api.login(server.url, REP.email, REP.password);
    assert.equal((await repApi.call<{ unread: number }>('GET', '/notifications/unread-count')).unread, 0);
    await shot(page, 'notifications-preferences-zh');
  });

  test('at phone width the bell opens the centre', async () => {
    const phone = await newContext(browser, server.url, { viewport: PHONE, locale: 'en' });
    page = await phone.newPage();
    await login(page, REP.email, REP.password);
    // On a phone the bell opens the centre itself.
    await page.getByTestId('notification-bell').click();
    await page.waitForURL('**/notifications');
    await page.getByTestId('notifications-list').getByTestId('notification-item').first().waitFor();
    await shot(page, 'notifications-centre-phone');
  });
});
