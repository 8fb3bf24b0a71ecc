import { sql } from 'kysely';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { type Database, openDatabase } from '../database.ts';
import { peekGzip } from './read-lines.ts';
import { FORMAT } from './format.ts';

export type BackupKind = 'logical' | 'datadir';

/** A logical backup starts with its header line; a PGlite data directory dump is a tar. */
export async function detectBackupKind(file: string): Promise<BackupKind> {
  const head = await peekGzip(file);
  if (head.toString('utf8').startsWith(`["${FORMAT}"`)) return 'logical';
  if (head.length >= 262 && head.subarray(257, 262).toString('latin1') === 'ustar') return 'datadir';
  throw new Error(`${file} is not a Kehu backup`);
}

/**
 * The embedded fast path: PGlite's own tarball of the data directory (gzip). Exact and quick
 * to load, but only into PGlite of the same major version; the logical format goes anywhere.
 * The caller holds the store lock, so nothing writes while the dump is taken.
 */
export async function writeDatadirBackup({ db, out }: { db: Database; out: string }) {
  const dump = await db.pglite?.dumpDataDir('gzip');
  if (!dump) throw new Error('--format datadir needs the embedded store');
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(`${out}.partial`, Buffer.from(await dump.arrayBuffer()), { mode: 0o600 });
  renameSync(`${out}.partial`, out);
}

/** Replaces the store with the tarball's (the old directory is kept aside, not deleted). */
export async function restoreDatadirBackup({ pgdataDir, file }: { pgdataDir: string; file: string }): Promise<string | null> {
  const aside = moveAside(pgdataDir);
  try {
    // PGlite loads an uncompressed tar here; the gzip wrapper is ours.
    const tar = gunzipSync(readFileSync(file));
    const db = await openDatabase({ dataDir: pgdataDir, loadDataDir: new Blob([tar]) });
    try {
      // A data directory holds the source's sign-in sessions: end them, as a logical backup leaves them out.
      await sql`delete from sessions`.execute(db.kysely);
    } finally {
      await db.close();
    }
    return aside;
  } catch (error) {
    rmSync(pgdataDir, { recursive: true, force: true });
    if (aside) renameSync(aside, pgdataDir);
    throw error;
  }
}

/** Moves an existing store to `<dir>.before-restore-<time>` and returns that path. */
export function moveAside(pgdataDir: string): string | null {
  const aside = `${pgdataDir}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  try {
    renameSync(pgdataDir, aside);
    return aside;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}
