import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import type ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { AppError } from '#platform/errors/app-error.ts';
import { decoderOf, type FileEncoding, type FileFormat } from './file-format.rules.ts';
import { textLines, vcardRows } from './vcard.rules.ts';
import { readWorkbookSheets } from './xlsx-sheets.rules.ts';
import { importsErrors } from './imports.errors.ts';

export type RowSource = {
  format: FileFormat;
  encoding: FileEncoding;
  chunks: () => AsyncIterable<Buffer>;
  /** XLSX: the sheet to read, by name; absent or null: the first sheet. */
  sheet?: string | null | undefined;
};

/** Limits that keep bad input from taking the server down (10,000 columns, a 1 MB cell). */
export const MAX_COLUMNS = 500;
const MAX_RECORD_BYTES = 1024 * 1024;

const cellText = (value: ExcelJS.CellValue): string => {
  if (value == null) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((t) => t.text).join('');
    if ('text' in value) return String(value.text);
    if ('result' in value) return value.result == null ? '' : cellText(value.result as ExcelJS.CellValue);
    // ExcelJS's streaming reader now and then misses the shared strings of a workbook that stores
    // them after its sheets, as ExcelJS itself writes (exceljs#683): cells then hold only the
    // index. Reading them as empty would drop rows silently; the read fails instead.
    if ('sharedString' in value) throw new Error('the shared strings were not read (exceljs#683); upload the file again');
    return '';
  }
  return String(value);
};

async function* csvRows(source: RowSource): AsyncGenerator<string[]> {
  const text = Readable.from(source.chunks()).pipe(iconv.decodeStream(decoderOf(source.encoding), { stripBOM: true }));
  // delimiter: the common ones, detected per file by csv-parse; quoted newlines are kept.
  const parser = text.pipe(
    parse({
      delimiter: [',', ';', '\t', '|'],
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      max_record_size: MAX_RECORD_BYTES,
      bom: true,
    }),
  );
  text.on('error', (error) => parser.destroy(error));
  try {
    for await (const record of parser as AsyncIterable<string[]>) yield record;
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw importsErrors.unreadableFile(error);
  }
}

async function* vcfRows(source: RowSource): AsyncGenerator<string[]> {
  const text = Readable.from(source.chunks()).pipe(iconv.decodeStream(decoderOf(source.encoding), { stripBOM: true }));
  try {
    yield* vcardRows(textLines(text as AsyncIterable<string>));
  } catch (error) {
    throw importsErrors.unreadableFile(error);
  }
}

async function* xlsxRows(source: RowSource): AsyncGenerator<string[]> {
  const { default: ExcelJS } = await import('exceljs'); // loaded on first use: 16 MB and a third of a second at start
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(source.chunks()), {
    // Styles are cached so date cells come back as dates, not Excel serials.
    sharedStrings: 'cache',
    worksheets: 'emit',
    styles: 'cache',
    hyperlinks: 'ignore',
  });
  // ExcelJS's unzip now and then loses the archive's last entry, which in ExcelJS-written files is
  // xl/workbook.xml: the reader then knows no sheet names (and threw). It gets them read here first.
  Object.assign(reader, { model: { sheets: await readWorkbookSheets(source.chunks()) } });
  try {
    for await (const sheet of reader) {
      const { name, iterator } = sheet as unknown as { name?: string; iterator: AsyncIterable<unknown> };
      if (source.sheet != null && name !== source.sheet) {
        // Another sheet: its bytes are read through unparsed. ExcelJS may have parked it in a temp
        // file it deletes on resuming; a stream left unread would then fail to open, uncaught.
        for await (const _ of iterator);
        continue;
      }
      for await (const row of sheet) {
        const values = Array.from((row.values as ExcelJS.CellValue[]).slice(1), cellText);
        if (values.some((v) => v.trim() !== '')) yield values;
      }
      return;
    }
  } catch (error) {
    throw importsErrors.unreadableFile(error);
  }
}

/** Every row of the file, header first, as trimmed strings; never holds the file in memory. */
export async function* readRows(source: RowSource): AsyncGenerator<string[]> {
  const rows = source.format === 'xlsx' ? xlsxRows(source) : source.format === 'vcf' ? vcfRows(source) : csvRows(source);
  for await (const row of rows) {
    if (row.length > MAX_COLUMNS) throw importsErrors.tooManyColumns(MAX_COLUMNS);
    yield row.map((v) => v.trim());
  }
}
