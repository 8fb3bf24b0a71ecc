import assert from 'node:assert/strict';
import { after, afterEach, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { choose, clickUntilGone } from './support/antd';
import { Api } from './support/api';
import { DESKTOP, launch, newContext, PHONE, shot, keepFailure } from './support/browser';
import { login } from './support/login';
import { ADMIN, type RunningServer, startServer } from './support/server';

type Stage = { id: string; type: string; name: { zh?: string; en?: string } };
type Pipeline = { id: string; isDefault: boolean; stages: Stage[] };
type Column = { stageId: string; count: number; total: string; deals: { id: string; name: string }[] };

let server: RunningServer;
let browser: Browser;
let ctx: BrowserContext;
let page: Page;
let api: Api;
let pipeline: Pipeline;
const state: { dealId?: string; otherId?: string } = {};

const column = (p: Page, stageId: string) => p.locator(`[data-testid=kanban-column][data-stage-id="${stageId}"]`);
const card = (p: Page, dealId: string) => p.locator(`[data-testid=deal-card][data-deal-id="${dealId}"]`);
const stageOf = (type: string, index = 0) => pipeline.stages.filter((s) => s.type === type)[index] as Stage;
const board = async () => (await api.call<{ columns: Column[] }>('GET', `/deals/board?pipelineId=${pipeline.id}`)).columns;

/** Drags with real pointer events (dnd-kit needs a few moves past its activation distance). */
async function drag(p: Page, from: Locator, to: Locator) {
  const a = await from.boundingBox();
  const b = await to.boundingBox();
  assert.ok(a && b, 'drag source and target are on screen');
  // Grab below the title: the title is a link and does not start a drag.
  await p.mouse.move(a.x + a.width / 2, a.y + a.height - 8);
  await p.mouse.down();
  await p.mouse.move(a.x + a.width / 2 + 10, a.y + a.height, { steps: 4 });
  await p.mouse.move(b.x + b.width / 2, b.y + 60, { steps: 15 });
  await p.waitForTimeout(150);
  await p.mouse.up();
}

describe('Deals in a real browser', { concurrency: false }, () => {
  before(async () => {
    server = await startServer();
    browser = await launch();
    ctx = await newContext(browser, server.url, { viewport: DESKTOP, locale: 'zh-CN' });
    page = await ctx.newPage();
    api = await Api.login(server.url);
    pipeline = (await api.call<{ data: Pipeline[] }>('GET', '/pipelines')).data.find((p) => p.isDefault) as Pipeline;
    const company = await api.call<{ id: string }>('POST', '/companies', { name: '北京星辰科技有限公司' });
    await api.call('POST', '/exchange-rates', { currency: 'USD', rate: '7.15', effectiveDate: '2020-01-01' });
    for (const [name, amount, currency, stage] of [
      ['Northwind – licences', '52000', 'USD', 2],
      ['海纳贸易 渠道系统', '98000', 'CNY', 1],
      ['锦程物流 运输平台', '258000', 'CNY', 4],
    ] as const) {
      await api.call('POST', '/deals', { name, amount, currency, stageId: pipeline.stages[stage]?.id, companyId: company.id, expectedCloseDate: '2026-12-20' });
    }
    await login(page, ADMIN.email, ADMIN.password);
  });
  afterEach(keepFailure(() => page));
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('creates a deal through the form', async () => {
    await page.goto('/deals');
    await page.getByTestId('kanban').waitFor();
    await page.getByTestId('create-deal').click();
    await page.getByTestId('deal-name').fill('星辰科技 年度订阅');
    await page.locator('#amount').fill('120000.50');
    await page.getByTestId('deal-submit').click();
    await page.waitForURL(/\/deals\/[0-9a-f-]{36}$/);
    state.dealId = page.url().split('/').pop();
    await page.getByTestId('deal-facts').waitFor();
    const body = (await page.locator('body').textContent()) ?? '';
    assert.match(body, /星辰科技 年度订阅/);
    assert.match(body, /120,000\.50/);
    assert.match(body, /线索确认/);
  });

  test('drags the deal across the kanban to won; the column totals follow', async () => {
    const won = stageOf('won');
    const negotiation = pipeline.stages[3] as Stage;
    const before = (await board()).find((c) => c.stageId === won.id) as Column;
    // Wide enough for all six columns: the pointer cannot reach a column scrolled out of view.
    await page.setViewportSize({ width: 2000, height: 900 });
    await page.goto('/deals');
    await card(page, state.dealId as string).waitFor();
    await shot(page, 'deals-01-kanban');
    await drag(page, card(page, state.dealId as string), column(page, negotiation.id));
    await column(page, negotiation.id).locator(`[data-deal-id="${state.dealId}"]`).waitFor();
    await page.locator('.ant-message-notice').first().waitFor();
    await drag(page, card(page, state.dealId as string), column(page, won.id));
    await column(page, won.id).locator(`[data-deal-id="${state.dealId}"]`).waitFor();
    // The server agrees, and the won column's count and total grew by the deal.
    await page.waitForFunction(
      ([id, count]) => document.querySelector(`[data-testid=kanban-column][data-stage-id="${id}"] [data-testid=column-count]`)?.textContent === String(count),
      [won.id, before.count + 1] as const,
    );
    const after = (await board()).find((c) => c.stageId === won.id) as Column;
    assert.equal(after.count, before.count + 1);
    assert.equal(Number(after.total) - Number(before.total), 120000.5);
    const total = (await column(page, won.id).getByTestId('column-total').textContent()) ?? '';
    assert.match(total, /378,000\.50/);
    const history = await api.call<{ data: { toStageId: string }[] }>('GET', `/deals/${state.dealId}/stage-history`);
    assert.deepEqual(
      history.data.map((h) => h.toStageId),
      [pipeline.stages[0]?.id, negotiation.id, won.id],
    );
    await shot(page, 'deals-02-kanban-won');
    await page.setViewportSize(DESKTOP);
  });

  test('card order within a column is kept after a drag', async () => {
    const proposal = pipeline.stages[1] as Stage;
    const extra = await api.call<{ id: string }>('POST', '/deals', { name: '青禾电商 坐席扩容', amount: '36000', stageId: proposal.id });
    await page.reload();
    const cards = column(page, proposal.id).getByTestId('deal-card');
    await cards.first().waitFor();
    const names = async () => (await cards.locator('a').allTextContents()).map((s) => s.trim());
    assert.deepEqual(await names(), ['青禾电商 坐席扩容', '海纳贸易 渠道系统']);
    await drag(page, card(page, extra.id), cards.nth(1));
    await page.waitForTimeout(800);
    await page.reload();
    await cards.first().waitFor();
    assert.deepEqual(await names(), ['海纳贸易 渠道系统', '青禾电商 坐席扩容']);
  });

  test('lost without a reason is refused; with one the deal is lost', async () => {
    const lost = stageOf('lost');
    const deal = (await board()).flatMap((c) => c.deals).find((d) => d.name.startsWith('Northwind')) as { id: string };
    state.otherId = deal.id;
    await drag(page, card(page, deal.id), column(page, lost.id));
    const modal = page.locator('.ant-modal');
    await modal.waitFor();
    await page.getByTestId('lost-ok').click();
    await modal.locator('.ant-form-item-explain-error').first().waitFor();
    await shot(page, 'deals-03-lost-reason-required');
    // The API refuses it too, with a translated message, and nothing moves.
    await assert.rejects(api.call('POST', `/deals/${deal.id}/move`, { stageId: lost.id }), /lostReason/);
    await page.locator('.ant-modal-footer button').first().click();
    await modal.waitFor({ state: 'hidden' });
    assert.equal(await column(page, lost.id).locator(`[data-deal-id="${deal.id}"]`).count(), 0);

    await page.goto(`/deals/${deal.id}`);
    await page.getByTestId('mark-lost').click();
    await choose(page, page.getByTestId('lost-reason'), '输给竞争对手');
    await clickUntilGone(page.getByTestId('lost-ok'));
    await page.locator('.ant-tag', { hasText: '输单' }).first().waitFor();
    const after = await api.call<{ status: string; lostReason: string }>('GET', `/deals/${deal.id}`);
    assert.deepEqual([after.status, after.lostReason], ['lost', 'competitor']);
  });

  test('the deal page shows the progress, facts, stage history and activities', async () => {
    await page.goto(`/deals/${state.dealId}`);
    await page.getByTestId('stage-history').locator('tr.ant-table-row').nth(2).waitFor();
    await page.getByTestId('deal-activities').locator('input').fill('客户确认签约，安排实施');
    await page.getByTestId('deal-activities').locator('button').click();
    await page.getByTestId('deal-activities').getByText('客户确认签约，安排实施').waitFor();
    await shot(page, 'deals-04-deal-page');
    const body = (await page.locator('body').textContent()) ?? '';
    assert.match(body, /赢单/);
    assert.match(body, /商务谈判/);
  });

  test('a company page lists its deals', async () => {
    const company = (await api.call<{ data: { id: string }[] }>('GET', `/companies?q=${encodeURIComponent('星辰')}`)).data[0] as { id: string };
    await page.goto(`/companies/${company.id}`);
    await page.locator('.ant-tabs-tab', { hasText: '商机' }).click();
    await page.getByTestId('related-deals').locator('.ant-list-item').first().waitFor();
    assert.match((await page.getByTestId('related-deals').textContent()) ?? '', /Northwind/);
    await shot(page, 'deals-05-company-deals');
  });

  test('settings: pipelines and exchange rates', async () => {
    await page.goto('/settings/pipelines');
    await page.getByTestId('stage-table').first().waitFor();
    await shot(page, 'deals-06-settings-pipelines');
    await page.goto('/settings/exchange-rates');
    await page.getByTestId('rate-currency').click();
    await page.keyboard.type('EUR');
    await page.keyboard.press('Enter');
    await page.getByTestId('rate-value').fill('7.78');
    await page.getByTestId('add-rate').click();
    await page.locator('td', { hasText: '1 EUR = 7.78 CNY' }).waitFor();
    await shot(page, 'deals-07-settings-rates');
  });

  test('the board and the list work on a phone', async () => {
    const phone = await newContext(browser, server.url, { viewport: PHONE, locale: 'en' });
    const p = await phone.newPage();
    await login(p, ADMIN.email, ADMIN.password);
    await p.goto('/deals');
    await p.getByTestId('kanban').waitFor();
    await shot(p, 'deals-08-phone-kanban');
    await p.goto('/deals?view=list');
    await p.getByTestId('deal-list').locator('tr.ant-table-row').first().waitFor();
    await shot(p, 'deals-09-phone-list');
    await phone.close();
  });
});
