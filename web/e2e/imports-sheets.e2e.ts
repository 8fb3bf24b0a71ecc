import assert from 'node:assert/strict';
import { after, afterEach, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { unzipSync, zipSync } from 'fflate';
import type { Browser, Page } from 'playwright-core';
import { launch, shot, keepFailure } from './support/browser';
import { adminPage } from './support/login';
import { type RunningServer, startServer } from './support/server';

let server: RunningServer;
let browser: Browser;
let page: Page;

/** The parts in the order Excel and WPS write them: ExcelJS's own order (sheets before shared strings) reads unreliably. */
function excelOrder(xlsx: ArrayBuffer): Buffer {
  const parts = unzipSync(new Uint8Array(xlsx));
  const first = ['[Content_Types].xml', '_rels/.rels', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/sharedStrings.xml'];
  const names = [...first.filter((n) => parts[n]), ...Object.keys(parts).filter((n) => !first.includes(n))];
  return Buffer.from(zipSync(Object.fromEntries(names.map((n) => [n, parts[n] as Uint8Array]))));
}

/** A workbook whose first sheet is a note and whose second holds the customers. */
async function workbook(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.addWorksheet('说明').addRows([['备注说明'], ['从旧系统导出']]);
  book.addWorksheet('客户名单').addRows([
    ['姓名', '邮箱', '城市'],
    ['工作表甲', 'sheet.a@example.cn', '杭州'],
    ['工作表乙', 'sheet.b@example.cn', '苏州'],
  ]);
  return excelOrder(await book.xlsx.writeBuffer());
}

describe('importing the chosen sheet of a workbook in a real browser', { concurrency: false }, () => {
  before(async () => {
    server = await startServer();
    browser = await launch();
    page = await adminPage(browser, server.url);
  });
  afterEach(keepFailure(() => page));
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('shows the first sheet, switches to the second, maps its columns and imports its rows', async () => {
    await page.goto('/imports?object=contact');
    await page.locator('[data-testid=import-upload] input[type=file]').setInputFiles({
      name: '客户.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await workbook(),
    });
    const mapping = page.getByTestId('import-mapping');
    await mapping.getByRole('cell', { name: '备注说明', exact: true }).waitFor();
    const select = page.getByTestId('import-sheet');
    assert.match((await select.textContent()) ?? '', /说明/);

    await select.click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '客户名单' }).first().dispatchEvent('click');
    await mapping.getByRole('cell', { name: '邮箱', exact: true }).waitFor();
    const text = (await mapping.textContent()) ?? '';
    assert.match(text, /姓名.*工作表甲/);
    assert.doesNotMatch(text, /备注说明/);
    // The suggested targets follow the new header: the 邮箱 column goes to the email field.
    assert.equal(await mapping.getByTitle('邮箱').count(), 1);
    assert.match((await select.textContent()) ?? '', /客户名单/);
    await shot(page, 'imports-sheets-01-second-sheet');

    await page.getByTestId('import-start').click();
    await page.locator('[data-testid=import-status][data-status=done]').waitFor({ timeout: 90_000 });
    assert.match((await page.getByTestId('import-progress').textContent()) ?? '', /新建\s*2/);
    await shot(page, 'imports-sheets-02-done');

    await page.goto('/contacts');
    // A fresh server: the list holds the two imported contacts and nothing from the first sheet.
    for (const name of ['工作表乙', '工作表甲']) await page.getByRole('link', { name, exact: true }).waitFor();
    assert.match((await page.getByText(/共\s*2\s*条/).textContent()) ?? '', /2/);
    assert.equal(await page.getByText('从旧系统导出').count(), 0);
    await shot(page, 'imports-sheets-03-contacts');
  });
});
