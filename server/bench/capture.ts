import { Kysely, type LogEvent, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from '#db/database.ts';
import { SETUP_MARK } from '#db/deferred-begin.ts';
import { ConnectionLock, PgliteDialect } from '#db/pglite-driver.ts';
import type { DB } from '#db/schema.ts';
import { loadConfig } from '#platform/config.ts';
import { buildApp } from '../src/app.ts';
import { BENCH_ADMIN, BENCH_SECRET } from './load.ts';

export type Statement = { sql: string; params: readonly unknown[] };
export type Scenario = { name: string; kind: 'list' | 'search' | 'get'; paths: string[] };
/** A scenario with what one request runs: the data statement (replayed bare) and the session settings. */
export type Captured = Scenario & { main: Statement[]; setup: Statement[]; statements: number };

export const benchConfig = () => ({ ...loadConfig({}), logLevel: 'silent', runJobs: false, apiRateLimit: 1e9, dataDir: '/nonexistent' });

const FILTER = encodeURIComponent(JSON.stringify({ city: { eq: '上海' }, lifecycleStage: { in: ['customer', 'lead'] } }));
const LIST = `/api/v1/contacts?filter=${FILTER}&sort=-createdAt&limit=50`;
const search = (q: string) => `/api/v1/contacts?q=${encodeURIComponent(q)}&limit=50`;
export const DEEP_PAGES = 20;

/** The same database with every compiled statement reported to `onQuery`. */
export function loggingDatabase(db: Database, onQuery: (event: LogEvent) => void): { db: Database; close: () => Promise<void> } {
  const pool = db.url ? new pg.Pool({ connectionString: db.url, max: 2 }) : null;
  const dialect = pool ? new PostgresDialect({ pool }) : new PgliteDialect(db.pglite as NonNullable<Database['pglite']>, new ConnectionLock());
  const kysely = new Kysely<DB>({ dialect, log: onQuery });
  return { db: { ...db, kysely }, close: () => kysely.destroy() };
}

/** KEHU_BENCH_SCENARIOS=get,search: only the scenarios whose names contain one of the words (profiling one path). */
const wanted = (s: { name: string }) => {
  const words = process.env.KEHU_BENCH_SCENARIOS?.split(',').filter(Boolean) ?? [];
  return !words.length || words.some((w) => s.name.includes(w));
};

/**
 * Runs each scenario once through the real app (inject) and keeps the SQL it generated, so the
 * bare run replays exactly that. Also signs in (the token serves the HTTP run) and walks the deep page.
 */
export async function captureScenarios(db: Database, sampleIds: string[]): Promise<{ token: string; scenarios: Captured[] }> {
  let log: Statement[] = [];
  const logging = loggingDatabase(db, (e) => {
    if (e.level === 'query') log.push({ sql: e.query.sql, params: e.query.parameters });
  });
  const { app } = await buildApp({ db: logging.db, config: benchConfig(), secret: BENCH_SECRET, logger: false });
  try {
    const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: BENCH_ADMIN });
    const token = (login.json() as { token: string }).token;
    const get = async (url: string) => {
      const res = await app.inject({ url, headers: { authorization: `Bearer ${token}` } });
      if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body.slice(0, 300)}`);
      return res.json() as { nextCursor?: string | null };
    };
    let deep = LIST;
    let depth = 1;
    for (let cursor = (await get(LIST)).nextCursor; cursor && depth <= DEEP_PAGES; depth++) {
      deep = `${LIST}&cursor=${cursor}`;
      cursor = (await get(deep)).nextCursor;
    }
    const scenarios: Scenario[] = [
      { name: 'list filter+sort', kind: 'list', paths: [LIST] },
      { name: `list page ${depth} (keyset)`, kind: 'list', paths: [deep] },
      { name: 'search 王 (surname)', kind: 'search', paths: [search('王')] },
      { name: 'search 张伟 (full name)', kind: 'search', paths: [search('张伟')] },
      { name: 'search "jon smith" (typo)', kind: 'search', paths: [search('jon smith')] },
      { name: 'search 5678 (last phone digits)', kind: 'search', paths: [search('5678')] },
      { name: 'get by id', kind: 'get', paths: sampleIds.slice(0, 200).map((id) => `/api/v1/contacts/${id}`) },
    ];
    const captured: Captured[] = [];
    for (const s of scenarios.filter(wanted)) {
      const main: Statement[] = [];
      let setup: Statement[] = [];
      let statements = 0;
      for (const path of s.paths.slice(0, 200)) {
        log = [];
        await get(path);
        const data = log.filter((q) => /^\s*select \*/.test(q.sql) && /from "contacts"/.test(q.sql));
        main.push(data.at(-1) as Statement);
        setup = log.filter((q) => q.sql.startsWith(SETUP_MARK));
        statements = log.length;
      }
      captured.push({ ...s, main, setup, statements });
    }
    return { token, scenarios: captured };
  } finally {
    await app.close();
    await logging.close();
  }
}

export const printableSql = (s: Statement) => `${s.sql.replace(/\s+/g, ' ')}  -- params: ${[...JSON.stringify(s.params)].slice(0, 200).join('')}`;
