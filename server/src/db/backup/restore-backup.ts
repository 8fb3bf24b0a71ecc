import { sql } from 'kysely';
import type { Database } from '../database.ts';
import type { Tx } from '../tx.ts';
import { type CatalogTable, quoteName, readCatalog } from './catalog.ts';
import { type BackupHeader, type BackupTrailer, FORMAT, FORMAT_VERSION, isMetaLine, parseMeta, type TableSection } from './format.ts';
import { TableLoader } from './load-rows.ts';
import { readGzipLines } from './read-lines.ts';
import { migrateToBackupLevel } from './restore-level.ts';
import { createRecordTable, RUNTIME_RECORD_TABLE } from '../record-tables.ts';

export type RestoreOptions = { db: Database; file: string; force?: boolean /** Rows per INSERT (default 1000). */; batchRows?: number };
export type RestoreSummary = { header: BackupHeader; rows: Record<string, number>; migrated: string[] };

/**
 * Restores a logical backup: migrate to the backup's level, then load every table in one
 * transaction, so a damaged or truncated file leaves the database as it was.
 */
export async function restoreLogicalBackup({ db, file, force = false, batchRows }: RestoreOptions): Promise<RestoreSummary> {
  const lines = readGzipLines(file);
  const header = readHeader((await lines.next()).value);
  const migrated = await migrateToBackupLevel(db, header);
  const rows = await db.kysely.transaction().execute(async (tx) => {
    await sql`select set_config('row_security', 'off', true)`.execute(tx);
    await createRuntimeTables(tx, header.tables);
    const tables = new Map((await readCatalog(tx)).map((t) => [t.name, t]));
    const missing = header.tables.filter((name) => !tables.has(name));
    if (missing.length) throw new Error(`The database lacks tables the backup holds: ${missing.join(', ')}`);
    await emptyTarget(tx, [...tables.values()], force);
    // Rows come back as they were: user triggers (updated_at, search text...) must not rewrite them.
    for (const t of tables.values()) await sql.raw(`alter table ${quoteName(t.name)} disable trigger user`).execute(tx);
    const { counts, trailer } = await loadSections(tx, tables, lines, batchRows);
    for (const t of tables.values()) await sql.raw(`alter table ${quoteName(t.name)} enable trigger user`).execute(tx);
    checkCounts(counts, trailer);
    for (const s of trailer.sequences) await sql`select setval(${s.name}::regclass, ${s.lastValue}::bigint, true)`.execute(tx);
    for (const m of header.migrations) await sql`update kysely_migration set timestamp = ${m.timestamp} where name = ${m.name}`.execute(tx);
    return counts;
  });
  return { header, rows, migrated };
}

/**
 * Custom objects' tables are created at runtime, not by migrations: the ones the backup holds are
 * created here before loading. Their per-field indexes are not (the fields still filter, unindexed,
 * until a field is redefined).
 */
async function createRuntimeTables(tx: Tx, names: string[]) {
  const existing = new Set((await readCatalog(tx)).map((t) => t.name));
  for (const name of names) {
    const table = name.replace(/^public\./, '');
    if (!existing.has(name) && RUNTIME_RECORD_TABLE.test(table)) await createRecordTable(tx, table);
  }
}

function readHeader(line: string | undefined): BackupHeader {
  const meta = line && isMetaLine(line) ? parseMeta(line) : null;
  if (!meta || meta[0] !== FORMAT) throw new Error('Not a Kehu logical backup (no header line)');
  const header = meta[1] as BackupHeader;
  if (header.formatVersion > FORMAT_VERSION) throw new Error(`Backup format ${header.formatVersion} is newer than this Kehu reads (${FORMAT_VERSION})`);
  return header;
}

async function emptyTarget(tx: Tx, tables: CatalogTable[], force: boolean) {
  const filled: string[] = [];
  for (const t of tables) {
    const { rows } = await sql.raw<{ any: boolean }>(`select exists (select 1 from ${quoteName(t.name)}) as any`).execute(tx);
    if (rows[0]?.any) filled.push(t.name);
  }
  if (filled.length === 0) return;
  if (!force) throw new Error(`The database is not empty (${filled.join(', ')}): restore into an empty database, or pass --force to replace its data`);
  await sql.raw(`truncate ${tables.map((t) => quoteName(t.name)).join(', ')} restart identity`).execute(tx);
}

async function loadSections(tx: Tx, tables: Map<string, CatalogTable>, lines: AsyncGenerator<string>, batchRows?: number) {
  const counts: Record<string, number> = {};
  let loader: TableLoader | null = null;
  let trailer: BackupTrailer | null = null;
  const close = async () => {
    if (!loader) return;
    await loader.finish();
    counts[loader.table] = loader.count;
    loader = null;
  };
  for await (const line of lines) {
    if (trailer) throw new Error('The backup has data after its end marker');
    if (!isMetaLine(line)) {
      if (!loader) throw new Error('The backup has a row outside any table');
      await loader.add(line);
      continue;
    }
    await close();
    const meta = parseMeta(line);
    if (meta[0] === 'end') trailer = meta[1];
    else if (meta[0] === 'table') loader = await openTable(tx, tables, meta[1], batchRows);
    else throw new Error('The backup has a second header');
  }
  if (!trailer) throw new Error('The backup is incomplete (no end marker): the file was cut short');
  return { counts, trailer };
}

async function openTable(tx: Tx, tables: Map<string, CatalogTable>, section: TableSection, batchRows?: number) {
  const table = tables.get(section.table);
  if (!table) throw new Error(`Unknown table ${section.table} in the backup`);
  const have = table.columns
    .map((c) => c.name)
    .sort()
    .join(',');
  const want = section.columns
    .map((c) => c.name)
    .sort()
    .join(',');
  if (have !== want) throw new Error(`Columns of ${table.name} differ from the backup's (${want} vs ${have})`);
  const loader = new TableLoader({ tx, table, ...(batchRows ? { batchRows } : {}) });
  await loader.start();
  return loader;
}

function checkCounts(counts: Record<string, number>, trailer: BackupTrailer) {
  for (const [table, expected] of Object.entries(trailer.rows)) {
    if ((counts[table] ?? 0) !== expected) throw new Error(`${table}: loaded ${counts[table] ?? 0} rows, the backup recorded ${expected}`);
  }
}
