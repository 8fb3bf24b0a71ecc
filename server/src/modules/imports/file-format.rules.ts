import { analyse } from 'chardet';
import iconv from 'iconv-lite';
import { isVcard } from './vcard.rules.ts';
import { importsErrors } from './imports.errors.ts';

export type FileFormat = 'csv' | 'xlsx' | 'vcf';
export type FileEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'big5';

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** The iconv-lite decoder of a stored encoding: Big5 as Big5-HKSCS, its superset (Hong Kong characters too). */
export const decoderOf = (encoding: FileEncoding): string => (encoding === 'big5' ? 'big5hkscs' : encoding);

/**
 * UTF-16 by its byte-order mark (Excel's "Unicode Text" writes FF FE), or without one when text
 * is mostly ASCII-range: one byte of each pair is then zero, always on the same side.
 */
function utf16Of(head: Buffer): 'utf-16le' | 'utf-16be' | null {
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  const sample = head.subarray(0, Math.min(head.length, 4096) & ~1);
  if (sample.length < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < sample.length; i += 2) {
    if (sample[i] === 0) evenZeros++;
    if (sample[i + 1] === 0) oddZeros++;
  }
  const pairs = sample.length / 2;
  if (oddZeros > pairs * 0.4 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.4 && oddZeros < pairs * 0.05) return 'utf-16be';
  return null;
}

/** XLSX is a zip; a .vcf or BEGIN:VCARD is an address book; anything else is read as delimited text. Binary garbage is refused early. */
export function detectFormat(head: Buffer, fileName: string): FileFormat {
  if (head.subarray(0, 4).equals(ZIP_MAGIC)) return 'xlsx';
  const utf16 = utf16Of(head);
  // UTF-16 text is full of zero bytes: judged once decoded.
  const text = utf16 ? Buffer.from(iconv.decode(head.subarray(0, 16384), utf16), 'utf8') : head;
  if (isVcard(text, fileName)) return 'vcf';
  if (/\.xlsx?$/i.test(fileName)) throw importsErrors.unsupportedFormat();
  const sample = text.subarray(0, 8192);
  const controls = sample.filter((b) => b < 9 || (b > 13 && b < 32)).length;
  if (sample.includes(0) || controls > sample.length / 20) throw importsErrors.unsupportedFormat();
  return 'csv';
}

/**
 * UTF-8 (with or without BOM) when the head decodes strictly; UTF-16 by its BOM (or its zero
 * bytes); otherwise Big5 (Traditional Chinese: Taiwan, Hong Kong) when the detector rates it above
 * GB18030, else GB18030, a superset of GBK and GB2312 (Simplified Chinese Excel's default).
 */
export function detectEncoding(head: Buffer): FileEncoding {
  if (head.subarray(0, 3).equals(UTF8_BOM)) return 'utf-8';
  const utf16 = utf16Of(head);
  if (utf16) return utf16;
  // A multi-byte character may be cut at the end of the head: drop up to 3 trailing bytes.
  let end = head.length;
  for (let i = 1; i <= 3 && end - i >= 0; i++) if (((head[end - i] ?? 0) & 0xc0) === 0xc0) end -= i;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, end));
    return 'utf-8';
  } catch {
    return chineseEncodingOf(head);
  }
}

/** Big5 and GBK share byte ranges; chardet's statistics of frequent characters tell them apart. */
function chineseEncodingOf(head: Buffer): 'gb18030' | 'big5' {
  const matches = analyse(head);
  const confidence = (name: string) => matches.find((m) => m.name === name)?.confidence ?? 0;
  return confidence('Big5') > confidence('GB18030') ? 'big5' : 'gb18030';
}
