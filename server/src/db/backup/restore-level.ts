import { sql } from 'kysely';
import type { Database } from '../database.ts';
import { knownMigrations, migrateUpTo } from '../migrator.ts';
import type { BackupHeader } from './format.ts';

const isPrefix = (prefix: string[], of: string[]) => prefix.length <= of.length && prefix.every((name, i) => of[i] === name);

/**
 * Brings the target to exactly the backup's migration level, so the rows fit the schema they
 * came from; `kehu serve` migrates further afterwards, carrying the restored data forward.
 */
export async function migrateToBackupLevel(db: Database, header: BackupHeader): Promise<string[]> {
  const wanted = header.migrations.map((m) => m.name);
  const last = wanted.at(-1);
  if (!last) throw new Error('The backup records no migrations');
  const known = await knownMigrations();
  if (!isPrefix(wanted, known)) {
    const unknown = wanted.filter((name) => !known.includes(name));
    throw new Error(
      `The backup was made by a newer Kehu (${header.kehuVersion}; unknown migrations: ${unknown.join(', ') || 'order differs'}). Upgrade Kehu, then restore.`,
    );
  }
  const applied = await appliedMigrations(db);
  if (!isPrefix(applied, wanted)) {
    throw new Error(
      `The database is at a newer migration level than the backup (${applied.at(-1)} > ${last}). Restore into an empty database${db.kind === 'pglite' ? ' (embedded: --force starts a fresh store)' : ''}.`,
    );
  }
  return applied.length < wanted.length ? migrateUpTo(db, last) : [];
}

async function appliedMigrations(db: Database): Promise<string[]> {
  const { rows: exists } = await sql<{ ok: boolean }>`select to_regclass('public.kysely_migration') is not null as ok`.execute(db.kysely);
  if (!exists[0]?.ok) return [];
  const { rows } = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db.kysely);
  return rows.map((r) => r.name);
}
