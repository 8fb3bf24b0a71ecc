import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '#test/app.ts';
import { databaseAvailable } from '#test/db.ts';
import { MAX_COLUMNS } from './file-rows.service.ts';
import { importsClient, tempFile } from './imports.test-kit.ts';
import { checkXlsx } from './xlsx-guard.rules.ts';

/** A workbook whose one sheet repeats an empty row until it unpacks to `mb` megabytes: a zip bomb. */
function bombXlsx(mb: number): Buffer {
  const row = '<row><c t="inlineStr"><is><t>x</t></is></c></row>';
  const body = row.repeat(Math.ceil((mb * 1024 * 1024) / row.length));
  const sheet = `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${body}</sheetData></worksheet>`;
  return Buffer.from(zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'xl/worksheets/sheet1.xml': strToU8(sheet) }, { level: 9 }));
}

describe.skipIf(!databaseAvailable)('imports: bad files get a clear answer and leave nothing behind', () => {
  let t: TestApp;
  let api: ReturnType<typeof importsClient>;
  const importsCount = async () => (await t.request(t.admin, { method: 'GET', url: '/api/v1/imports?limit=100' })).json().data.length as number;
  beforeAll(async () => {
    t = await createTestApp();
    api = importsClient(t, t.admin);
  });
  afterAll(async () => t?.close());

  it('refuses a file that is only a header row', async () => {
    const before = await importsCount();
    const res = await api.upload(await tempFile('header.csv', '姓名,手机号,邮箱\r\n'));
    expect(res.statusCode).toBe(400);
    expect(res.json().detail).toMatch(/行|row/i);
    expect(await importsCount()).toBe(before);
  });

  it('reports an unclosed quote with where it is, and reads a stray quote inside a field as text', async () => {
    const res = await api.upload(await tempFile('quotes.csv', 'name,email\n"Unclosed,a@example.com\nOther,b@example.com\n'));
    expect(res.statusCode).toBe(400);
    expect(res.json().detail).toMatch(/quote/i);
    const stray = await api.uploaded(await tempFile('stray.csv', 'name,title\nAnna,"Buyer, ""big"" screens"\nBo,27" monitor\n'));
    expect(stray.sample).toEqual([
      ['Anna', 'Buyer, "big" screens'],
      ['Bo', '27" monitor'],
    ]);
  });

  it(`refuses 10,000 columns (more than ${MAX_COLUMNS})`, async () => {
    const header = Array.from({ length: 10_000 }, (_, i) => `c${i}`).join(',');
    const res = await api.upload(await tempFile('wide.csv', `${header}\n${'x,'.repeat(9_999)}x\n`));
    expect(res.statusCode).toBe(400);
    expect(res.json().detail).toContain(String(MAX_COLUMNS));
  });

  it('refuses an XLSX that inflates like a zip bomb, in the reader’s language', async () => {
    const bomb = bombXlsx(40);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const before = await importsCount();
    const res = await t.request(t.admin, {
      method: 'POST',
      url: '/api/v1/imports?object=contact&fileName=bomb.xlsx',
      headers: { 'content-type': 'application/octet-stream', 'accept-language': 'zh-CN' },
      payload: bomb,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().detail).toMatch(/解压后超出/);
    expect(await importsCount()).toBe(before);
  });

  it('lets an ordinary workbook through the guard and stops a bomb before inflating all of it', async () => {
    async function* once(b: Buffer) {
      yield b;
    }
    const small = Buffer.from(zipSync({ 'xl/worksheets/sheet1.xml': strToU8('<worksheet><sheetData/></worksheet>') }));
    await expect(checkXlsx(once(small))).resolves.toBeUndefined();
    const limits = { sharedStringsBytes: 1024, totalBytes: 1024 * 1024 * 1024, ratio: 200, ratioFloorBytes: 1024 * 1024 };
    await expect(checkXlsx(once(bombXlsx(40)), limits)).rejects.toMatchObject({ message: 'imports.xlsx_too_large' });
    const strings = Buffer.from(zipSync({ 'xl/sharedStrings.xml': strToU8(`<sst>${'<si><t>abc</t></si>'.repeat(200)}</sst>`) }));
    await expect(checkXlsx(once(strings), limits)).rejects.toMatchObject({ params: { reason: expect.stringContaining('sharedStrings') } });
  });
});
