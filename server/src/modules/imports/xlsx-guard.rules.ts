import { Unzip, UnzipInflate, type UnzipFile } from 'fflate';
import { type WorkbookSheet, workbookSheets } from './xlsx-sheets.rules.ts';
import { importsErrors } from './imports.errors.ts';

/**
 * What an XLSX may unpack to. ExcelJS caches the shared strings in memory and trusts the zip,
 * so a "zip bomb" (a few MB that inflate to many GB) would exhaust the server; this pass
 * inflates the archive once, counting bytes and keeping none, and refuses it early.
 */
export const XLSX_LIMITS = {
  /** Shared strings are held in memory while the sheet is read. */
  sharedStringsBytes: 256 * 1024 * 1024,
  /** All parts together. */
  totalBytes: 8 * 1024 * 1024 * 1024,
  /** Spreadsheet XML compresses 5-20x; beyond this a large part is a bomb, not a sheet. */
  ratio: 200,
  /** Parts smaller than this may compress as well as they like. */
  ratioFloorBytes: 16 * 1024 * 1024,
};

type Limits = typeof XLSX_LIMITS;

/**
 * Reads the whole archive once: throws `imports.xlsx_too_large` as soon as a limit is passed, and
 * returns the sheets `xl/workbook.xml` lists (in workbook order), read on the way.
 */
export async function inspectXlsx(chunks: AsyncIterable<Buffer>, limits: Limits = XLSX_LIMITS): Promise<WorkbookSheet[]> {
  let compressed = 0;
  let inflated = 0;
  let refused: string | null = null;
  const workbook: Uint8Array[] = [];
  const unzip = new Unzip();
  unzip.register(UnzipInflate);
  unzip.onfile = (file: UnzipFile) => {
    let size = 0;
    const isSharedStrings = /(^|\/)sharedStrings\.xml$/i.test(file.name);
    const isWorkbook = file.name === 'xl/workbook.xml';
    file.ondata = (error, data) => {
      if (refused) return;
      if (error) {
        refused = error.message;
        return;
      }
      if (isWorkbook) workbook.push(data);
      size += data.length;
      inflated += data.length;
      if (isSharedStrings && size > limits.sharedStringsBytes) refused = `${file.name} > ${limits.sharedStringsBytes} bytes`;
      else if (inflated > limits.totalBytes) refused = `> ${limits.totalBytes} bytes in all`;
      else if (inflated > limits.ratioFloorBytes && inflated > compressed * limits.ratio) refused = `inflates more than ${limits.ratio} times`;
      if (refused) file.terminate();
    };
    file.start();
  };
  try {
    for await (const chunk of chunks) {
      compressed += chunk.length;
      unzip.push(chunk);
      if (refused) break;
    }
    if (!refused) unzip.push(new Uint8Array(0), true);
  } catch (error) {
    throw importsErrors.unreadableFile(error);
  }
  if (refused) throw importsErrors.xlsxTooLarge(refused);
  return workbookSheets(Buffer.concat(workbook).toString('utf8'));
}

/** The size guard alone. */
export const checkXlsx = async (chunks: AsyncIterable<Buffer>, limits: Limits = XLSX_LIMITS): Promise<void> => {
  await inspectXlsx(chunks, limits);
};
