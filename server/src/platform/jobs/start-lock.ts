import pg from 'pg';
import type { Database } from '#db/database.ts';

const chains = new WeakMap<Database, Promise<unknown>>();
// Any constant works; it only has to differ from other advisory locks the app takes.
const LOCK_KEY = 7_431_904_215;

/**
 * Runs pg-boss set-up (schema install, queue creation) one runner at a time: pg-boss's
 * create_queue deadlocks when two instances create the same queue at once on a fresh database.
 * PostgreSQL: a session advisory lock on a connection of its own. PGlite: one process, so a chain.
 */
export async function withStartLock<T>(db: Database, work: () => Promise<T>): Promise<T> {
  if (!db.url) {
    const previous = chains.get(db) ?? Promise.resolve();
    const next = previous.catch(() => {}).then(work);
    chains.set(db, next);
    return next;
  }
  const client = new pg.Client({ connectionString: db.url, application_name: 'kehu-jobs-setup' });
  await client.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [LOCK_KEY]);
    return await work();
  } finally {
    await client.end().catch(() => {});
  }
}
