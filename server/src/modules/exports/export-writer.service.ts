import { mkdir, open } from 'node:fs/promises';
import { dirname } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { SAFE_CSV_CAST } from '#platform/csv/formula-cells.ts';

type Cell = string | number | boolean | null;

/** Appends rows to an export file as they come; nothing but the current page is held in memory. */
export type ExportWriter = {
  /** Rows of one page (already neutralised). */
  write: (rows: Cell[][]) => Promise<void>;
  close: () => Promise<void>;
};

/** Excel's sheet limit, header included: a larger export continues on the next sheet. */
export const XLSX_MAX_ROWS = 1_048_576;

async function csvWriter(path: string, header: string[]): Promise<ExportWriter> {
  const file = await open(path, 'w');
  // BOM: Excel then opens UTF-8 Chinese text correctly.
  await file.write(`\uFEFF${stringify([header], { cast: SAFE_CSV_CAST })}`);
  return {
    write: async (rows) => {
      if (rows.length)
        await file.write(
          stringify(
            rows.map((r) => r.map((c) => (c === null ? '' : c))),
            { cast: SAFE_CSV_CAST },
          ),
        );
    },
    close: () => file.close(),
  };
}

async function xlsxWriter(path: string, header: string[], sheetName: string): Promise<ExportWriter> {
  const { default: ExcelJS } = await import('exceljs'); // loaded on first use: 16 MB and a third of a second at start
  // Streaming writer: each committed row is flushed to the zip, so memory stays flat.
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: false, useSharedStrings: false });
  let sheetNo = 1;
  let sheet = book.addWorksheet(sheetName);
  sheet.addRow(header).commit();
  let rowsInSheet = 1;
  return {
    write: async (rows) => {
      for (const row of rows) {
        if (rowsInSheet >= XLSX_MAX_ROWS) {
          sheet.commit();
          sheet = book.addWorksheet(`${sheetName} (${++sheetNo})`);
          sheet.addRow(header).commit();
          rowsInSheet = 1;
        }
        sheet.addRow(row).commit();
        rowsInSheet++;
      }
    },
    close: async () => {
      sheet.commit();
      await book.commit();
    },
  };
}

export async function openExportWriter(o: { path: string; format: 'csv' | 'xlsx'; header: string[]; sheetName: string }): Promise<ExportWriter> {
  await mkdir(dirname(o.path), { recursive: true });
  return o.format === 'csv' ? csvWriter(o.path, o.header) : xlsxWriter(o.path, o.header, o.sheetName.slice(0, 31));
}
