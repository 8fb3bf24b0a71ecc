import type { PGlite } from '@electric-sql/pglite';
import {
  type CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';

/**
 * A tiny FIFO lock. PGlite is one connection, so every user of it (Kysely queries,
 * transactions, the job queue) takes turns; a transaction holds it from BEGIN to COMMIT.
 */
export class ConnectionLock {
  #tail: Promise<void> = Promise.resolve();

  async acquire(): Promise<() => void> {
    let release!: () => void;
    const next = new Promise<void>((resolve) => {
      release = resolve;
    });
    const previous = this.#tail;
    this.#tail = previous.then(() => next);
    await previous;
    return release;
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    const release = await this.acquire();
    try {
      return await work();
    } finally {
      release();
    }
  }
}

/** Runs one statement; parameterless text may hold several statements (migrations). */
export async function runOnPglite(pg: PGlite, text: string, values: readonly unknown[]) {
  if (values.length > 0) {
    const result = await pg.query<Record<string, unknown>>(text, values as unknown[]);
    return { rows: result.rows, affectedRows: result.affectedRows };
  }
  const results = await pg.exec(text);
  const last = results.at(-1);
  return { rows: (last?.rows ?? []) as Record<string, unknown>[], affectedRows: last?.affectedRows };
}

class PgliteConnection implements DatabaseConnection {
  constructor(private readonly pg: PGlite) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const { rows, affectedRows } = await runOnPglite(this.pg, query.sql, query.parameters);
    return {
      rows: rows as R[],
      ...(affectedRows !== undefined ? { numAffectedRows: BigInt(affectedRows) } : {}),
    };
  }

  // biome-ignore lint/correctness/useYield: streaming is not offered by PGlite
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('streamQuery is not supported on PGlite');
  }
}

class PgliteDriver implements Driver {
  readonly #connection: PgliteConnection;
  readonly #releases = new WeakMap<DatabaseConnection, () => void>();

  constructor(
    pg: PGlite,
    private readonly lock: ConnectionLock,
  ) {
    this.#connection = new PgliteConnection(pg);
  }

  async init() {}

  async acquireConnection(): Promise<DatabaseConnection> {
    const release = await this.lock.acquire();
    this.#releases.set(this.#connection, release);
    return this.#connection;
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings) {
    // READ ONLY as on PostgreSQL, so a write in a read transaction fails in the PGlite tests too.
    const sql = settings.accessMode === 'read only' ? 'start transaction read only' : 'begin';
    await connection.executeQuery({ sql, parameters: [] } as unknown as CompiledQuery);
  }

  async commitTransaction(connection: DatabaseConnection) {
    await connection.executeQuery({ sql: 'commit', parameters: [] } as unknown as CompiledQuery);
  }

  async rollbackTransaction(connection: DatabaseConnection) {
    await connection.executeQuery({ sql: 'rollback', parameters: [] } as unknown as CompiledQuery);
  }

  async releaseConnection(connection: DatabaseConnection) {
    const release = this.#releases.get(connection);
    this.#releases.delete(connection);
    release?.();
  }

  async destroy() {}
}

export class PgliteDialect implements Dialect {
  constructor(
    private readonly pg: PGlite,
    private readonly lock: ConnectionLock,
  ) {}

  createAdapter() {
    return new PostgresAdapter();
  }
  createDriver() {
    return new PgliteDriver(this.pg, this.lock);
  }
  createQueryCompiler() {
    return new PostgresQueryCompiler();
  }
  createIntrospector(db: Kysely<unknown>) {
    return new PostgresIntrospector(db);
  }
}
