import { once } from 'node:events';
import { createWriteStream, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { sql } from 'kysely';
import type { Database } from '../database.ts';
import type { Tx } from '../tx.ts';
import { foreignKeyOrder, quoteName, readCatalog } from './catalog.ts';
import { headerLine, kehuVersion, type MigrationState, SECRET_NOTE, type SequenceState, tableLine, trailerLine } from './format.ts';

export type WriteBackupOptions = { db: Database; out: string; batchSize?: number };
export type BackupSummary = { path: string; bytes: number; rows: Record<string, number>; migrations: string[] };

type Write = (text: string) => Promise<void>;

/**
 * Tables whose rows a backup leaves out (the table itself is restored, empty): sign-in sessions,
 * so a cookie stolen from the source cannot sign in to a restored copy; everyone signs in again.
 */
export const NOT_BACKED_UP = new Set(['public.sessions']);

/**
 * Writes a logical backup of every application table in one repeatable-read, read-only
 * transaction (a consistent snapshot while the app keeps serving), streaming through a cursor.
 * The file appears under its name only when complete.
 */
export async function writeLogicalBackup({ db, out, batchSize = 1000 }: WriteBackupOptions): Promise<BackupSummary> {
  mkdirSync(dirname(out), { recursive: true });
  const partial = `${out}.partial`;
  const gzip = createGzip();
  // Backups hold personal data: readable by the owner only.
  const done = pipeline(gzip, createWriteStream(partial, { mode: 0o600 }));
  const write: Write = async (text) => {
    if (!gzip.write(text)) await once(gzip, 'drain');
  };
  try {
    const result = await db.kysely
      .transaction()
      .setIsolationLevel('repeatable read')
      .execute((tx) => dumpAll(tx, db.kind, write, batchSize));
    gzip.end();
    await done;
    renameSync(partial, out);
    return { path: out, bytes: statSync(out).size, ...result };
  } catch (error) {
    gzip.destroy();
    await done.catch(() => {});
    rmSync(partial, { force: true });
    throw error;
  }
}

async function dumpAll(tx: Tx, engine: Database['kind'], write: Write, batchSize: number) {
  await sql`set transaction read only`.execute(tx);
  // row_security off: a policy that would hide rows makes the backup fail instead of lose them.
  await sql`select set_config('timezone', 'UTC', true), set_config('extra_float_digits', '3', true), set_config('row_security', 'off', true)`.execute(tx);
  const migrations = await readMigrations(tx);
  const tables = foreignKeyOrder(await readCatalog(tx));
  const { rows: version } = await sql<{ server_version: string }>`show server_version`.execute(tx);
  await write(
    headerLine({
      formatVersion: 1,
      kehuVersion: kehuVersion(),
      engine,
      serverVersion: version[0]?.server_version ?? '',
      createdAt: new Date().toISOString(),
      migrations,
      tables: tables.map((t) => t.name),
      note: SECRET_NOTE,
    }),
  );
  const rows: Record<string, number> = {};
  for (const table of tables) {
    await write(tableLine({ table: table.name, columns: table.columns.map(({ name, type }) => ({ name, type })) }));
    if (NOT_BACKED_UP.has(table.name)) {
      rows[table.name] = 0;
      continue;
    }
    // No ORDER BY: a sequential scan streams at disk speed, where sorting would spill the whole table.
    await sql.raw(`declare kehu_backup no scroll cursor for select row_to_json(t)::text as j from ${quoteName(table.name)} t`).execute(tx);
    let count = 0;
    for (;;) {
      const { rows: batch } = await sql.raw<{ j: string }>(`fetch forward ${batchSize} from kehu_backup`).execute(tx);
      if (batch.length === 0) break;
      count += batch.length;
      await write(`${batch.map((r) => r.j).join('\n')}\n`);
    }
    await sql`close kehu_backup`.execute(tx);
    rows[table.name] = count;
  }
  await write(trailerLine({ rows, sequences: await readSequences(tx) }));
  return { rows, migrations: migrations.map((m) => m.name) };
}

async function readMigrations(tx: Tx): Promise<MigrationState[]> {
  const { rows: exists } = await sql<{ ok: boolean }>`select to_regclass('public.kysely_migration') is not null as ok`.execute(tx);
  if (!exists[0]?.ok) throw new Error('This database has no Kehu migrations: nothing to back up');
  const { rows } = await sql<MigrationState>`select name, timestamp from kysely_migration order by name`.execute(tx);
  return rows;
}

async function readSequences(tx: Tx): Promise<SequenceState[]> {
  const { rows } = await sql<SequenceState>`
    select schemaname || '.' || sequencename as "name", last_value::text as "lastValue"
    from pg_sequences where schemaname = 'public' and last_value is not null order by 1`.execute(tx);
  return rows;
}
