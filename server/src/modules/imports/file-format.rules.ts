import { isVcard } from './vcard.rules.ts';
import { importsErrors } from './imports.errors.ts';

export type FileFormat = 'csv' | 'xlsx' | 'vcf';
export type FileEncoding = 'utf-8' | 'gb18030';

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** XLSX is a zip; a .vcf or BEGIN:VCARD is an address book; anything else is read as delimited text. Binary garbage is refused early. */
export function detectFormat(head: Buffer, fileName: string): FileFormat {
  if (head.subarray(0, 4).equals(ZIP_MAGIC)) return 'xlsx';
  if (isVcard(head, fileName)) return 'vcf';
  if (/\.xlsx?$/i.test(fileName)) throw importsErrors.unsupportedFormat();
  const sample = head.subarray(0, 8192);
  const controls = sample.filter((b) => b < 9 || (b > 13 && b < 32)).length;
  if (sample.includes(0) || controls > sample.length / 20) throw importsErrors.unsupportedFormat();
  return 'csv';
}

/** UTF-8 (with or without BOM) when the head decodes strictly; otherwise GB18030, a superset of GBK and GB2312. */
export function detectEncoding(head: Buffer): FileEncoding {
  if (head.subarray(0, 3).equals(UTF8_BOM)) return 'utf-8';
  // A multi-byte character may be cut at the end of the head: drop up to 3 trailing bytes.
  let end = head.length;
  for (let i = 1; i <= 3 && end - i >= 0; i++) if (((head[end - i] ?? 0) & 0xc0) === 0xc0) end -= i;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, end));
    return 'utf-8';
  } catch {
    return 'gb18030';
  }
}
