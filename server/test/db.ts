import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import { type Database, openDatabase } from '../src/db/database.ts';

export const testEngine = process.env.KEHU_TEST_DB === 'postgres' ? 'postgres' : 'pglite';

/** False in the postgres project when no server answered: those files skip, PGlite still runs. */
export const databaseAvailable = testEngine === 'pglite' || inject('postgres') !== null;

let counter = 0;

/** A fresh, migrated database for one test file (a copy of the run's template). */
export async function createTestDatabase(): Promise<Database> {
  if (testEngine === 'pglite') {
    return openDatabase({ loadDataDir: new Blob([readFileSync(inject('pgliteTemplate'))]) });
  }
  const target = inject('postgres');
  if (!target) throw new Error('No PostgreSQL for this run');
  // A random part too: a pid comes back once its process has ended (a later worker of the run may get it).
  const name = `${target.prefix}_${process.pid}_${++counter}_${randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: target.server });
  await admin.connect();
  try {
    await admin.query(`create database ${name} template ${target.template}`);
  } finally {
    await admin.end();
  }
  const url = new URL(target.server);
  url.pathname = `/${name}`;
  return openDatabase({ url: url.toString(), poolSize: 5 });
}
