import { Kysely, PostgresDialect, sql, type Transaction } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, databaseAvailable, testEngine } from '#test/db.ts';
import type { Database } from './database.ts';
import { deferringBegin, SETUP_MARK } from './deferred-begin.ts';
import type { DB } from './schema.ts';
import { enterTenant, inTenantRead } from './tx.ts';

// PGlite has no round trips to save; the wrapper is PostgreSQL's.
describe.skipIf(!databaseAvailable || testEngine !== 'postgres')('deferred BEGIN (PostgreSQL)', () => {
  let db: Database;
  let pool: pg.Pool;
  let kysely: Kysely<DB>;
  const sent: string[] = [];
  const writes = { count: 0 };
  const corked = (stream: unknown) => (stream as { writableCorked: number }).writableCorked;

  beforeAll(async () => {
    db = await createTestDatabase();
    pool = new pg.Pool({ connectionString: db.url, max: 1 });
    // Record what reaches the server: every query a client sends; statements sent ahead of one
    // with parameters (same write, same Sync) as `ahead ⇢ statement`.
    pool.on('connect', (client) => {
      const query = client.query.bind(client) as (...args: unknown[]) => unknown;
      (client as unknown as { query: unknown }).query = (...args: unknown[]) => {
        const first = args[0] as string | { ahead?: string[]; text?: string };
        if (typeof first === 'string') sent.push(first);
        else if (first.ahead) sent.push(`${first.ahead.join('; ')} ⇢ ${first.text}`);
        return query(...args);
      };
    });
    // Count the socket writes of the pool's one connection.
    pool.on('connect', (client) => {
      const stream = (client as unknown as { connection: { stream: { write: (...a: unknown[]) => boolean } } }).connection.stream;
      const write = stream.write.bind(stream);
      stream.write = (...a: unknown[]) => {
        if (!corked(stream)) writes.count++;
        return write(...a);
      };
      const uncork = (stream as unknown as { uncork: () => void }).uncork.bind(stream);
      (stream as unknown as { uncork: () => void }).uncork = () => {
        if (corked(stream) === 1) writes.count++;
        uncork();
      };
    });
    kysely = new Kysely<DB>({ dialect: new PostgresDialect({ pool: deferringBegin(pool) }) });
  });
  afterAll(async () => {
    await kysely?.destroy();
    await db?.close();
  });

  it('sends BEGIN with a parameterless first statement, in one round trip, and the transaction holds', async () => {
    const id = '01a20c3a-0f81-7c16-a42b-f1e6664218be';
    sent.length = 0;
    const seen = await kysely.transaction().execute(async (tx) => {
      await enterTenant(tx, id);
      const first = await sql<{ now: string; tenant: string }>`select now()::text as now, current_setting('app.tenant') as tenant`.execute(tx);
      await sql`select pg_sleep(0.02)`.execute(tx);
      const second = await sql<{ now: string; role: string }>`select now()::text as now, current_user as role`.execute(tx);
      return { first: first.rows[0], second: second.rows[0] };
    });
    expect(sent[0]).toMatch(/^begin; \/\* setup \*\/ select set_config\('app.tenant', '[0-9a-f-]{36}'/);
    expect(sent).toHaveLength(4); // begin+enterTenant+the first select, two selects, commit
    expect(sent.at(-1)).toBe('commit');
    // One transaction: now() stands still and the tenant and role settings hold for every statement.
    expect(seen.second?.now).toBe(seen.first?.now);
    expect(seen.first?.tenant).toBe(id);
    expect(seen.second?.role).toBe('kehu_app');
  });

  it('sends BEGIN ahead of a first statement with parameters, in the same write, and rolls back', async () => {
    sent.length = 0;
    const failed = await kysely
      .transaction()
      .execute(async (tx) => {
        await sql`select ${'first'}::text as v`.execute(tx);
        await sql`create temp table deferred_probe (v text)`.execute(tx);
        throw new Error('undo');
      })
      .catch((e: Error) => e.message);
    expect(failed).toBe('undo');
    expect(sent).toEqual(['begin ⇢ select $1::text as v', 'create temp table deferred_probe (v text)', 'rollback']);
    // The pool's one session: the table would be there had the statements run outside the transaction.
    expect((await sql<{ t: string | null }>`select to_regclass('pg_temp.deferred_probe')::text as t`.execute(kysely)).rows[0]?.t).toBeNull();
  });

  it('sends nothing for a transaction that runs nothing, and keeps multi-statement results as they were', async () => {
    sent.length = 0;
    await kysely.transaction().execute(async () => undefined);
    expect(sent).toEqual([]);
    const rows = await kysely.transaction().execute(async (tx) => (await sql<{ n: number }>`select 1 as n`.execute(tx)).rows);
    expect(rows).toEqual([{ n: 1 }]);
    expect(sent).toEqual(['begin; select 1 as n', 'commit']);
  });

  const readOnly = <T>(work: (tx: Transaction<DB>) => Promise<T>) => kysely.transaction().setAccessMode('read only').execute(work);
  const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

  // As on a busy server: the next transaction waits for the pool's one client, and takes it as it is released.
  it("sends a read-only transaction's COMMIT with the next transaction's BEGIN, in one round trip", async () => {
    const id = '01a20c3a-0f81-7c16-a42b-f1e6664218be';
    sent.length = 0;
    const first = readOnly(async (tx) => {
      await enterTenant(tx, id);
      return (await sql<{ tenant: string }>`select current_setting('app.tenant') as tenant`.execute(tx)).rows[0]?.tenant;
    });
    const second = kysely.transaction().execute(async (tx) => {
      await enterTenant(tx, id);
      return (await sql<{ ro: string }>`select current_setting('transaction_read_only') as ro`.execute(tx)).rows[0]?.ro;
    });
    expect(await first).toBe(id);
    expect(await second).toBe('off'); // a transaction of its own, not the read-only one
    expect(sent).toHaveLength(3);
    expect(sent[0]).toMatch(/^start transaction read only; \/\* setup \*\/ select set_config\('app.tenant'[\s\S]*; select current_setting/);
    expect(sent[1]).toMatch(/^commit; begin; \/\* setup \*\/ select set_config\('app.tenant'[\s\S]*; select current_setting/);
    expect(sent[2]).toBe('commit');
  });

  it('refuses a write in a read-only transaction, and the next transaction runs outside it', async () => {
    sent.length = 0;
    const refused = readOnly((tx) => sql`create temp table read_only_probe (v text)`.execute(tx));
    const made = kysely.transaction().execute(async (tx) => {
      await sql`create temp table read_only_probe (v text)`.execute(tx);
      return (await sql<{ t: string | null }>`select to_regclass('pg_temp.read_only_probe')::text as t`.execute(tx)).rows[0]?.t;
    });
    await expect(refused).rejects.toThrow(/read-only transaction/);
    expect(await made).toBe('read_only_probe');
    // COMMIT ends the failed transaction as ROLLBACK would.
    expect(sent[1]).toBe('commit; begin; create temp table read_only_probe (v text)');
    await sql`drop table pg_temp.read_only_probe`.execute(kysely);
  });

  it('sends the COMMIT on its own on the next turn when no statement comes, so no connection idles in a transaction', async () => {
    sent.length = 0;
    await readOnly((tx) => sql`select 1`.execute(tx));
    expect(sent).toEqual(['start transaction read only; select 1']);
    await nextTurn();
    expect(sent).toEqual(['start transaction read only; select 1', 'commit']);
    const state = await sql<{ ro: string }>`select current_setting('transaction_read_only') as ro`.execute(kysely);
    expect(state.rows[0]?.ro).toBe('off');
    expect(sent.at(-1)).toBe(`select current_setting('transaction_read_only') as ro`);
  });

  it("db.raw and the app's queries never run inside a read-only transaction left open on their client", async () => {
    const id = '01a20c3a-0f81-7c16-a42b-f1e6664218be';
    for (let i = 0; i < 5; i++) {
      await inTenantRead(db.kysely, id, (tx) => sql`select 1`.execute(tx));
      expect((await db.raw(`select current_setting('transaction_read_only') as ro`)).rows).toEqual([{ ro: 'off' }]);
      await inTenantRead(db.kysely, id, (tx) => sql`select 1`.execute(tx));
      const ro = await sql<{ ro: string }>`select current_setting('transaction_read_only') as ro`.execute(db.kysely);
      expect(ro.rows).toEqual([{ ro: 'off' }]);
    }
  });

  it('a tenant read with parameters is one write: the last COMMIT, BEGIN, the tenant and the statement', async () => {
    const id = '01a20c3a-0f81-7c16-a42b-f1e6664218be';
    const read = (value: string) =>
      inTenantRead(
        kysely,
        id,
        async (tx) =>
          (
            await sql<{
              v: string;
              tenant: string;
              ro: string;
            }>`select ${value}::text as v, current_setting('app.tenant') as tenant, current_setting('transaction_read_only') as ro`.execute(tx)
          ).rows[0],
      );
    await read('warm');
    sent.length = 0;
    writes.count = 0;
    const [a, b] = await Promise.all([read('a'), read('b')]);
    expect(a).toEqual({ v: 'a', tenant: id, ro: 'on' });
    expect(b).toEqual({ v: 'b', tenant: id, ro: 'on' });
    expect(sent).toHaveLength(2);
    expect(sent[0]).toMatch(/^(commit; )?start transaction read only; \/\* setup \*\/ select set_config\([\s\S]* ⇢ select \$1::text as v/);
    expect(sent[1]).toMatch(/^commit; start transaction read only; \/\* setup \*\/ select set_config\([\s\S]* ⇢ select \$1::text as v/);
    expect(writes.count).toBe(2);
  });

  it('an error ahead of the statement fails the statement, and the connection serves the next transaction', async () => {
    sent.length = 0;
    const failed = kysely.transaction().execute(async (tx) => {
      await sql.raw(`${SETUP_MARK}select 1/0`).execute(tx);
      return sql`select ${'never'}::text as v`.execute(tx);
    });
    await expect(failed).rejects.toThrow(/division by zero/);
    expect(sent[0]).toMatch(/^(commit; )?begin; \/\* setup \*\/ select 1\/0 ⇢ select \$1::text as v$/);
    const after = await kysely.transaction().execute((tx) => sql<{ v: string }>`select ${'next'}::text as v`.execute(tx));
    expect(after.rows).toEqual([{ v: 'next' }]);
  });

  it('refuses a tenant id that is not a uuid before sending anything', async () => {
    sent.length = 0;
    await expect(kysely.transaction().execute((tx) => enterTenant(tx, "x', true), set_config('role', 'postgres"))).rejects.toThrow(/Not a tenant id/);
    expect(sent).toEqual([]);
  });
});
