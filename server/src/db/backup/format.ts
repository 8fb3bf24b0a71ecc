import { readFileSync } from 'node:fs';

/**
 * The logical backup is gzip'd JSON lines. Meta lines are arrays (`["kind", {...}]`); every
 * other line is one row exactly as PostgreSQL's `row_to_json` wrote it, never parsed in
 * JavaScript, so numeric precision, microseconds and jsonb survive untouched.
 */
export const FORMAT = 'kehu-backup';
export const FORMAT_VERSION = 1;

export type MigrationState = { name: string; timestamp: string };

export type BackupHeader = {
  formatVersion: number;
  kehuVersion: string;
  engine: 'pglite' | 'postgres';
  serverVersion: string;
  createdAt: string;
  migrations: MigrationState[];
  tables: string[];
  note: string;
};

export type TableSection = { table: string; columns: { name: string; type: string }[] };
export type SequenceState = { name: string; lastValue: string };
export type BackupTrailer = { rows: Record<string, number>; sequences: SequenceState[] };

export const SECRET_NOTE =
  'Encrypted fields are sealed with KEHU_SECRET (or data/secret.key), which this backup does not contain: keep a copy of it separately, or the restored encrypted fields cannot be read.';

export const headerLine = (header: BackupHeader) => `${JSON.stringify([FORMAT, header])}\n`;
export const tableLine = (section: TableSection) => `${JSON.stringify(['table', section])}\n`;
export const trailerLine = (trailer: BackupTrailer) => `${JSON.stringify(['end', trailer])}\n`;

/** True for a meta line; row lines are JSON objects. */
export const isMetaLine = (line: string) => line.startsWith('[');

export function parseMeta(line: string): ['table', TableSection] | ['end', BackupTrailer] | [typeof FORMAT, BackupHeader] {
  const parsed = JSON.parse(line) as [string, unknown];
  if (parsed[0] === 'table' || parsed[0] === 'end' || parsed[0] === FORMAT) return parsed as ReturnType<typeof parseMeta>;
  throw new Error(`Unknown backup line kind ${String(parsed[0])}`);
}

/** The server package's version, stamped into every backup. */
export function kehuVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}
