import { join } from 'node:path';
import { type Database, openDatabase } from '#db/database.ts';
import { migrateToLatest } from '#db/migrator.ts';
import { acquireStoreLock } from '#db/store-lock.ts';
import type { Config } from '#platform/config.ts';

/**
 * Opens the configured database (PGlite under <data>/pgdata unless DATABASE_URL) and migrates it.
 * The embedded store is locked while open: two processes writing one PGlite directory corrupt it.
 */
export async function openConfiguredDatabase(config: Config, options: { migrate?: boolean } = {}): Promise<Database> {
  if (config.databaseUrl) {
    const db = await openDatabase({ url: config.databaseUrl, poolSize: config.poolSize });
    if (options.migrate !== false) await migrateToLatest(db);
    return db;
  }
  const pgdata = join(config.dataDir, 'pgdata');
  const release = acquireStoreLock(pgdata, `kehu ${process.argv[2] ?? 'serve'}`);
  try {
    const db = await openDatabase({ dataDir: pgdata });
    if (options.migrate !== false) await migrateToLatest(db);
    const close = db.close;
    return { ...db, close: () => close().finally(release) };
  } catch (error) {
    release();
    throw error;
  }
}
