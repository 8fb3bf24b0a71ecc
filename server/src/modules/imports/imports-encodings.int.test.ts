import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '#test/app.ts';
import { databaseAvailable } from '#test/db.ts';
import { importsClient, tempFile } from './imports.test-kit.ts';

// Taiwan's and Hong Kong's Excel save CSV as Big5; "Unicode Text" is tab-separated UTF-16 LE with a BOM.
const TRADITIONAL = [
  '姓名,手機,電子郵件,公司名稱,城市',
  '陳大文,+886 912 345 678,chen.dawen@example.tw,臺灣積體電路製造,新竹',
  '林美麗,+852 9123 4567,lin.meili@example.hk,鴻海精密工業,香港',
].join('\r\n');

describe.skipIf(!databaseAvailable)('imports: files in UTF-16 and Big5', () => {
  let t: TestApp;
  let api: ReturnType<typeof importsClient>;
  beforeAll(async () => {
    t = await createTestApp();
    api = importsClient(t, t.admin);
  });
  afterAll(async () => t?.close());

  it("imports Excel's Unicode Text (UTF-16 LE, BOM, tabs) with Traditional Chinese", async () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(TRADITIONAL.replaceAll(',', '\t'), 'utf-16le')]);
    const imp = await api.uploaded(await tempFile('客戶.txt', bytes));
    expect(imp).toMatchObject({ format: 'csv', encoding: 'utf-16le', totalRows: 2, columns: ['姓名', '手機', '電子郵件', '公司名稱', '城市'] });
    // Traditional headers are suggested like Simplified ones.
    expect(imp.mapping.map((m) => m.field)).toEqual(['name', 'mobile', 'email', 'company', 'city']);
    await api.start(imp.id);
    expect(await api.run(imp.id)).toBe('done');
    expect((await api.get(imp.id)).progress).toMatchObject({ created: 2, failed: 0 });
    const [chen] = await api.contacts({ name: { eq: '陳大文' } });
    expect(chen).toMatchObject({ company: { name: '臺灣積體電路製造' }, emails: [{ address: 'chen.dawen@example.tw' }], phones: [{ e164: '+886912345678' }] });
  });

  it('imports a UTF-16 BE file', async () => {
    const bytes = Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode('姓名,電子郵件\n黃志明,huang@example.tw\n', 'utf-16be')]);
    const imp = await api.uploaded(await tempFile('be.csv', bytes));
    expect(imp).toMatchObject({ encoding: 'utf-16be', sample: [['黃志明', 'huang@example.tw']] });
  });

  it('reads a Big5 CSV as Big5, not as GB18030', async () => {
    const imp = await api.uploaded(
      await tempFile('big5.csv', iconv.encode(TRADITIONAL.replaceAll('chen.dawen', 'chen2').replaceAll('lin.meili', 'lin2'), 'big5')),
    );
    expect(imp).toMatchObject({ encoding: 'big5', columns: ['姓名', '手機', '電子郵件', '公司名稱', '城市'] });
    expect(imp.sample[1]).toEqual(['林美麗', '+852 9123 4567', 'lin2@example.hk', '鴻海精密工業', '香港']);
    await api.start(imp.id);
    expect(await api.run(imp.id)).toBe('done');
    expect((await api.contacts({ email: { eq: 'lin2@example.hk' } }))[0]).toMatchObject({ name: '林美麗', company: { name: '鴻海精密工業' } });
  });
});
