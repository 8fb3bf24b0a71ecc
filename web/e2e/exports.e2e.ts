import assert from 'node:assert/strict';
import { after, afterEach, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { launch, shot, keepFailure } from './support/browser';
import { adminPage } from './support/login';
import { type RunningServer, startServer } from './support/server';

let server: RunningServer;
let browser: Browser;
let page: Page;

// A contact export as Salesforce's Data Loader writes it (API field names as headers, RFC 4180 quoting).
const SALESFORCE = [
  'Id,AccountId,LastName,FirstName,Title,Email,Phone,MobilePhone,MailingCity,MailingState,MailingCountry,LeadSource,OwnerId',
  '0035g00000AbCdE,0015g00000XyZ,Smith,John,VP Sales,john.smith@acme.example,+1 415 555 0100,,San Francisco,CA,USA,Web,0055g000001',
  '0035g00000AbCdF,0015g00000XyZ,Smith,Anna,"=HYPERLINK(""http://evil.example"")",anna.smith@acme.example,,+1 415 555 0101,Oakland,CA,USA,Web,0055g000001',
  '0035g00000AbCdG,0015g00000XyY,王,芳,采购经理,wang.fang@example.cn,,+86 139 0000 1111,上海,上海,China,Trade Show,0055g000001',
].join('\n');

describe('exports and CRM imports in a real browser', { concurrency: false }, () => {
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

  test('a Salesforce contact export is recognised and imported with its preset', async () => {
    await page.goto('/imports?object=contact');
    await page
      .locator('[data-testid=import-upload] input[type=file]')
      .setInputFiles({ name: 'Contact.csv', mimeType: 'text/csv', buffer: Buffer.from(SALESFORCE) });
    await page.locator('[data-testid=import-preset][data-preset=salesforce]').waitFor();
    assert.match((await page.getByTestId('import-preset').textContent()) ?? '', /Salesforce/);
    await shot(page, 'exports-01-salesforce-preset');
    await page.getByTestId('import-start').click();
    await page.locator('[data-testid=import-status][data-status=done]').waitFor({ timeout: 90_000 });
    assert.match((await page.getByTestId('import-progress').textContent()) ?? '', /新建\s*3/);
    await shot(page, 'exports-02-salesforce-done');
  });

  test('exports the filtered contact list to XLSX in the background and downloads it', async () => {
    await page.goto('/contacts');
    await page.getByTestId('list-search').locator('input').fill('Smith');
    await page.waitForFunction(
      () => {
        const text = document.querySelector('[data-testid=record-table]')?.textContent ?? '';
        return text.includes('Anna Smith') && !text.includes('王芳');
      },
      undefined,
      { timeout: 20_000 },
    );
    await page.getByTestId('export-records').click();
    await page.getByTestId('export-start').waitFor();
    await shot(page, 'exports-03-dialog');
    await page.getByTestId('export-start').click();
    await page.getByTestId('export-download').waitFor({ timeout: 90_000 });
    await shot(page, 'exports-04-ready');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-download').click()]);
    assert.match(download.suggestedFilename(), /^contacts-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const path = await download.path();
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path);
    const sheet = book.worksheets[0];
    assert.ok(sheet);
    const rows = (sheet.getSheetValues().slice(1) as unknown[][]).map((r) => r.slice(1));
    assert.equal(rows.length, 3, 'header + the two filtered contacts');
    assert.ok((rows[0] as string[]).includes('姓名'), `headers are the list's labels: ${JSON.stringify(rows[0])}`);
    const cells = rows.slice(1).flat().map(String);
    assert.ok(cells.includes('John Smith') && cells.includes('Anna Smith'));
    assert.ok(!cells.some((c) => c.includes('王芳')), 'only the filtered rows');
    assert.ok(cells.includes(`'=HYPERLINK("http://evil.example")`), 'formula neutralised');
  });
});
