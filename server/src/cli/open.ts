import { join } from 'node:path';
import { type Database, openDatabase } from '#db/database.ts';
import { migrateToLatest } from '#db/migrator.ts';
import type { Config } from '#platform/config.ts';

/** Opens the configured database (PGlite under <data>/pgdata unless DATABASE_URL) and migrates it. */
export async function openConfiguredDatabase(config: Config, options: { migrate?: boolean } = {}): Promise<Database> {
  const db = await openDatabase(
    config.databaseUrl ? { url: config.databaseUrl, poolSize: config.poolSize } : { dataDir: join(config.dataDir, 'pgdata') },
  );
  if (options.migrate !== false) await migrateToLatest(db);
  return db;
}
