import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, databaseAvailable, testEngine } from '#test/db.ts';
import type { Database } from './database.ts';

describe.skipIf(!databaseAvailable || testEngine !== 'postgres')('app connections (PostgreSQL)', () => {
  let db: Database;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.close();
  });

  it('run with JIT off, on every connection of the pool', async () => {
    const seen = await Promise.all(
      Array.from({ length: 4 }, () =>
        db.kysely.transaction().execute(async (tx) => {
          const { rows } = await sql<{ jit: string; pid: number }>`select current_setting('jit') as jit, pg_backend_pid() as pid, pg_sleep(0.05)`.execute(tx);
          return rows[0];
        }),
      ),
    );
    expect(new Set(seen.map((r) => r?.pid)).size).toBeGreaterThan(1);
    expect(seen.map((r) => r?.jit)).toEqual(['off', 'off', 'off', 'off']);
  });
});
