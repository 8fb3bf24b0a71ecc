import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, afterEach, before, describe, test } from 'node:test';
import { type ParsedMail, simpleParser } from 'mailparser';
import type { Browser, Page } from 'playwright-core';
import { SMTPServer } from 'smtp-server';
import { choose } from './support/antd';
import { Api } from './support/api';
import { DESKTOP, keepFailure, launch, newContext, shot, switchLanguage } from './support/browser';
import { login } from './support/login';
import { type RunningServer, startServer } from './support/server';

const REP = { email: 'xiaoming@kehu.test', name: '王小明', password: 'Rep-e2e-pass-1' };
const ID_NUMBER = '11010519491231002X';

let server: RunningServer;
let browser: Browser;
let page: Page;
let api: Api;
let smtp: SMTPServer;
const received: ParsedMail[] = [];
const ids = { contact: '', deal: '', lead: '' };

/** Waits (polling, no fixed sleep) until the local SMTP server has a message matching `subject`. */
async function arrived(subject: string, timeoutMs = 30_000): Promise<ParsedMail> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const found = received.find((m) => m.subject === subject);
    if (found) return found;
    if (Date.now() > until) throw new Error(`no e-mail "${subject}" arrived; got ${JSON.stringify(received.map((m) => m.subject))}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('Send e-mail from a record page', { concurrency: false }, () => {
  before(async () => {
    smtp = new SMTPServer({
      disabledCommands: ['STARTTLS'],
      authOptional: true,
      logger: false,
      onData(stream, _session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          simpleParser(Buffer.concat(chunks)).then((m) => {
            received.push(m);
            callback();
          }, callback);
        });
      },
    });
    await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', r));
    server = await startServer();
    browser = await launch();
    api = await Api.login(server.url);
    await api.call('PUT', '/mail/settings', { host: '127.0.0.1', port: (smtp.server.address() as AddressInfo).port, from: 'Acme 销售 <sales@acme.test>' });
    await api.call('POST', '/mail/templates', {
      name: '资料确认 Details check',
      object: 'contact',
      subject: { zh: '{{contact.name}}，请确认您的资料', en: '{{contact.name}}, please check your details' },
      body: {
        zh: '{{contact.name}} 您好：\n证件号 {{contact.idNumber}}。\n{{owner.name}}',
        en: 'Dear {{contact.name}},\nID number on file: {{contact.idNumber}}.\n{{owner.name}}',
      },
    });
    await api.call('POST', '/mail/templates', {
      name: '商机报价 Deal quote',
      object: 'deal',
      subject: { zh: '「{{record.name}}」报价', en: 'Quote for {{record.name}}' },
      body: { zh: '{{contact.name}} 您好，报价金额 {{record.amount}}。', en: 'Dear {{contact.name}}, the quoted amount is {{record.amount}}.' },
    });
    const roles = await api.call<{ data: { id: string; name: string }[] }>('GET', '/roles');
    const rep = await api.call<{ id: string }>('POST', '/users', {
      ...REP,
      roleIds: [roles.data.find((r) => r.name === 'Sales Rep')?.id],
    });
    ids.contact = (
      await api.call<{ id: string }>('POST', '/contacts', {
        name: 'Anna Schmidt',
        emails: [{ address: 'anna@optik.de' }],
        idNumber: ID_NUMBER,
        ownerId: rep.id,
      })
    ).id;
    const lilei = await api.call<{ id: string }>('POST', '/contacts', { name: '李雷', emails: [{ address: 'lilei@example.cn' }], ownerId: rep.id });
    ids.deal = (
      await api.call<{ id: string }>('POST', '/deals', { name: '华东仓储扩建', amount: '1280000', currency: 'CNY', contactId: lilei.id, ownerId: rep.id })
    ).id;
  });
  afterEach(keepFailure(() => page));
  after(async () => {
    await browser?.close();
    await server?.stop();
    await new Promise<void>((r) => (smtp ? smtp.close(() => r()) : r()));
  });

  test('a rep (zh-CN) e-mails a contact: the English preview keeps the ID number masked, the mail arrives, the page shows it sent', async () => {
    const ctx = await newContext(browser, server.url, { viewport: DESKTOP, locale: 'zh-CN' });
    page = await ctx.newPage();
    await login(page, REP.email, REP.password);
    await page.goto(`/contacts/${ids.contact}`);
    const card = page.getByTestId('record-mail');
    await card.getByText('还没有关于该记录的邮件').waitFor();
    await card.getByTestId('record-mail-send').click();
    const modal = page.getByTestId('record-mail-modal');
    await choose(page, modal.getByTestId('record-mail-template'), '资料确认 Details check');
    // Only the contact's template is offered: the deal's is for another record type.
    const preview = modal.getByTestId('record-mail-preview');
    await preview.getByText('Anna Schmidt, please check your details').waitFor();
    assert.equal(await modal.getByTestId('record-mail-to').inputValue(), 'anna@optik.de');
    assert.ok(await modal.locator('.ant-radio-wrapper-checked', { hasText: 'English' }).isVisible(), 'English is chosen for Anna');
    const body = (await preview.getByTestId('record-mail-preview-body').textContent()) ?? '';
    assert.doesNotMatch(body, new RegExp(ID_NUMBER), 'the rep may not see the ID number, nor may the e-mail');
    assert.match(body, /ID number on file: \S*\*+\S*\./);
    await shot(page, 'record-mail-preview-contact-zh');
    await page.getByTestId('record-mail-submit').click();
    await page.locator('.ant-message-notice', { hasText: '邮件已排队发送至 anna@optik.de' }).waitFor();
    const mail = await arrived('Anna Schmidt, please check your details');
    assert.equal(mail.to && !Array.isArray(mail.to) ? mail.to.value[0]?.address : null, 'anna@optik.de');
    assert.equal(mail.headers.get('content-language'), 'en');
    assert.doesNotMatch(mail.text ?? '', new RegExp(ID_NUMBER));
    assert.match(mail.text ?? '', /王小明/);
    await card.getByTestId('record-mail-item').filter({ hasText: '已发送' }).waitFor({ timeout: 30_000 });
    // The timeline (right column) says who sent what.
    await page.getByText('王小明 发送了邮件').first().waitFor({ timeout: 20_000 });
    await shot(page, 'record-mail-contact-sent-zh');
  });

  test('in English, a deal e-mail defaults to its Chinese contact’s language, can be switched, and a bad address is refused', async () => {
    await switchLanguage(page, 'English');
    await page.goto(`/deals/${ids.deal}`);
    const card = page.getByTestId('record-mail');
    await card.getByText('No e-mail sent about this record yet').waitFor();
    await card.getByTestId('record-mail-send').click();
    const modal = page.getByTestId('record-mail-modal');
    await modal.getByTestId('record-mail-template').click();
    const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
    await options.first().waitFor();
    assert.deepEqual(await options.allTextContents(), ['商机报价 Deal quote']);
    await options.first().click();
    const preview = modal.getByTestId('record-mail-preview');
    await preview.getByText('「华东仓储扩建」报价').waitFor();
    await preview.getByText('李雷 您好，报价金额 ¥1,280,000.00。').waitFor();
    await shot(page, 'record-mail-preview-deal-en');
    await modal.locator('.ant-radio-wrapper', { hasText: 'English' }).click();
    await preview.getByText('Dear 李雷, the quoted amount is CN¥1,280,000.00.').waitFor();

    await modal.getByTestId('record-mail-to').fill('not-an-address');
    const before = received.length;
    await page.getByTestId('record-mail-submit').click();
    await modal.locator('.ant-form-item-explain-error').first().waitFor();
    await shot(page, 'record-mail-bad-address-en');
    const log = await api.call<{ data: unknown[] }>('GET', `/mail/messages?object=deal&recordId=${ids.deal}`);
    assert.equal(log.data.length, 0, 'nothing was queued');

    await modal.getByTestId('record-mail-to').fill('purchasing@example.cn');
    await page.getByTestId('record-mail-submit').click();
    await page.locator('.ant-message-notice', { hasText: 'E-mail queued for purchasing@example.cn' }).waitFor();
    const mail = await arrived('Quote for 华东仓储扩建');
    assert.equal(mail.text?.trim(), 'Dear 李雷, the quoted amount is CN¥1,280,000.00.');
    assert.equal(received.length, before + 1);
    await card.getByTestId('record-mail-item').filter({ hasText: 'Sent' }).waitFor({ timeout: 30_000 });
    await shot(page, 'record-mail-deal-sent-en');
  });
});
