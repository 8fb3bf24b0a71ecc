import { mkdirSync } from 'node:fs';
import { PGlite, types as pgliteTypes } from '@electric-sql/pglite';
import { btree_gin } from '@electric-sql/pglite/contrib/btree_gin';
import { citext } from '@electric-sql/pglite/contrib/citext';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { ConnectionLock, PgliteDialect, runOnPglite } from './pglite-driver.ts';
import type { DB } from './schema.ts';

export type DatabaseKind = 'pglite' | 'postgres';

/** One handle over either engine: Kysely for queries, `raw` for the job queue and tools. */
export type Database = {
  kind: DatabaseKind;
  kysely: Kysely<DB>;
  raw: (text: string, values?: readonly unknown[]) => Promise<{ rows: Record<string, unknown>[] }>;
  close: () => Promise<void>;
  /** The PGlite instance in embedded mode (backup, clone); undefined on a server. */
  pglite?: PGlite;
  /** Connection string in server mode (backup with pg_dump-free COPY, tests). */
  url?: string;
};

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
    close: async () => {
      await lock.run(() => pglite.close());
    },
  };
}

async function openPostgres(url: string, max: number): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    max,
    types: {
      getTypeParser: (oid: number, format?: 'text' | 'binary') => (oid === 20 ? int8 : oid === 1700 ? asText : pg.types.getTypeParser(oid, format)),
    } as pg.CustomTypesConfig,
  });
  pool.on('error', () => {}); // an idle client's broken connection is replaced by the pool
  const kysely = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return {
    kind: 'postgres',
    url,
    kysely,
    raw: async (text, values = []) => {
      const result = await pool.query(text, values.length ? (values as unknown[]) : undefined);
      const last = Array.isArray(result) ? result.at(-1) : result;
      return { rows: last?.rows ?? [] };
    },
    close: () => kysely.destroy(),
  };
}
