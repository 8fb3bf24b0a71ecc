import { describe, expect, it } from 'vitest';
import { cleanText, parseDate, parseNumber, splitList, parseDateTime, parseMoney } from './cleaning.rules.ts';
import { detectEncoding } from './file-format.rules.ts';
import { companyImport, contactImport } from '#modules/customers/index.ts';
import { suggestMapping } from './import-fields.definition.ts';

describe('import cleaning', () => {
  it('turns full-width characters half-width and collapses spaces', () => {
    expect(cleanText('  １３８ ０００\u3000Ａｂ ')).toBe('138 000 Ab');
    // NFKC: full-width punctuation and half-width katakana too; a character outside the BMP is kept.
    expect(cleanText('𠮷野家　ＣＯ．，ＬＴＤ（北京）')).toBe('𠮷野家 CO.,LTD(北京)');
    expect(cleanText('ｶﾀｶﾅ ﾃｽﾄ')).toBe('カタカナ テスト');
  });
  it('reads the common date spellings and refuses impossible dates', () => {
    for (const v of ['2024-01-05', '2024/1/5', '2024年1月5日', '05.01.2024', '20240105', '45296']) expect(parseDate(v), v).toBe('2024-01-05');
    expect(parseDate('2024-02-30')).toBeNull();
    // A bare year is not an Excel serial (2024 would be 1905-07-16): refused, never guessed.
    for (const v of ['2024', '1999', '9999']) expect(parseDate(v), v).toBeNull();
    expect(parseDate('45296.75')).toBe('2024-01-05');
    expect(parseDate('soon')).toBeNull();
  });
  it('reads numbers with thousands separators', () => {
    expect(parseNumber('1,234.50')).toBe('1234.50');
    expect(parseNumber('12a')).toBeNull();
    expect(splitList('甲,乙；丙、丁')).toEqual(['甲', '乙', '丙', '丁']);
  });
  it('tells UTF-8 from GB18030', () => {
    expect(detectEncoding(Buffer.from('姓名,手机\n', 'utf8'))).toBe('utf-8');
    expect(detectEncoding(Buffer.from([0xd0, 0xd5, 0xc3, 0xfb]))).toBe('gb18030'); // 姓名 in GBK
    expect(detectEncoding(Buffer.from('姓名', 'utf8').subarray(0, 5))).toBe('utf-8'); // cut mid-character
  });
  it('suggests targets for Chinese and English headers', () => {
    const headers = ['姓名', '手机号', '电子邮件', '公司名称', '职务', '城市', 'Unknown', '备注'];
    expect(suggestMapping(contactImport, headers, [])).toEqual([
      { column: 0, field: 'name' },
      { column: 1, field: 'mobile' },
      { column: 2, field: 'email' },
      { column: 3, field: 'company' },
      { column: 4, field: 'title' },
      { column: 5, field: 'city' },
      { column: 7, field: 'description' },
    ]);
    // Traditional Chinese headers (Taiwan, Hong Kong) read as their Simplified forms, and Taiwan's own words.
    expect(suggestMapping(contactImport, ['聯絡人', '行動電話', '電子郵件', '公司名稱', '職稱', '縣市', '備註'], []).map((m) => m.field)).toEqual([
      'name',
      'mobile',
      'email',
      'company',
      'title',
      'city',
      'description',
    ]);
    expect(suggestMapping(companyImport, ['公司名稱', '統一編號', '網站', '電話'], []).map((m) => m.field)).toEqual(['name', 'taxId', 'website', 'phone']);
    expect(suggestMapping(companyImport, ['公司名称', 'Website', 'Industry'], [])).toEqual([
      { column: 0, field: 'name' },
      { column: 1, field: 'website' },
      { column: 2, field: 'industry' },
    ]);
  });
});

describe('parseMoney and parseDateTime', () => {
  it('reads amounts with the currency they name', () => {
    expect(parseMoney('¥120,000')).toEqual({ amount: '120000', currency: 'CNY' });
    expect(parseMoney('USD 5,000.50')).toEqual({ amount: '5000.50', currency: 'USD' });
    expect(parseMoney('3.5万元')).toEqual({ amount: '35000', currency: 'CNY' });
    expect(parseMoney('1200 eur')).toEqual({ amount: '1200', currency: 'EUR' });
    expect(parseMoney('800')).toEqual({ amount: '800', currency: null });
    expect(parseMoney('about 5k')).toBeNull();
  });

  it('reads wall times in the tenant zone and keeps explicit offsets', () => {
    expect(parseDateTime('2026-11-20 14:30', 'Asia/Shanghai')).toBe('2026-11-20T06:30:00.000Z');
    expect(parseDateTime('2026年11月20日 9:05', 'Asia/Shanghai')).toBe('2026-11-20T01:05:00.000Z');
    expect(parseDateTime('2026-07-01 12:00', 'Europe/Berlin')).toBe('2026-07-01T10:00:00.000Z');
    expect(parseDateTime('2026-12-01', 'UTC')).toBe('2026-12-01T09:00:00.000Z');
    expect(parseDateTime('2026-11-20T14:30:00+08:00', 'UTC')).toBe('2026-11-20T06:30:00.000Z');
    expect(parseDateTime('next week', 'UTC')).toBeNull();
  });
});
