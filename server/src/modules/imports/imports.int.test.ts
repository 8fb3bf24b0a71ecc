import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '#test/app.ts';
import { databaseAvailable } from '#test/db.ts';
import { importsClient, tempFile } from './imports.test-kit.ts';

const CSV = [
  '姓名,手机号,电子邮件,公司名称,职务,城市',
  '张伟,138 0013 8000,zhang.wei@example.cn,华为,经理,深圳',
  '"Li, Na",+1 415 555 0100,LI.NA@example.com,,"Sales\nLead",上海',
].join('\r\n');

describe.skipIf(!databaseAvailable)('imports: upload, mapping, dedup, row errors', () => {
  let t: TestApp;
  let api: ReturnType<typeof importsClient>;
  beforeAll(async () => {
    t = await createTestApp();
    api = importsClient(t, t.admin);
  });
  afterAll(async () => t?.close());

  it('reads a UTF-8 CSV with Chinese headers and suggests a mapping', async () => {
    const imp = await api.uploaded(await tempFile('客户.csv', `\ufeff${CSV}`));
    expect(imp).toMatchObject({
      status: 'uploaded',
      format: 'csv',
      encoding: 'utf-8',
      totalRows: 2,
      columns: ['姓名', '手机号', '电子邮件', '公司名称', '职务', '城市'],
    });
    expect(imp.sample[1]).toEqual(['Li, Na', '+1 415 555 0100', 'LI.NA@example.com', '', 'Sales\nLead', '上海']);
    expect(imp.mapping.map((m) => m.field)).toEqual(['name', 'mobile', 'email', 'company', 'title', 'city']);
  });

  it('detects a GBK export from Chinese Excel', async () => {
    const imp = await api.uploaded(await tempFile('gbk.csv', iconv.encode(CSV, 'gbk')));
    expect(imp.encoding).toBe('gb18030');
    expect(imp.columns[0]).toBe('姓名');
    expect(imp.sample[0]?.[0]).toBe('张伟');
  });

  it('reads the first sheet of an XLSX workbook (dates and numbers as text)', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('客户');
    sheet.addRows([
      ['姓名', '邮箱', '生日', '员工数'],
      ['赵六', 'zhao@example.cn', new Date(Date.UTC(1990, 4, 6)), 12],
    ]);
    const path = await tempFile('book.xlsx', Buffer.from(await book.xlsx.writeBuffer()));
    const imp = await api.uploaded(path);
    expect(imp).toMatchObject({
      format: 'xlsx',
      totalRows: 1,
      columns: ['姓名', '邮箱', '生日', '员工数'],
      sample: [['赵六', 'zhao@example.cn', '1990-05-06', '12']],
    });
    expect(imp.mapping.map((m) => m.field)).toEqual(['name', 'email', 'birthday']);
  });

  it('refuses empty files, binary garbage and unknown targets with a message', async () => {
    expect((await api.upload(await tempFile('e.csv', ''))).json()).toMatchObject({ status: 400, detail: expect.stringMatching(/empty/) });
    expect((await api.upload(await tempFile('g.csv', Buffer.from([0, 1, 2, 3, 0, 5, 6, 7])))).statusCode).toBe(415);
    const imp = await api.uploaded(await tempFile('a.csv', CSV));
    const res = await t.request(t.admin, { method: 'PATCH', url: `/api/v1/imports/${imp.id}`, payload: { mapping: [{ column: 0, field: 'shoeSize' }] } });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({ field: 'mapping.0.field' });
  });

  it('imports contacts, links the company, cleans emails and phones, and marks the source', async () => {
    const imp = await api.uploaded(await tempFile('a.csv', CSV));
    await api.start(imp.id);
    expect(await api.run(imp.id)).toBe('done');
    expect((await api.get(imp.id)).progress).toMatchObject({ processed: 2, created: 2, updated: 0, skipped: 0, failed: 0 });
    const [zhang] = await api.contacts({ name: { eq: '张伟' } });
    expect(zhang).toMatchObject({
      source: 'import',
      title: '经理',
      company: { name: '华为' },
      emails: [{ address: 'zhang.wei@example.cn' }],
      phones: [{ e164: '+8613800138000' }],
    });
    expect((await api.contacts({ email: { eq: 'li.na@example.com' } }))[0]?.title).toBe('Sales Lead'); // spaces and newlines collapse on import
  });

  it('dedups on email: skip leaves the record, update changes it', async () => {
    const file = await tempFile('again.csv', '姓名,邮箱,职位\n张伟,Zhang.Wei@example.cn,总监\n王芳,wang.fang@example.cn,助理\n');
    const skip = await api.uploaded(file);
    await api.configure(skip.id, { dedup: { match: 'email', action: 'skip' } });
    await api.start(skip.id);
    await api.run(skip.id);
    expect((await api.get(skip.id)).progress).toMatchObject({ created: 1, skipped: 1 });
    expect((await api.contacts({ name: { eq: '张伟' } }))[0]?.title).toBe('经理');

    const update = await api.uploaded(file);
    await api.configure(update.id, { dedup: { match: 'email', action: 'update' } });
    await api.start(update.id);
    await api.run(update.id);
    expect((await api.get(update.id)).progress).toMatchObject({ created: 0, updated: 2, skipped: 0 });
    expect(await api.contacts({ name: { eq: '张伟' } })).toHaveLength(1);
    expect((await api.contacts({ name: { eq: '张伟' } }))[0]?.title).toBe('总监');
  });

  it('refuses bad phones and emails row by row, leaving nothing of those rows', async () => {
    const file = await tempFile(
      'bad.csv',
      '姓名,手机,邮箱,公司\n好人,13900139000,ok@example.cn,\n坏电话,12345,p@example.cn,半写公司\n坏邮箱,13900139001,not-an-email,\n',
    );
    const imp = await api.uploaded(file);
    await api.start(imp.id);
    await api.run(imp.id);
    expect((await api.get(imp.id)).progress).toMatchObject({ processed: 3, created: 1, updated: 0, skipped: 0, failed: 2 });
    expect(await api.contacts({ name: { in: ['坏电话', '坏邮箱'] } })).toHaveLength(0);
    const companies = await t.request(t.admin, {
      method: 'GET',
      url: `/api/v1/companies?filter=${encodeURIComponent(JSON.stringify({ name: { eq: '半写公司' } }))}`,
    });
    expect(companies.json().data).toHaveLength(0);
    const report = await api.errorsCsv(imp.id);
    expect(report).toContain('Row,Field,Reason,姓名,手机,邮箱,公司');
    expect(report).toContain('3,phones.0.number,Not a valid phone number,坏电话,12345');
    expect(report).toContain('4,emails.0.address,Not a valid email address,坏邮箱');
  });
});
