import assert from 'node:assert/strict';
import { after, afterEach, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { Api } from './support/api';
import { launch, shot, keepFailure } from './support/browser';
import { adminPage } from './support/login';
import { type RunningServer, startServer } from './support/server';

let server: RunningServer;
let browser: Browser;
let page: Page;

// Companies are named, not created: the third row's company does not exist and is reported on its row.
const DEALS_CSV = [
  '商机名称,公司,阶段,金额,预计成交日期',
  '导入年度采购,星辰科技导入测试,方案报价,"¥120,000",2026/12/31',
  '导入云平台续约,云海集团导入测试,Qualification,50000,',
  '导入幽灵项目,不存在的公司,,1000,',
].join('\n');

describe('importing deals with company references in a real browser', { concurrency: false }, () => {
  before(async () => {
    server = await startServer();
    const api = await Api.login(server.url);
    await api.call('POST', '/companies', { name: '星辰科技导入测试' });
    await api.call('POST', '/companies', { name: '云海集团导入测试' });
    browser = await launch();
    page = await adminPage(browser, server.url);
  });
  afterEach(keepFailure(() => page));
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('starts from the deals page, maps company and stage columns, and the deals appear on the board', async () => {
    await page.goto('/deals');
    await page.getByTestId('import-records').click();
    await page.waitForURL(/\/imports\?object=deal/);
    assert.match((await page.getByTestId('import-object').textContent()) ?? '', /商机/);
    // The deal step explains how references are found before anything is uploaded.
    await page.getByText('公司和联系人须已存在').waitFor();
    await shot(page, 'imports-more-00-deal-upload');
    await page
      .locator('[data-testid=import-upload] input[type=file]')
      .setInputFiles({ name: '商机.csv', mimeType: 'text/csv', buffer: Buffer.from(DEALS_CSV) });
    await page.getByTestId('import-mapping').waitFor();
    const mapping = (await page.getByTestId('import-mapping').textContent()) ?? '';
    // The suggested targets, in the UI's language: the 公司 column goes to the deal's company reference.
    for (const label of ['商机名称', '公司', '阶段', '金额', '预计成交日期']) assert.match(mapping, new RegExp(label));
    await shot(page, 'imports-more-01-deal-mapping');
    await page.getByTestId('import-start').click();
    await page.locator('[data-testid=import-status][data-status=done]').waitFor({ timeout: 90_000 });
    const body = (await page.getByTestId('import-progress').textContent()) ?? '';
    assert.match(body, /新建\s*2/);
    assert.match(body, /失败\s*1/);
    await page.getByTestId('import-errors').waitFor();
    await shot(page, 'imports-more-02-deals-done');

    await page.goto('/deals');
    // The demo pipeline is full; search narrows the board to the imported deals.
    await page.getByPlaceholder('搜索商机').fill('导入');
    await page.getByText('导入年度采购').first().waitFor();
    await page.getByText('导入云平台续约').first().waitFor();
    assert.equal(await page.getByText('导入幽灵项目').count(), 0);
    // The board card names the company the CSV referred to.
    const card = page.getByTestId('deal-card').filter({ hasText: '导入年度采购' });
    assert.match((await card.textContent()) ?? '', /星辰科技导入测试/);
    assert.match((await page.getByTestId('deal-card').filter({ hasText: '导入云平台续约' }).textContent()) ?? '', /云海集团导入测试/);
    await shot(page, 'imports-more-03-deals-board');
  });
  test('the leads list links to the wizard with leads chosen', async () => {
    await page.goto('/leads');
    await page.getByTestId('import-records').click();
    await page.waitForURL(/\/imports\?object=lead/);
    const chosen = page.locator('[data-testid=import-object] .ant-segmented-item-selected');
    assert.equal((await chosen.textContent())?.trim(), '线索');
  });

  test("imports a phone's vCard export as contacts (Chinese name in quoted-printable)", async () => {
    const qp = (text: string) => [...Buffer.from(text, 'utf8')].map((b) => `=${b.toString(16).toUpperCase()}`).join('');
    const vcf = [
      'BEGIN:VCARD',
      'VERSION:2.1',
      `N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:${qp('欧阳')};${qp('娜娜')};;;`,
      `FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:${qp('欧阳娜娜')}`,
      'TEL;CELL:13611112222',
      'END:VCARD',
      'BEGIN:VCARD',
      'VERSION:3.0',
      'FN:Vcard Tester',
      'EMAIL;TYPE=INTERNET:vcard.tester@example.com',
      'END:VCARD',
      '',
    ].join('\r\n');
    await page.goto('/imports?object=contact');
    await page.locator('[data-testid=import-upload] input[type=file]').setInputFiles({ name: '通讯录.vcf', mimeType: 'text/vcard', buffer: Buffer.from(vcf) });
    await page.getByTestId('import-mapping').waitFor();
    assert.match((await page.getByTestId('import-mapping').textContent()) ?? '', /欧阳娜娜/);
    await shot(page, 'imports-more-04-vcard-mapping');
    await page.getByTestId('import-start').click();
    await page.locator('[data-testid=import-status][data-status=done]').waitFor({ timeout: 90_000 });
    assert.match((await page.getByTestId('import-progress').textContent()) ?? '', /新建\s*2/);
    await page.goto('/contacts');
    await page.getByTestId('record-table').getByText('Vcard Tester').waitFor();
    const searched = page.waitForResponse((r) => r.url().includes('/api/v1/contacts?') && new URL(r.url()).searchParams.get('q') === '欧阳娜娜');
    await page.getByTestId('list-search').locator('input').fill('欧阳娜娜');
    await searched;
    await page.getByTestId('record-table').getByText('Vcard Tester').waitFor({ state: 'detached' });
    await page.getByTestId('record-table').getByText('欧阳娜娜').waitFor();
    await shot(page, 'imports-more-05-vcard-found');
  });
});
