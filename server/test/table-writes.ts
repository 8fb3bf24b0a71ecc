// Finds the tables server code writes by name, and which writes break ownership; the rule and
// its exceptions are in table-ownership.test.ts.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** A module allowed to write a table it does not own, and why. */
export type Exception = { table: string; writer: string; why: string };

export type TableWrite = { table: string; writer: string; file: string };

const WRITES = [
  /\.(?:insertInto|updateTable|deleteFrom|mergeInto)\(\s*['"]([a-z_]+)(?:\s+as\s+\w+)?['"]/g,
  /\binsert\s+into\s+([a-z_]+)/gi,
  /\bdelete\s+from\s+([a-z_]+)/gi,
  /\bupdate\s+([a-z_]+)(?:\s+(?:as\s+)?[a-z_]+)?\s+set\b/gi,
];

/** Tables a source text writes by name (Kysely builders and SQL text), among `tables`. */
export function tablesWritten(text: string, tables: ReadonlySet<string>): string[] {
  const found = WRITES.flatMap((re) => [...text.matchAll(re)].map((m) => (m[1] ?? '').toLowerCase()));
  return [...new Set(found.filter((t) => tables.has(t)))];
}

/** Who writes: `modules/<name>/...` is module <name>; `platform/...` is the platform; others (db, cli) are not checked. */
export function writerOf(path: string): string | null {
  const [top, name] = path.split('/');
  if (top === 'platform') return 'platform';
  return top === 'modules' && name && path.split('/').length > 2 ? name : null;
}

/** Owner per written table: the declaring module, else the platform, else the single module writing it. */
function ownersOf(writes: TableWrite[], declared: ReadonlyMap<string, string>, exceptions: readonly Exception[]): Map<string, string | null> {
  const excepted = new Set(exceptions.map((e) => `${e.table} ${e.writer}`));
  const owners = new Map<string, string | null>();
  for (const table of new Set(writes.map((w) => w.table))) {
    const writers = new Set(writes.filter((w) => w.table === table && !excepted.has(`${table} ${w.writer}`)).map((w) => w.writer));
    const owner = declared.get(table) ?? (writers.has('platform') ? 'platform' : writers.size === 1 ? [...writers][0] : null);
    owners.set(table, owner ?? null);
  }
  return owners;
}

/** Writes by someone other than the table's owner that no exception allows. */
export function violations(writes: TableWrite[], declared: ReadonlyMap<string, string>, exceptions: readonly Exception[]): TableWrite[] {
  const owners = ownersOf(writes, declared, exceptions);
  const excepted = new Set(exceptions.map((e) => `${e.table} ${e.writer}`));
  return writes.filter((w) => owners.get(w.table) !== w.writer && !excepted.has(`${w.table} ${w.writer}`));
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/** The tables of the generated schema (db/schema.ts, `interface DB`). */
function schemaTables(src: string): Set<string> {
  const schema = readFileSync(join(src, 'db', 'schema.ts'), 'utf8');
  return new Set([...schema.slice(schema.indexOf('export interface DB {')).matchAll(/^ {2}([a-z_]+): /gm)].map((m) => m[1] ?? ''));
}

/** Every write by name in the platform's and the modules' code (tests and test kits set up data; they are not counted). */
export function scanWrites(src: string): TableWrite[] {
  const tables = schemaTables(src);
  return sourceFiles(src).flatMap((path) => {
    const file = relative(src, path);
    const writer = writerOf(file);
    if (!writer || /[.-]test(-kit)?\.ts$|\.test-kit\.ts$/.test(file)) return [];
    return tablesWritten(readFileSync(path, 'utf8'), tables).map((table) => ({ table, writer, file }));
  });
}
