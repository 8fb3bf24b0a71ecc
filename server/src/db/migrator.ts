import { readdir } from 'node:fs/promises';
import { type Migration, type MigrationProvider, Migrator } from 'kysely';
import type { Database } from './database.ts';

const folder = new URL('./migrations/', import.meta.url);

/** Migration files are named `<timestamp>-<what>.ts` and applied in name order. */
class FolderMigrationProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    const names = (await readdir(folder)).filter((name) => /^\d{8}T\d{4}-.+\.ts$/.test(name)).sort();
    const entries = await Promise.all(names.map(async (name) => [name.replace(/\.ts$/, ''), (await import(new URL(name, folder).href)) as Migration] as const));
    return Object.fromEntries(entries);
  }
}

/** Applies every pending migration; safe to run from several instances at once (Kysely locks). */
export async function migrateToLatest(db: Database): Promise<string[]> {
  const migrator = new Migrator({ db: db.kysely, provider: new FolderMigrationProvider() });
  const { error, results = [] } = await migrator.migrateToLatest();
  if (error) throw error;
  return results.filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** Names of the migrations this build ships, in the order they apply. */
export async function knownMigrations(): Promise<string[]> {
  return Object.keys(await new FolderMigrationProvider().getMigrations());
}

/** Applies pending migrations up to and including `name` (restore rebuilds a backup's level). */
export async function migrateUpTo(db: Database, name: string): Promise<string[]> {
  const migrator = new Migrator({ db: db.kysely, provider: new FolderMigrationProvider() });
  const { error, results = [] } = await migrator.migrateTo(name);
  if (error) throw error;
  return results.filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
