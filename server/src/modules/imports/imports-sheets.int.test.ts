import ExcelJS from 'exceljs';
import { unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '#test/app.ts';
import { databaseAvailable } from '#test/db.ts';
import { loadAccess } from '#platform/auth/auth.service.ts';
import { importFile } from './import-file.service.ts';
import { importsClient, tempFile } from './imports.test-kit.ts';
import { sheetNames } from './xlsx-sheets.rules.ts';

const SECOND = '客户 & 伙伴';

/**
 * The parts in the order Excel and WPS write them (workbook and shared strings before the sheets).
 * ExcelJS writes the sheets first, and its streaming reader then loses the shared strings about
 * one read in a hundred (a known flaw of that path, not of choosing a sheet).
 */
function excelOrder(xlsx: ArrayBuffer): Buffer {
  const parts = unzipSync(new Uint8Array(xlsx));
  const first = ['[Content_Types].xml', '_rels/.rels', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/sharedStrings.xml'];
  const names = [...first.filter((n) => parts[n]), ...Object.keys(parts).filter((n) => !first.includes(n))];
  return Buffer.from(zipSync(Object.fromEntries(names.map((n) => [n, parts[n] as Uint8Array]))));
}

/** Three sheets: notes first, the customers second (a name XML must escape), an empty one last. */
async function workbook(): Promise<string> {
  const book = new ExcelJS.Workbook();
  book.addWorksheet('说明').addRows([['Note'], ['Exported from the old CRM']]);
  book.addWorksheet(SECOND).addRows([
    ['姓名', '邮箱', '城市'],
    ['周一', 'zhou1@sheets.example', '杭州'],
    ['吴二', 'wu2@sheets.example', '苏州'],
    ['郑三', 'zheng3@sheets.example', '南京'],
  ]);
  book.addWorksheet('空表');
  return tempFile('book.xlsx', excelOrder(await book.xlsx.writeBuffer()));
}

/** A workbook whose first sheet is empty and second holds the rows; or, `allEmpty`, two empty sheets. */
async function emptyFirst(allEmpty = false): Promise<string> {
  const book = new ExcelJS.Workbook();
  book.addWorksheet('封面');
  const rows = book.addWorksheet('客户');
  if (!allEmpty)
    rows.addRows([
      ['姓名', '邮箱'],
      ['冯四', 'feng4@sheets.example'],
    ]);
  return tempFile(allEmpty ? 'blank.xlsx' : 'cover.xlsx', excelOrder(await book.xlsx.writeBuffer()));
}

describe('sheetNames', () => {
  it('reads names in workbook order, prefixed or not, with XML escapes undone', () => {
    const xml = `<workbook><sheets><x:sheet name="B &amp; C" sheetId="2" r:id="rId2"/><sheet sheetId='1' name='&#x4E00;&lt;a&gt;'/></sheets></workbook>`;
    expect(sheetNames(xml)).toEqual(['B & C', '一<a>']);
  });
});

describe.skipIf(!databaseAvailable)('imports: choosing the sheet of a workbook', () => {
  let t: TestApp;
  let api: ReturnType<typeof importsClient>;
  let path: string;
  const patch = (id: string, payload: object, locale = 'en') =>
    t.request(t.admin, { method: 'PATCH', url: `/api/v1/imports/${id}`, payload, headers: { 'accept-language': locale } });
  beforeAll(async () => {
    t = await createTestApp();
    api = importsClient(t, t.admin);
    path = await workbook();
  });
  afterAll(async () => t?.close());

  it('lists the sheets on upload and reads the first by default', async () => {
    const imp = await api.uploaded(path);
    expect(imp).toMatchObject({ format: 'xlsx', sheets: ['说明', SECOND, '空表'], sheet: '说明', columns: ['Note'], totalRows: 1 });
  });

  it('opens on the first sheet with rows when the first is empty, and refuses a workbook without any', async () => {
    const imp = await api.uploaded(await emptyFirst());
    expect(imp).toMatchObject({ sheets: ['封面', '客户'], sheet: '客户', columns: ['姓名', '邮箱'], totalRows: 1 });
    const blank = await api.upload(await emptyFirst(true));
    expect(blank.statusCode).toBe(400);
    expect(blank.json().detail).toMatch(/empty/i);
  });

  it('re-reads header, sample, count and mapping for the chosen sheet, and imports its rows only', async () => {
    const imp = await api.uploaded(path);
    const chosen = await api.configure(imp.id, { sheet: SECOND });
    expect(chosen).toMatchObject({
      sheet: SECOND,
      columns: ['姓名', '邮箱', '城市'],
      totalRows: 3,
      sample: [
        ['周一', 'zhou1@sheets.example', '杭州'],
        ['吴二', 'wu2@sheets.example', '苏州'],
        ['郑三', 'zheng3@sheets.example', '南京'],
      ],
    });
    expect(chosen.mapping.map((m) => m.field)).toEqual(['name', 'email', 'city']);
    const preview = await t.request(t.admin, { method: 'POST', url: `/api/v1/imports/${imp.id}/preview` });
    expect(preview.json().counts).toMatchObject({ created: 3, failed: 0 });
    await api.start(imp.id);
    expect(await api.run(imp.id)).toBe('done');
    expect((await api.get(imp.id)).progress).toMatchObject({ processed: 3, created: 3, failed: 0 });
    expect((await api.contacts({ email: { eq: 'wu2@sheets.example' } }))[0]).toMatchObject({ name: '吴二' });
    expect(await api.contacts({ name: { eq: 'Exported from the old CRM' } })).toHaveLength(0);
  });

  it('refuses a sheet the workbook lacks, or one without rows, in the reader’s language, changing nothing', async () => {
    const imp = await api.uploaded(path);
    const missing = await patch(imp.id, { sheet: 'Sheet9', mapping: [] }, 'zh-CN');
    expect(missing.statusCode).toBe(400);
    expect(missing.headers['content-type']).toContain('application/problem+json');
    expect(missing.json().errors).toEqual([{ field: 'sheet', message: '工作簿中没有名为“Sheet9”的工作表' }]);
    const empty = await patch(imp.id, { sheet: '空表' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().errors).toEqual([{ field: 'sheet', message: 'The sheet “空表” has no rows to import' }]);
    expect(await api.get(imp.id)).toEqual({ ...imp, progress: expect.anything() });
  });

  it('refuses a sheet for a CSV', async () => {
    const csv = await api.uploaded(await tempFile('a.csv', 'name,email\nAnn,ann@sheets.example\n'));
    expect(csv).toMatchObject({ sheets: null, sheet: null });
    const res = await patch(csv.id, { sheet: 'Sheet1' });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([{ field: 'sheet', message: 'Only an Excel workbook (XLSX) has sheets to choose from' }]);
    expect((await api.get(csv.id)).sheet).toBeNull();
  });

  it('imports a named sheet from a file, with a mapping by that sheet’s headers (kehu import --sheet)', async () => {
    const ctx = {
      tenantId: t.admin.tenantId,
      userId: t.admin.id,
      requestId: 'sheets-test',
      ip: null,
      locale: 'en' as const,
      access: await loadAccess({ deps: t.deps, tenantId: t.admin.tenantId, userId: t.admin.id }),
    };
    const { job } = await importFile({ deps: t.deps, ctx, object: 'contact', path, sheet: SECOND, mapping: { 姓名: 'name', 邮箱: 'email' }, dryRun: true });
    expect(job).toMatchObject({
      sheet: SECOND,
      mapping: [
        { column: 0, field: 'name' },
        { column: 1, field: 'email' },
      ],
    });
    await expect(importFile({ deps: t.deps, ctx, object: 'contact', path, sheet: 'Sheet9' })).rejects.toMatchObject({ message: 'validation' });
  });
});
