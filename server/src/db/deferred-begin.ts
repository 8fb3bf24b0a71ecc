import type { PostgresCursor, PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';
import type pg from 'pg';

const done = (command: string) => ({ command, rowCount: 0, rows: [] }) as unknown as PostgresQueryResult<never>;

/** Clients whose read-only transaction ended without its COMMIT sent yet. */
const lingering = new WeakSet<pg.PoolClient>();

/** Sends a lingering COMMIT now unless a statement took it along already. */
function commitIfLingering(client: pg.PoolClient): void {
  if (lingering.delete(client)) client.query('commit').catch(() => {});
}

/**
 * A pool whose clients save round trips at both ends of a transaction. On loopback each round
 * trip is a socket write that wakes PostgreSQL, which a CPU profile of the API bench put at a
 * fifth of the app's time.
 *
 * - BEGIN is held back until the transaction's first statement and goes out with it when that
 *   statement has no parameters (the simple protocol takes several statements at once). Every
 *   tenant transaction opens with the parameterless `enterTenant`. A transaction that runs
 *   nothing sends nothing.
 * - A READ ONLY transaction's COMMIT is answered at once and sent with the client's next
 *   statement, usually the next request's BEGIN. It has nothing to make durable and PostgreSQL
 *   refused any write in it, so nobody can see the difference; if no statement comes first it
 *   goes out on the next turn of the event loop, so an idle connection does not sit in a
 *   transaction holding its snapshot and locks.
 */
export function deferringBegin(pool: pg.Pool): PostgresPool {
  return { connect: async () => deferringClient(await pool.connect()), end: () => pool.end() };
}

function deferringClient(client: pg.PoolClient): PostgresPoolClient {
  let begin: string | null = null;
  let readOnly = false;
  /** The statements owed before the next one: a lingering COMMIT, a held BEGIN. */
  const owed = (): string[] => {
    const statements = lingering.delete(client) ? ['commit'] : [];
    if (begin) statements.push(begin);
    begin = null;
    return statements;
  };
  function query<R>(sql: string, parameters: ReadonlyArray<unknown>): Promise<PostgresQueryResult<R>>;
  function query<R>(cursor: PostgresCursor<R>): PostgresCursor<R>;
  function query(text: string | PostgresCursor<unknown>, parameters?: ReadonlyArray<unknown>): unknown {
    if (typeof text !== 'string') {
      // pg runs a client's queries in order, so what is owed is queued ahead of the cursor; its failure fails the cursor too.
      const ahead = owed();
      if (ahead.length) client.query(ahead.join('; ')).catch(() => {});
      return client.query(text as never);
    }
    if (text === 'begin' || text.startsWith('start transaction')) {
      begin = text;
      readOnly = text.endsWith('read only');
      return Promise.resolve(done('BEGIN'));
    }
    if (text === 'commit' || text === 'rollback') {
      if (begin) {
        begin = null;
        return Promise.resolve(done(text.toUpperCase()));
      }
      if (readOnly) {
        // COMMIT of a failed transaction rolls it back, so one deferred statement serves both.
        readOnly = false;
        lingering.add(client);
        setImmediate(() => commitIfLingering(client));
        return Promise.resolve(done(text.toUpperCase()));
      }
    }
    const ahead = owed();
    if (!ahead.length) return client.query(text, parameters as unknown[]);
    if (parameters?.length) return client.query(ahead.join('; ')).then(() => client.query(text, parameters as unknown[]));
    // Several results come back as an array; without the owed statements', the caller gets what it would have had.
    return client.query(`${ahead.join('; ')}; ${text}`).then((results) => {
      const own = (results as unknown as pg.QueryResult[]).slice(ahead.length);
      return own.length === 1 ? own[0] : own;
    });
  }
  return { query, release: () => client.release() };
}
