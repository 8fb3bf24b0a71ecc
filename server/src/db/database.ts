import { mkdirSync } from 'node:fs';
import { PGlite, types as pgliteTypes } from '@electric-sql/pglite';
import { btree_gin } from '@electric-sql/pglite/contrib/btree_gin';
import { citext } from '@electric-sql/pglite/contrib/citext';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { deferringBegin } from './deferred-begin.ts';
import { ConnectionLock, PgliteDialect, runOnPglite } from './pglite-driver.ts';
import type { DB } from './schema.ts';

export type DatabaseKind = 'pglite' | 'postgres';

/** One handle over either engine: Kysely for queries, `raw` for the job queue and tools. */
export type Database = {
  kind: DatabaseKind;
  kysely: Kysely<DB>;
  raw: (text: string, values?: readonly unknown[]) => Promise<{ rows: Record<string, unknown>[] }>;
  close: () => Promise<void>;
  /**
   * Calls `onMessage` with the payload of each NOTIFY on `channel`. `onLive(false)` says notices
   * may be missed from now on (the listening connection broke), `onLive(true)` that they are heard
   * again (it was reopened). Resolves once listening.
   */
  listen: (channel: string, onMessage: (payload: string) => void, onLive: (live: boolean) => void) => Promise<Unlisten>;
  /** The PGlite instance in embedded mode (backup, clone); undefined on a server. */
  pglite?: PGlite;
  /** Connection string in server mode (backup with pg_dump-free COPY, tests). */
  url?: string;
};

export type Unlisten = () => Promise<void>;

export type OpenDatabaseOptions = {
  url?: string;
  dataDir?: string;
  /** Start PGlite from a `dumpDataDir()` tarball (fast test databases). */
  loadDataDir?: Blob;
  poolSize?: number;
};

const int8 = (value: string) => Number(value);
const asText = (value: string) => value;

/** Opens PostgreSQL when a URL is given, else the embedded PGlite store (in memory if no dir). */
export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  if (options.url) return openPostgres(options.url, options.poolSize ?? 10);
  return openPglite(options);
}

async function openPglite({ dataDir, loadDataDir }: OpenDatabaseOptions): Promise<Database> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const pglite = await PGlite.create({
    ...(dataDir ? { dataDir } : {}),
    ...(loadDataDir ? { loadDataDir } : {}),
    extensions: { pg_trgm, citext, btree_gin },
    parsers: { [pgliteTypes.INT8]: int8, [pgliteTypes.NUMERIC]: asText },
  });
  const lock = new ConnectionLock();
  return {
    kind: 'pglite',
    pglite,
    kysely: new Kysely<DB>({ dialect: new PgliteDialect(pglite, lock) }),
    raw: (text, values = []) => lock.run(() => runOnPglite(pglite, text, values)),
    // LISTEN is transactional: it takes the lock so that it cannot land inside another caller's transaction.
    listen: async (channel, onMessage) => {
      const unlisten = await lock.run(() => pglite.listen(channel, onMessage));
      return () => lock.run(() => unlisten());
    },
    close: async () => {
      await lock.run(() => pglite.close());
    },
  };
}

/**
 * Settings of every app connection (and of the benchmark's bare queries, to compare like with
 * like). JIT off: the planner's estimates for the app's jsonb, array and trigram predicates are
 * far too high, so lookups that run in 1 ms crossed jit_above_cost and spent 6-120 ms compiling.
 */
export const SESSION_OPTIONS = '-c jit=off';

async function openPostgres(url: string, max: number): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    options: SESSION_OPTIONS,
    max,
    types: {
      getTypeParser: (oid: number, format?: 'text' | 'binary') => (oid === 20 ? int8 : oid === 1700 ? asText : pg.types.getTypeParser(oid, format)),
    } as pg.CustomTypesConfig,
  });
  pool.on('error', () => {}); // an idle client's broken connection is replaced by the pool
  // Everything goes through the wrapper: a client may owe a read-only transaction's COMMIT.
  const clients = deferringBegin(pool);
  const kysely = new Kysely<DB>({ dialect: new PostgresDialect({ pool: clients }) });
  const listeners = new Set<Unlisten>();
  return {
    kind: 'postgres',
    url,
    kysely,
    raw: async (text, values = []) => {
      const client = await clients.connect();
      try {
        const result: unknown = await client.query(text, values);
        const last = (Array.isArray(result) ? result.at(-1) : result) as { rows?: unknown[] } | undefined;
        return { rows: (last?.rows ?? []) as Record<string, unknown>[] };
      } finally {
        client.release();
      }
    },
    listen: async (channel, onMessage, onLive) => {
      const unlisten = await listenOnPostgres(url, channel, onMessage, onLive);
      listeners.add(unlisten);
      return async () => {
        listeners.delete(unlisten);
        await unlisten();
      };
    },
    // Listening connections go with the pool: a command that only closes its database still exits.
    close: async () => {
      await Promise.all([...listeners].map((unlisten) => unlisten()));
      await kysely.destroy();
    },
  };
}

/** A connection of its own that LISTENs, reopened a second after it breaks. */
async function listenOnPostgres(url: string, channel: string, onMessage: (payload: string) => void, onLive: (live: boolean) => void): Promise<Unlisten> {
  let client: pg.Client | null = null;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;
  const open = async (): Promise<void> => {
    const next = new pg.Client({ connectionString: url });
    next.on('notification', (m) => m.channel === channel && onMessage(m.payload ?? ''));
    next.on('error', () => {}); // 'end' follows and reopens
    next.on('end', () => {
      if (closed || client !== next) return;
      client = null;
      onLive(false);
      reopen();
    });
    try {
      await next.connect();
      await next.query(`listen ${pg.escapeIdentifier(channel)}`);
    } catch (error) {
      await next.end().catch(() => {});
      throw error;
    }
    client = next;
  };
  const reopen = () => {
    if (!closed) retry = setTimeout(() => void open().then(() => onLive(true), reopen), 1000);
  };
  await open();
  return async () => {
    closed = true;
    clearTimeout(retry);
    const listening = client;
    client = null;
    await listening?.end();
  };
}
