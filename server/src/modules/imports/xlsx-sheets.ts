import { Unzip, UnzipInflate, type UnzipFile } from 'fflate';
import { AppError } from '#platform/errors/app-error.ts';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const unescapeXml = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, e: string) =>
    e[0] === '#'
      ? String.fromCodePoint(Number.parseInt(e.slice(e[1] === 'x' || e[1] === 'X' ? 2 : 1), e[1] === 'x' || e[1] === 'X' ? 16 : 10))
      : (ENTITIES[e] ?? whole),
  );

/** Sheet names as `xl/workbook.xml` lists them (the order Excel shows its tabs); some writers prefix elements (`x:sheet`). */
export function sheetNames(workbookXml: string): string[] {
  const names: string[] = [];
  for (const [tag] of workbookXml.matchAll(/<(?:\w+:)?sheet\s[^>]*>/g)) {
    const name = /\sname\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(tag);
    if (name) names.push(unescapeXml(name[1] ?? name[2] ?? ''));
  }
  return names;
}

/** The workbook's sheet names in workbook order; stops reading once `xl/workbook.xml` is through. */
export async function listSheets(chunks: AsyncIterable<Buffer>): Promise<string[]> {
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
  if (failed) throw new AppError('bad_request', { message: 'imports.unreadable_file', params: { reason: failed } });
  return sheetNames(Buffer.concat(parts).toString('utf8'));
}
