import pg from 'pg';
import { type Database, SESSION_OPTIONS } from '#db/database.ts';
import type { Captured, Statement } from './capture.ts';

export type Figures = { p50: number; p99: number; rps: number; errors: number };

export const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? 0;

/** The transaction-local settings a request makes, as session settings for a bare connection. */
export const sessionSetup = (scenarios: Captured[]): Statement[] => {
  const seen = new Map<string, Statement>();
  for (const s of scenarios) for (const st of s.setup) seen.set(st.sql, { sql: st.sql.replace(/, true\)/g, ', false)'), params: st.params });
  return [...seen.values()];
};

type Run = (st: Statement) => Promise<unknown>;

/** `concurrency` loops issuing the statements back to back for `seconds`; latency per statement. */
async function hammer(run: Run, statements: Statement[], concurrency: number, seconds: number): Promise<Figures> {
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const until = performance.now() + seconds * 1000;
  const loop = async () => {
    while (performance.now() < until) {
      const st = statements[next++ % statements.length] as Statement;
      const t = performance.now();
      try {
        await run(st);
        latencies.push(performance.now() - t);
      } catch {
        errors++;
      }
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, loop));
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { p50: percentile(latencies, 50), p99: percentile(latencies, 99), rps: latencies.length / elapsed, errors };
}

/** A pool with every connection opened up front with the session settings, and kept (no idle timeout). */
export async function barePool(url: string, size: number, setup: Statement[]): Promise<pg.Pool> {
  const pool = new pg.Pool({ connectionString: url, options: SESSION_OPTIONS, max: size, idleTimeoutMillis: 0 });
  const clients = await Promise.all(Array.from({ length: size }, () => pool.connect()));
  for (const client of clients) for (const st of setup) await client.query(st.sql, st.params as unknown[]);
  for (const client of clients) client.release();
  return pool;
}

export type BareOptions = { db: Database; scenarios: Captured[]; concurrency: number; seconds: number; poolSize: number };

/**
 * Replays each scenario's captured data statement straight through `pg` (a pool as large as the
 * app's) or the PGlite handle, as the same RLS role and tenant, at the same concurrency.
 */
export async function runBare(o: BareOptions, report: (name: string, f: Figures) => void): Promise<Map<string, Figures>> {
  const setup = sessionSetup(o.scenarios);
  let run: Run;
  let close: () => Promise<void>;
  if (o.db.url) {
    const pool = await barePool(o.db.url, o.poolSize, setup);
    run = (st) => pool.query(st.sql, st.params as unknown[]);
    close = () => pool.end();
  } else {
    const pglite = o.db.pglite as NonNullable<Database['pglite']>;
    for (const st of setup) await pglite.query(st.sql, st.params as unknown[]);
    run = (st) => pglite.query(st.sql, st.params as unknown[]);
    close = async () => void (await pglite.exec('reset role; reset all'));
  }
  const results = new Map<string, Figures>();
  try {
    for (const s of o.scenarios) {
      await hammer(run, s.main, o.concurrency, Math.min(2, o.seconds)); // warm-up
      const f = await hammer(run, s.main, o.concurrency, o.seconds);
      results.set(s.name, f);
      report(s.name, f);
    }
  } finally {
    await close();
  }
  return results;
}
