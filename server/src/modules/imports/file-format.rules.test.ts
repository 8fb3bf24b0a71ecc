import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decoderOf, detectEncoding, detectFormat } from './file-format.rules.ts';

const SIMPLIFIED = '客户名称,联系人,电话,城市\n北京华信科技有限公司,张伟,13800138000,北京\n上海东方贸易有限公司,李娜,13900139000,上海\n';
const TRADITIONAL = '客戶名稱,聯絡人,電話,城市\n臺灣積體電路製造股份有限公司,陳大文,0912345678,新竹\n鴻海精密工業股份有限公司,林美麗,0223456789,臺北\n';

/** What the import reads: the detected encoding's decoder over the bytes, BOM removed. */
const decoded = (bytes: Buffer) => iconv.decode(bytes, decoderOf(detectEncoding(bytes)));

describe('import file encodings', () => {
  it("reads UTF-16 with a byte-order mark (Excel's Unicode Text) as text, not as binary", () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(TRADITIONAL.replaceAll(',', '\t'), 'utf-16le')]);
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(SIMPLIFIED, 'utf-16be')]);
    expect(detectFormat(le, 'x.txt')).toBe('csv');
    expect(detectEncoding(le)).toBe('utf-16le');
    expect(decoded(le)).toBe(TRADITIONAL.replaceAll(',', '\t'));
    expect(detectFormat(be, 'x.csv')).toBe('csv');
    expect(detectEncoding(be)).toBe('utf-16be');
    expect(decoded(be)).toBe(SIMPLIFIED);
  });

  it('recognises UTF-16 without a mark by its zero bytes, and a UTF-16 vCard', () => {
    const plain = iconv.encode('name,email\nAda,ada@example.com\nGrace,grace@example.com\n', 'utf-16le');
    expect(detectEncoding(plain)).toBe('utf-16le');
    expect(detectFormat(plain, 'x.csv')).toBe('csv');
    const card = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode('BEGIN:VCARD\r\nVERSION:3.0\r\nFN:陳大文\r\nEND:VCARD\r\n', 'utf-16le')]);
    expect(detectFormat(card, 'contacts.txt')).toBe('vcf');
  });

  it('tells Big5 (Traditional Chinese) from GBK (Simplified Chinese)', () => {
    const big5 = iconv.encode(TRADITIONAL, 'big5');
    expect(detectEncoding(big5)).toBe('big5');
    expect(decoded(big5)).toBe(TRADITIONAL);
    const gbk = iconv.encode(SIMPLIFIED, 'gbk');
    expect(detectEncoding(gbk)).toBe('gb18030');
    expect(decoded(gbk)).toBe(SIMPLIFIED);
    // Read the other way, each is garbage: the choice matters.
    expect(iconv.decode(big5, 'gb18030')).not.toContain('臺灣');
    expect(iconv.decode(gbk, 'big5')).not.toContain('北京');
  });

  it('decodes Hong Kong characters of Big5-HKSCS', () => {
    const text = '客戶,地址\n陳大文,香港九龍旺角彌敦道\n李小龍,香港新界沙田𨋢\n';
    const bytes = iconv.encode(text, 'big5hkscs');
    expect(detectEncoding(bytes)).toBe('big5');
    expect(decoded(bytes)).toBe(text);
  });

  it('still refuses binary garbage and keeps UTF-8', () => {
    expect(() => detectFormat(Buffer.from([0, 1, 2, 3, 0, 5, 6, 7]), 'g.csv')).toThrow();
    expect(() => detectFormat(Buffer.from([0, 1, 0, 3, 0, 5, 0, 7, 0, 2, 0, 4]), 'g.csv')).toThrow();
    expect(detectEncoding(Buffer.from(`\ufeff${TRADITIONAL}`, 'utf8'))).toBe('utf-8');
    expect(detectEncoding(Buffer.from(TRADITIONAL, 'utf8'))).toBe('utf-8');
  });
});
