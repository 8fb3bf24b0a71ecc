import type { PostgresCursor, PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';
import pg from 'pg';

const done = (command: string) => ({ command, rowCount: 0, rows: [] }) as unknown as PostgresQueryResult<never>;

/**
 * Marks a parameterless statement that sets a transaction up and whose result nobody reads (the
 * tenant's set_config): right after a held BEGIN it is answered at once and goes out with BEGIN.
 */
export const SETUP_MARK = '/* setup */ ';

/** Clients whose read-only transaction ended without its COMMIT sent yet. */
const lingering = new WeakSet<pg.PoolClient>();

/** Sends a lingering COMMIT now unless a statement took it along already. */
function commitIfLingering(client: pg.PoolClient): void {
  if (lingering.delete(client)) client.query('commit').catch(() => {});
}

/** pg.Query's own handlers (its typings leave them out), called for the statement's own messages. */
const base = pg.Query.prototype as unknown as {
  submit(connection: unknown): void;
  handleDataRow(message: unknown): void;
  handleCommandComplete(message: unknown, connection: unknown): void;
};
type Wire = {
  parse(o: { text: string; name: string; types: number[] }): void;
  bind(o: { portal: string; statement: string; values: unknown[] }): void;
  execute(o: { portal: string; rows: number }): void;
  stream: { cork?: () => void; uncork?: () => void };
};

/**
 * A statement with parameters and, ahead of it in the same socket write and before the same
 * Sync, parameterless statements (COMMIT, BEGIN, the tenant's setup) whose results are dropped.
 * The extended protocol runs them in order and an error in any skips to the Sync, so the
 * caller sees the first error, as if each had been sent and awaited in turn.
 */
class AheadQuery extends pg.Query {
  private skip: number;

  constructor(
    readonly ahead: string[],
    text: string,
    values: unknown[],
    callback: (error: Error | undefined, result: unknown) => void,
  ) {
    super(text, values, callback as never);
    this.skip = ahead.length;
  }

  override submit = (connection: unknown): void => {
    const wire = connection as Wire;
    wire.stream.cork?.();
    try {
      for (const text of this.ahead) {
        wire.parse({ text, name: '', types: [] });
        wire.bind({ portal: '', statement: '', values: [] });
        wire.execute({ portal: '', rows: 0 });
      }
      // The statement itself: Parse, Bind, Describe, Execute and the Sync, corked into the same write.
      base.submit.call(this, connection);
    } finally {
      wire.stream.uncork?.();
    }
  };

  handleDataRow(message: unknown): void {
    if (this.skip === 0) base.handleDataRow.call(this, message);
  }

  handleCommandComplete(message: unknown, connection: unknown): void {
    if (this.skip > 0) this.skip--;
    else base.handleCommandComplete.call(this, message, connection);
  }
}

function sendWithAhead(client: pg.PoolClient, ahead: string[], text: string, values: unknown[]): Promise<unknown> {
  return new Promise((resolve, reject) => {
    client.query(new AheadQuery(ahead, text, values, (error, result) => (error ? reject(error) : resolve(result))));
  });
}

/**
 * A pool whose clients save round trips at both ends of a transaction. On loopback each round
 * trip is a socket write that wakes PostgreSQL, which a CPU profile of the API bench put at a
 * fifth of the app's time.
 *
 * - BEGIN is held back until the transaction's first statement and goes out with it, in one
 *   write: in one simple-protocol string when that statement has no parameters, else as
 *   extended-protocol messages ahead of it before its Sync. Every tenant transaction opens with
 *   `enterTenant`, a SETUP_MARK statement, which is held with BEGIN too: a tenant read is one
 *   round trip. A transaction that runs nothing sends nothing.
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
  let setup: string[] = [];
  let readOnly = false;
  /** The statements owed before the next one: a lingering COMMIT, a held BEGIN and its setup. */
  const owed = (): string[] => {
    const statements = lingering.delete(client) ? ['commit'] : [];
    if (begin) statements.push(begin, ...setup);
    begin = null;
    setup = [];
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
    if (begin && text.startsWith(SETUP_MARK) && !parameters?.length) {
      setup.push(text);
      return Promise.resolve(done('SELECT'));
    }
    if (text === 'commit' || text === 'rollback') {
      if (begin) {
        begin = null;
        setup = [];
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
    if (parameters?.length) return sendWithAhead(client, ahead, text, parameters as unknown[]);
    // Several results come back as an array; without the owed statements', the caller gets what it would have had.
    return client.query(`${ahead.join('; ')}; ${text}`).then((results) => {
      const own = (results as unknown as pg.QueryResult[]).slice(ahead.length);
      return own.length === 1 ? own[0] : own;
    });
  }
  return { query, release: () => client.release() };
}
