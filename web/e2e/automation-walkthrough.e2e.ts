import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, afterEach, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { type ParsedMail, simpleParser } from 'mailparser';
import type { Browser, Page } from 'playwright-core';
import { SMTPServer } from 'smtp-server';
import { Api } from './support/api';
import { choose, clickUntilGone } from './support/antd';
import { DESKTOP, keepFailure, launch, newContext, shot } from './support/browser';
import { login } from './support/login';
import { ADMIN, REPO, type RunningServer, startServer } from './support/server';

/**
 * Issue #18's "Done means", as a new user does it on a fresh install with the demo data: the admin
 * sets up SMTP, a template and a webhook; the demo sales manager (the Sales Manager role has the
 * `automation` permission) builds "deal amount > 1,000,000 and stage = negotiation → ask the manager then the director,
 * notify the owner, create a follow-up task, e-mail a reminder, call a webhook"; a demo rep's deal
 * fires it; the manager approves at phone width; a signed webhook and the e-mail arrive locally.
 */
const DEMO_PASSWORD = 'Demo-walkthrough-1';
const MANAGER = { email: 'manager@kehu.local', name: '孙经理 Sun' };
const REP = { email: 'rep1@kehu.local', name: '钱销售 Qian' };
const RULE = '大额商机谈判审批';
const PHONE_375 = { width: 375, height: 812 };

type Hit = { body: string; signature: string; type: string };
type Verify = (rawBody: string | Buffer, header: string, secret: string, toleranceSeconds?: number) => boolean;

let server: RunningServer;
let browser: Browser;
let page: Page;
let api: Api;
let smtp: SMTPServer;
let receiver: http.Server;
let receiverUrl = '';
let verifyKehuSignature: Verify;
let secret = '';
const hits: Hit[] = [];
const mails: ParsedMail[] = [];
const deal = { id: '', name: '' };

const until = async (check: () => boolean | Promise<boolean>, what: string, ms = 45_000) => {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
};
/** Approves or rejects in the open decision dialog. */
const confirmDecision = (p: Page) => clickUntilGone(p.getByTestId('approval-confirm'));

/** The receiver's check, taken verbatim from docs/webhooks.md (the snippet under `<!-- verify-snippet -->`). */
async function documentedVerifier(): Promise<Verify> {
  const doc = readFileSync(join(REPO, 'docs/webhooks.md'), 'utf8');
  const code = /<!-- verify-snippet -->\s*```js\n([\s\S]*?)```/.exec(doc)?.[1];
  assert.ok(code, 'docs/webhooks.md has the verification snippet');
  const file = join(tmpdir(), `kehu-verify-${process.pid}.mjs`);
  writeFileSync(file, code);
  return ((await import(pathToFileURL(file).href)) as { verifyKehuSignature: Verify }).verifyKehuSignature;
}

async function pageAs(email: string, password: string, viewport = DESKTOP): Promise<Page> {
  const ctx =
    viewport === DESKTOP
      ? await newContext(browser, server.url, { viewport, locale: 'zh-CN' })
      : await browser.newContext({ baseURL: server.url, viewport, locale: 'zh-CN', isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
  ctx.setDefaultTimeout(20_000);
  const p = await ctx.newPage();
  await login(p, email, password);
  return p;
}

describe('Automation walkthrough (#18 done means)', { concurrency: false }, () => {
  before(async () => {
    verifyKehuSignature = await documentedVerifier();
    smtp = new SMTPServer({
      disabledCommands: ['STARTTLS'],
      authOptional: true,
      logger: false,
      onData(stream, _session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          simpleParser(Buffer.concat(chunks)).then((m) => {
            mails.push(m);
            callback();
          }, callback);
        });
      },
    });
    await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', r));
    receiver = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        hits.push({ body, signature: String(req.headers['kehu-signature']), type: String(req.headers['kehu-event-type']) });
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"ok":true}');
      });
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/erp`;
    server = await startServer({ env: { KEHU_DEMO_DATA: '1', KEHU_DEMO_PASSWORD: DEMO_PASSWORD, KEHU_WEBHOOK_ALLOW_PRIVATE: '1' } });
    browser = await launch();
    api = await Api.login(server.url);
  });
  afterEach(keepFailure(() => page));
  after(async () => {
    await browser?.close();
    await server?.stop();
    receiver?.closeAllConnections();
    await new Promise<void>((r) => (receiver ? receiver.close(() => r()) : r()));
    await new Promise<void>((r) => (smtp ? smtp.close(() => r()) : r()));
  });

  test('the demo data has rules and the approval process the issue describes', async () => {
    const rules = await api.call<{ data: { name: string; enabled: boolean }[] }>('GET', '/workflow-rules');
    assert.ok(rules.data.length >= 3, `demo rules: ${rules.data.map((r) => r.name).join(', ')}`);
    const processes = await api.call<{ data: { name: string; enabled: boolean; steps: unknown[] }[] }>('GET', '/approval-processes');
    assert.deepEqual(
      processes.data.map((p) => [p.name, p.enabled, p.steps.length]),
      [['大额商机审批 Large deal approval', true, 2]],
    );
  });

  test('the admin sets up e-mail, a reminder template and a webhook to a local receiver, in the UI', async () => {
    page = await pageAs(ADMIN.email, ADMIN.password);
    await page.goto('/settings/mail');
    // The form fills itself once the settings load: type after that, or the load wipes it.
    await page.getByText('尚未设置 SMTP 服务器').waitFor();
    await page.getByTestId('smtp-host').fill('127.0.0.1');
    await page.getByTestId('smtp-port').fill(String((smtp.server.address() as AddressInfo).port));
    await page.getByTestId('smtp-from').fill('Kehu 提醒 <crm@acme.test>');
    await page.getByTestId('smtp-save').click();
    await page.locator('.ant-message-notice', { hasText: '已保存' }).waitFor();

    await page.goto('/settings/mail-templates');
    await page.getByTestId('template-new').click();
    const modal = page.getByTestId('template-modal');
    await modal.getByTestId('template-name').fill('大额商机跟进提醒');
    await choose(page, modal.getByTestId('template-object'), '商机', { exact: true });
    await modal.getByTestId('template-subject-zh').fill('请跟进大额商机：{{record.name}}');
    await modal.getByTestId('template-body-zh').fill('{{owner.name}}，商机「{{record.name}}」金额 {{record.amount}}，已提交审批，请准备谈判材料。');
    await modal.locator('.ant-tabs-tab', { hasText: 'English' }).click();
    await modal.getByTestId('template-subject-en').fill('Follow up the large deal {{record.name}}');
    await modal.getByTestId('template-body-en').fill('{{owner.name}}, {{record.name}} ({{record.amount}}) went to approval; prepare the negotiation.');
    await page.locator('.ant-modal-footer .ant-btn-primary').click();
    await page.getByTestId('templates-table').getByText('大额商机跟进提醒').waitFor();

    await page.goto('/settings/webhooks');
    await page.getByTestId('webhook-create').click();
    const hook = page.getByTestId('webhook-modal');
    await hook.getByTestId('webhook-name').fill('ERP 同步');
    await hook.getByTestId('webhook-url').fill(receiverUrl);
    await choose(page, hook.getByTestId('webhook-events'), /商机.*阶段变更/, { search: '阶段变更' });
    await page.keyboard.press('Escape');
    await page.locator('.ant-modal-footer .ant-btn-primary').click();
    secret = (await page.getByTestId('webhook-secret').textContent())?.trim() ?? '';
    assert.match(secret, /^whsec_/);
    await page.getByTestId('secret-done').click();
    await page.getByText('ERP 同步').waitFor();
  });

  test('the manager builds the rule: amount > 1,000,000 and stage = negotiation → approval, notify, task, e-mail, webhook', async () => {
    await page.close();
    page = await pageAs(MANAGER.email, DEMO_PASSWORD);
    // Not an admin: Settings shows the manager only what the automation permission opens.
    await page.goto('/settings/workflow-rules');
    await page.getByTestId('settings-menu').getByText('邮件模板').waitFor();
    assert.equal(await page.getByTestId('settings-menu').getByText('用户', { exact: true }).count(), 0);
    await page.getByTestId('rule-create').click();
    const editor = page.getByTestId('rule-editor');
    await editor.getByTestId('rule-name').fill(RULE);
    await choose(page, editor.getByTestId('rule-object'), '商机');
    await choose(page, editor.getByTestId('trigger-type'), '阶段变化时');

    await editor.getByTestId('filter-add').click();
    const amountRow = editor.getByTestId('filter-row').nth(0);
    await choose(page, amountRow.getByTestId('filter-field'), '金额', { search: '金额', exact: true });
    await choose(page, amountRow.getByTestId('filter-op'), '大于', { exact: true });
    await amountRow.locator('.ant-input-number input').fill('1000000');
    await editor.getByTestId('filter-add').click();
    const stageRow = editor.getByTestId('filter-row').nth(1);
    await choose(page, stageRow.getByTestId('filter-field'), '阶段', { search: '阶段', exact: true });
    await choose(page, stageRow.locator('.ant-select').last(), '商务谈判');

    const addAction = async (label: string) => {
      const cards = editor.getByTestId('action-card');
      const before = await cards.count();
      // The menu animates open: pick again if a click landed before it settled.
      await until(
        async () => {
          if ((await cards.count()) > before) return true;
          if (!(await page.locator('.ant-dropdown:not(.ant-dropdown-hidden)').isVisible())) await editor.getByTestId('action-add').click();
          await page
            .locator('.ant-dropdown:not(.ant-dropdown-hidden) .ant-dropdown-menu-item', { hasText: label })
            .click({ timeout: 2_000 })
            .catch(() => {});
          return (await cards.count()) > before;
        },
        `the action ${label}`,
        15_000,
      );
      return cards.last();
    };
    const approval = await addAction('发起审批');
    await choose(page, approval.getByTestId('approval-process'), '大额商机审批');
    const notify = await addAction('发送站内通知');
    await notify.getByTestId('notify-title').fill('大额商机「{{name}}」已提交审批');
    const task = await addAction('创建任务');
    await task.getByTestId('task-subject').fill('跟进大额商机：{{name}}');
    const email = await addAction('发送邮件');
    await choose(page, email.getByTestId('email-template'), '大额商机跟进提醒');
    // A reminder for the deal's owner, not a mail to the customer.
    await choose(page, email.locator('.ant-select').nth(1), '负责人的邮箱', { exact: true });
    const call = await addAction('调用 Webhook');
    await choose(page, call.getByTestId('webhook-pick'), 'ERP 同步');
    await shot(page, 'walkthrough-rule-builder');

    await editor.getByTestId('rule-save').click();
    await editor.waitFor({ state: 'detached' });
    const row = page.getByTestId('rules-table').locator('.ant-table-row', { hasText: RULE });
    await row.getByTestId('rule-enabled').click();
    await row.locator('[data-testid="rule-enabled"].ant-switch-checked').waitFor();
    await shot(page, 'walkthrough-rules');
    const saved = (
      await api.call<{ data: { name: string; enabled: boolean; conditions: unknown; actions: { type: string }[] }[] }>('GET', '/workflow-rules')
    ).data.find((r) => r.name === RULE);
    assert.equal(saved?.enabled, true);
    assert.deepEqual(
      saved?.actions.map((a) => a.type),
      ['start_approval', 'notify', 'create_task', 'send_email', 'call_webhook'],
    );
    assert.equal((saved?.actions[3] as { to?: string } | undefined)?.to, 'owner');
    const users = (await api.call<{ data: { id: string; email: string }[] }>('GET', '/users')).data;
    assert.equal(
      (saved as { ownerId?: string } | undefined)?.ownerId,
      users.find((u) => u.email === MANAGER.email)?.id,
      'the rule acts as the manager who built it',
    );
  });

  test('a demo rep moves a large demo deal to negotiation: the rule fires', async () => {
    const users = (await api.call<{ data: { id: string; email: string }[] }>('GET', '/users')).data;
    const rep = users.find((u) => u.email === REP.email);
    const deals = (await api.call<{ data: { id: string; name: string; ownerId: string; status: string; version: number }[] }>('GET', '/deals?limit=100')).data;
    const mine = deals.find((d) => d.ownerId === rep?.id && d.status === 'open');
    assert.ok(mine, 'the demo gives rep1 an open deal');
    deal.id = mine.id;
    deal.name = mine.name;
    const repApi = await Api.login(server.url, REP.email, DEMO_PASSWORD);
    // Over 3,000,000: both steps apply (the director's step is skipped below that).
    await repApi.call('PATCH', `/deals/${deal.id}`, { amount: '3200000' });

    page = await pageAs(REP.email, DEMO_PASSWORD);
    await page.goto(`/deals/${deal.id}`);
    await page.getByTestId('deal-detail').getByText('商务谈判', { exact: true }).first().click();
    await page.locator('.ant-message-notice', { hasText: '商务谈判' }).waitFor();
    // The rule runs after the move commits; the page looks again by itself and shows its approval, no reload.
    await page.getByTestId('approval-locked').waitFor({ timeout: 15_000 });
    await page.getByTestId('mark-won').waitFor({ state: 'detached' });
    await shot(page, 'walkthrough-deal-pending');

    type Run = { status: string; ruleName?: string; rule?: { name: string }; recordId: string };
    await until(async () => {
      const runs = (await api.call<{ data: Run[] }>('GET', '/workflow-runs?limit=50')).data;
      return runs.some((r) => r.recordId === deal.id && (r.ruleName ?? r.rule?.name) === RULE && r.status === 'succeeded');
    }, 'a successful run of the rule');
    const tasks = await repApi.call<{ data: { subject: string }[] }>(
      'GET',
      `/activities?filter=${encodeURIComponent(JSON.stringify({ dealId: { eq: deal.id } }))}`,
    );
    assert.ok(
      tasks.data.some((x) => x.subject === `跟进大额商机：${deal.name}`),
      `the follow-up task: ${tasks.data.map((x) => x.subject).join(', ')}`,
    );
    const bell = await repApi.call<{ data: { title: { zh: string; en: string } }[] }>('GET', '/notifications');
    assert.ok(
      bell.data.some((n) => n.title.zh === `大额商机「${deal.name}」已提交审批`),
      `the owner is notified: ${bell.data.map((n) => n.title.zh).join(' | ')}`,
    );
    // The owner sees it in the bell, without a reload.
    await page.getByTestId('notification-badge').locator('.ant-badge-count').waitFor({ timeout: 30_000 });
  });

  test('a signed webhook reaches the local receiver, verified with the documented snippet; the delivery log shows it', async () => {
    // The rule's own call (and the subscription's deal.stage_changed): both signed.
    const fromRule = (h: Hit) => h.type === 'workflow.rule_fired' && h.body.includes(deal.id);
    await until(
      () => hits.some(fromRule) && hits.some((h) => h.type === 'deal.stage_changed' && h.body.includes(deal.id)),
      `the webhooks about the deal (received: ${hits.map((h) => h.type).join(', ')})`,
    );
    const hit = hits.find(fromRule) as Hit;
    assert.ok(
      hits.filter((h) => h.body.includes(deal.id)).every((h) => verifyKehuSignature(h.body, h.signature, secret)),
      'every delivery verifies',
    );
    assert.equal(verifyKehuSignature(hit.body, hit.signature, secret), true, 'the documented snippet accepts it');
    assert.equal(verifyKehuSignature(hit.body.replace(deal.id, `${deal.id}x`), hit.signature, secret), false, 'a changed body fails');
    assert.equal(verifyKehuSignature(hit.body, hit.signature, 'whsec_wrong'), false, 'another secret fails');

    await page.close();
    page = await pageAs(ADMIN.email, ADMIN.password);
    await page.goto('/settings/webhooks');
    await page.getByTestId('webhook-deliveries').first().click();
    const drawer = page.getByTestId('deliveries-drawer');
    await drawer.getByTestId('delivery-status').filter({ hasText: '已送达' }).first().waitFor();
    await shot(page, 'walkthrough-delivery-log');
  });

  test('the reminder e-mail arrives at the local SMTP server', async () => {
    await until(() => mails.some((m) => (m.subject ?? '').includes(deal.name)), 'the reminder e-mail');
    const mail = mails.find((m) => (m.subject ?? '').includes(deal.name)) as ParsedMail;
    assert.equal(mail.subject, `请跟进大额商机：${deal.name}`);
    assert.equal(mail.to && !Array.isArray(mail.to) ? mail.to.value[0]?.address : null, REP.email);
    assert.match(mail.text ?? '', /¥3,200,000\.00/);
    assert.match(mail.text ?? '', new RegExp(REP.name));
  });

  test('the manager approves from the inbox at 375 px, then the director; the deal is approved', async () => {
    const phone = await pageAs(MANAGER.email, DEMO_PASSWORD, PHONE_375);
    page = phone;
    await phone.goto('/approvals');
    const card = phone.getByTestId('approval-card').filter({ hasText: deal.name });
    await card.waitFor();
    await shot(phone, 'walkthrough-inbox-375');
    const width = await phone.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 375, `no sideways scrolling at 375 px (page is ${width} px wide)`);
    await card.getByTestId('approval-approve').click();
    await phone.getByTestId('approval-comment').fill('同意，请总监确认');
    await confirmDecision(phone);
    await phone.getByText('没有待您审批的事项').waitFor();
    await shot(phone, 'walkthrough-inbox-375-done');

    const director = await pageAs(ADMIN.email, ADMIN.password, PHONE_375);
    page = director;
    await director.goto('/approvals');
    const next = director.getByTestId('approval-card').filter({ hasText: deal.name });
    await next.getByTestId('approval-approve').click();
    await confirmDecision(director);
    await director.getByText('没有待您审批的事项').waitFor();
    type Request = { status: string; recordId: string; steps: { state: string }[] };
    const requests = (await api.call<{ data: Request[] }>('GET', '/approvals?box=all')).data.filter((r) => r.recordId === deal.id);
    assert.deepEqual(
      requests.map((r) => [r.status, r.steps.map((s) => s.state)]),
      [['approved', ['approved', 'approved']]],
    );
  });
});
