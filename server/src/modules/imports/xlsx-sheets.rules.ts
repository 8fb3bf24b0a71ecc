import { Unzip, UnzipInflate, type UnzipFile } from 'fflate';
import { importsErrors } from './imports.errors.ts';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const unescapeXml = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, e: string) =>
    e[0] === '#'
      ? String.fromCodePoint(Number.parseInt(e.slice(e[1] === 'x' || e[1] === 'X' ? 2 : 1), e[1] === 'x' || e[1] === 'X' ? 16 : 10))
      : (ENTITIES[e] ?? whole),
  );

/** A sheet as `xl/workbook.xml` lists it, in the shape ExcelJS's reader keeps as its model. */
export type WorkbookSheet = { name: string; id: number; rId: string | undefined; state: string | undefined };

const attribute = (tag: string, name: string) => {
  const found = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag);
  return found ? unescapeXml(found[1] ?? found[2] ?? '') : undefined;
};

/** The sheets `xl/workbook.xml` lists, in workbook order (the order Excel shows its tabs); some writers prefix elements (`x:sheet`). */
export function workbookSheets(workbookXml: string): WorkbookSheet[] {
  const sheets: WorkbookSheet[] = [];
  for (const [tag] of workbookXml.matchAll(/<(?:\w+:)?sheet\s[^>]*>/g)) {
    const name = attribute(tag, 'name');
    if (name !== undefined) sheets.push({ name, id: Number(attribute(tag, 'sheetId')), rId: attribute(tag, 'r:id'), state: attribute(tag, 'state') });
  }
  return sheets;
}

export const sheetNames = (workbookXml: string): string[] => workbookSheets(workbookXml).map((s) => s.name);

/** The workbook's sheets in workbook order; stops reading once `xl/workbook.xml` is through. */
export async function readWorkbookSheets(chunks: AsyncIterable<Buffer>): Promise<WorkbookSheet[]> {
  const parts: Uint8Array[] = [];
  let done = false;
  let failed: string | null = null;
  const unzip = new Unzip();
  unzip.register(UnzipInflate);
  unzip.onfile = (file: UnzipFile) => {
    if (file.name !== 'xl/workbook.xml') return;
    file.ondata = (error, data, final) => {
      if (error) failed = error.message;
      else parts.push(data);
      if (final) done = true;
    };
    file.start();
  };
  try {
    for await (const chunk of chunks) {
      unzip.push(chunk);
      if (done || failed) break;
    }
    if (!done && !failed) unzip.push(new Uint8Array(0), true);
  } catch (error) {
    failed = error instanceof Error ? error.message : String(error);
  }
  if (failed) throw importsErrors.unreadableFile(failed);
  return workbookSheets(Buffer.concat(parts).toString('utf8'));
}
