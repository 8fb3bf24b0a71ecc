import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, afterEach, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { Api } from './support/api';
import { DESKTOP, launch, newContext, PHONE, shot, keepFailure } from './support/browser';
import { login } from './support/login';
import { ADMIN, type RunningServer, startServer } from './support/server';

type Stage = { id: string; type: string; name: { en?: string } };
type Pipeline = { id: string; isDefault: boolean; stages: Stage[] };

let server: RunningServer;
let browser: Browser;
let ctx: BrowserContext;
let page: Page;

const text = async (p: Page) => (await p.locator('body').textContent()) ?? '';
const OLIVIA = { email: 'olivia@kehu.test', password: 'Rep-e2e-pass-1' };
const today = () => new Date().toISOString().slice(0, 10);

/** Seeds deals through the API, moved across the default pipeline so the stage history is real. */
async function seed(api: Api) {
  const roles = (await api.call<{ data: { id: string; name: string }[] }>('GET', '/roles')).data;
  const rep = roles.find((r) => r.name === 'Sales Rep')?.id;
  const users = [];
  for (const [email, name, locale] of [
    ['qian@kehu.test', '钱销售', 'zh-CN'],
    [OLIVIA.email, 'Olivia Rep', 'en'],
  ] as const) {
    users.push(await api.call<{ id: string }>('POST', '/users', { email, name, locale, password: OLIVIA.password, roleIds: rep ? [rep] : [] }));
  }
  const pipeline = (await api.call<{ data: Pipeline[] }>('GET', '/pipelines')).data.find((p) => p.isDefault) as Pipeline;
  const stage = (en: string) => pipeline.stages.find((s) => s.name.en === en) as Stage;
  const plans: [string, string, number, string[], string?][] = [
    ['华为云扩容', '120000', 0, ['Needs analysis', 'Proposal', 'Negotiation', 'Won']],
    ['Acme renewal', '80000', 1, ['Needs analysis', 'Proposal', 'Won']],
    ['腾讯会议室改造', '60000', 0, ['Needs analysis', 'Lost'], 'price'],
    ['Globex pilot', '30000', 1, ['Lost'], 'competitor'],
    ['字节跳动培训', '45000', 0, ['Needs analysis', 'Proposal']],
    ['Initech CRM', '90000', 1, ['Needs analysis', 'Proposal', 'Negotiation']],
    ['小米年度框架', '20000', 0, []],
  ];
  for (const [name, amount, owner, path, lostReason] of plans) {
    const deal = await api.call<{ id: string }>('POST', '/deals', {
      name,
      amount,
      currency: 'CNY',
      ownerId: users[owner]?.id,
      stageId: stage('Qualification').id,
      expectedCloseDate: today(),
    });
    for (const en of path) {
      await api.call('POST', `/deals/${deal.id}/move`, { stageId: stage(en).id, ...(en === 'Lost' ? { lostReason } : {}) });
    }
  }
  const company = await api.call<{ id: string }>('POST', '/companies', { name: '北京星辰科技有限公司' });
  for (const [i, type] of ['call', 'call', 'meeting', 'note'].entries()) {
    const at = new Date(Date.now() - 3600_000).toISOString();
    await api.call('POST', '/activities', {
      type,
      subject: `跟进 ${i + 1}`,
      companyId: company.id,
      ownerId: users[i % 2]?.id,
      ...(type === 'meeting' ? { startsAt: at } : { occurredAt: at }),
    });
  }
}

describe('reports in a real browser', { concurrency: false }, () => {
  before(async () => {
    server = await startServer();
    await seed(await Api.login(server.url));
    browser = await launch();
    ctx = await newContext(browser, server.url, { viewport: DESKTOP, locale: 'zh-CN' });
    page = await ctx.newPage();
    await login(page, ADMIN.email, ADMIN.password);
  });
  afterEach(keepFailure(() => page));
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('the dashboard shows this quarter’s forecast and funnel', async () => {
    await page.goto('/');
    const widgets = page.getByTestId('sales-widgets');
    await widgets.locator('canvas').first().waitFor();
    assert.match((await widgets.textContent()) ?? '', /¥296,500\.00/);
    await shot(page, 'reports-00-dashboard-widgets');
  });

  test('the nav opens the forecast with weighted pipeline and won actuals', async () => {
    await page.getByTestId('main-nav').getByText('报表').click();
    await page.waitForURL(/\/reports/);
    await page.getByTestId('forecast-chart').locator('canvas').waitFor();
    const body = await text(page);
    // Won this quarter: 120 000 + 80 000; weighted: 45 000 x 50% + 90 000 x 80% + 20 000 x 10% = 96 500.
    assert.match(body, /¥200,000\.00/);
    assert.match(body, /¥96,500\.00/);
    assert.match(body, /¥296,500\.00/);
    await shot(page, 'reports-01-forecast');
    await page.getByTestId('forecast-split').scrollIntoViewIfNeeded();
    assert.match((await page.getByTestId('forecast-split').textContent()) ?? '', /钱销售/);
    await shot(page, 'reports-02-forecast-by-owner');
  });

  test('the funnel shows stage-to-stage conversion from the stage history', async () => {
    await page.getByTestId('report-tab-funnel').click();
    await page.getByTestId('funnel-chart').locator('canvas').waitFor();
    const table = page.getByTestId('funnel-table');
    const row = (name: string) => table.locator('tr', { hasText: name }).first();
    // 7 created; 5 reached needs analysis (4 of them moved on: 80%), 2 won.
    assert.match((await row('线索确认').textContent()) ?? '', /7.*5.*71\.4%/);
    assert.match((await row('需求分析').textContent()) ?? '', /5.*4.*80%/);
    assert.match((await row('赢单').textContent()) ?? '', /2/);
    await shot(page, 'reports-03-funnel');
    const download = page.waitForEvent('download');
    await page.getByTestId('funnel-table-csv').click();
    const file = await download;
    assert.match(file.suggestedFilename(), /^funnel-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
    // Exact figures, decimal amounts as written, a BOM for Excel.
    const csv = readFileSync(await file.path(), 'utf8');
    assert.ok(csv.startsWith('\uFEFF阶段,赢率,到达,推进,转化到下一阶段,占全部,停留中,在此输单,平均停留时间,到达金额\r\n'), csv.slice(0, 80));
    assert.match(csv, /\r\n线索确认,10,7,5,71\.4,100,1,1,[\d.]+,445000\.00\r\n/);
  });

  test('win/loss and leaderboard', async () => {
    await page.getByTestId('report-tab-win-loss').click();
    await page.getByTestId('lost-reasons-chart').locator('canvas').waitFor();
    assert.match((await page.getByTestId('kpi-winRate').textContent()) ?? '', /50%/);
    assert.match((await page.getByTestId('lost-reasons-table').textContent()) ?? '', /价格.*竞争对手/);
    await shot(page, 'reports-04-win-loss');
    await page.getByTestId('report-tab-leaderboard').click();
    await page.getByTestId('leaderboard-chart').locator('canvas').waitFor();
    const first = page.getByTestId('leaderboard-table').locator('tbody tr.ant-table-row').first();
    assert.match((await first.textContent()) ?? '', /钱销售.*¥120,000\.00/);
    await shot(page, 'reports-05-leaderboard');
  });

  test('a rep on a 390 px phone, in English, sees only her own numbers', async () => {
    const phone = await newContext(browser, server.url, { viewport: PHONE, locale: 'en-US' });
    const p = await phone.newPage();
    await login(p, OLIVIA.email, OLIVIA.password);
    await p.goto('/reports?tab=funnel');
    await p.getByTestId('funnel-chart').locator('canvas').waitFor();
    assert.match(await text(p), /Conversion to next/);
    // Her deals only: Acme (won), Globex (lost at qualification), Initech (open at negotiation).
    assert.match((await p.getByTestId('kpi-cohort').textContent()) ?? '', /3/);
    assert.equal(await p.getByTestId('report-team').count(), 0);
    const width = await p.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 390, `page scrolls sideways: ${width}px`);
    await shot(p, 'reports-06-funnel-phone-en');
    await p.goto('/reports?tab=forecast');
    await p.getByTestId('forecast-chart').locator('canvas').waitFor();
    // Won 80 000 + weighted 90 000 x 80%.
    assert.match((await p.getByTestId('kpi-forecast').textContent()) ?? '', /CN¥152,000\.00/);
    await shot(p, 'reports-07-forecast-phone-en');
    await phone.close();
  });
});
