import { mkdtempSync, rmSync } from 'node:fs';
import pg from 'pg';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Database, openDatabase } from '#db/database.ts';
import { migrateToLatest } from '#db/migrator.ts';
import { type Figures, runBare } from './bare.ts';
import { captureScenarios, printableSql } from './capture.ts';
import { explainScenarios } from './explain.ts';
import { runHttp, runPlain, startApp, startPlain } from './http.ts';
import { seedBench } from './load.ts';
import { type Row, table, writeReport } from './report.ts';
import { throwawayPostgres } from './store.ts';

export type BenchOptions = {
  engine: 'postgres' | 'pglite';
  n: number;
  seconds: number;
  connections: number;
  poolSize: number;
  keep: boolean;
  explain: boolean;
  out: string;
  command: string;
};

const say = (line: string) => process.stdout.write(`${line}\n`);
const fmt = (f: Figures) => `p50 ${f.p50.toFixed(2)} ms, p99 ${f.p99.toFixed(2)} ms, ${Math.round(f.rps)} req/s${f.errors ? `, ${f.errors} errors` : ''}`;

/** A throwaway store: database kehu_bench_<ts> on the PostgreSQL server, or a temp PGlite dir. */
async function createStore(engine: BenchOptions['engine']): Promise<{ target: string; drop: () => Promise<void> }> {
  if (engine === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'kehu-bench-'));
    return { target: dir, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const store = await throwawayPostgres('kehu_bench');
  return { target: store.url, drop: store.drop };
}

/** Seed, capture the app's SQL, run it bare, then the same scenarios over HTTP; print and record. */
export async function runBench(o: BenchOptions): Promise<void> {
  const store = await createStore(o.engine);
  say(`Store: ${o.engine === 'postgres' ? store.target.replace(/\/\/[^@]*@/, '//') : store.target}`);
  let db: Database | null = null;
  try {
    db = await openDatabase(o.engine === 'postgres' ? { url: store.target, poolSize: o.poolSize } : { dataDir: join(store.target, 'pgdata') });
    await migrateToLatest(db);
    say(`Seeding ${o.n.toLocaleString('en')} contacts...`);
    const seeded = await seedBench(db, o.n, say);
    say(`Seeded in ${seeded.seconds.toFixed(1)} s`);
    const { token, scenarios } = await captureScenarios(db, seeded.sampleIds);
    for (const s of scenarios) say(`  ${s.name}: ${printableSql(s.main[0] as { sql: string; params: unknown[] })}`);
    if (o.explain) say(await explainScenarios(db, scenarios));
    const load = loadavg()
      .map((l) => l.toFixed(1))
      .join(' ');
    say('Bare SQL:');
    const bare = await runBare({ db, scenarios, concurrency: o.connections, seconds: o.seconds, poolSize: o.poolSize }, (name, f) =>
      say(`  ${name}: ${fmt(f)}`),
    );
    await db.close();
    db = null;
    say('API over HTTP:');
    const app = await startApp(o.engine === 'postgres' ? store.target : join(store.target, 'pgdata'), o.poolSize);
    const rows: Row[] = [];
    let rss = 0;
    try {
      for (const scenario of scenarios) {
        const api = await runHttp({ app, token, scenario, connections: o.connections, seconds: o.seconds });
        rss = Math.max(rss, await app.rss());
        say(`  ${scenario.name}: ${fmt(api)}`);
        rows.push({ scenario, api, bare: bare.get(scenario.name) as Figures });
      }
    } finally {
      await app.stop();
    }
    if (o.engine === 'postgres') {
      const plain = await startPlain(store.target, o.poolSize, seeded.tenantId, scenarios);
      try {
        const baselines = [
          { route: 'plain', key: 'plain', title: 'The same SQL behind a plain HTTP server (no auth, no transaction):' },
          { route: 'tx', key: 'tenantTx', title: "The same, each statement in the tenant's read-only transaction (the app's database layer):" },
        ] as const;
        for (const { route, key, title } of baselines) {
          say(title);
          for (const [index, row] of rows.entries()) {
            const figures = await runPlain({ port: plain.port, route, index, scenario: row.scenario, connections: o.connections, seconds: o.seconds });
            row[key] = figures;
            say(`  ${row.scenario.name}: ${fmt(figures)}`);
          }
        }
      } finally {
        await plain.stop();
      }
    }
    say(`\n${table(rows)}\n\nServer peak RSS ${Math.round(rss / 2 ** 20)} MB`);
    const sql = scenarios.map((s) => `- ${s.name}: \`${printableSql(s.main[0] as { sql: string; params: unknown[] })}\``).join('\n');
    const version = o.engine === 'postgres' ? ((await pgVersion(store.target)) ?? 'PostgreSQL') : 'PGlite 0.5.16 (PostgreSQL 17.5, WASM)';
    writeReport(
      o.out,
      {
        engine: o.engine,
        n: o.n,
        seedSeconds: seeded.seconds,
        rows,
        rssMb: Math.round(rss / 2 ** 20),
        command: o.command,
        machine: `${cpus().length} CPU (${cpus()[0]?.model.trim()}), Node ${process.version}, ${version}, app pool ${o.poolSize}, load average ${load} when measuring started`,
        seconds: o.seconds,
        connections: o.connections,
      },
      `<details><summary>SQL replayed bare (captured from the app)</summary>\n\n${sql}\n\n</details>`,
    );
    say(`Wrote ${o.out}`);
  } finally {
    await db?.close();
    if (o.keep) say(`Kept ${store.target}`);
    else await store.drop();
  }
}

async function pgVersion(url: string): Promise<string | null> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const { rows } = await c.query<{ v: string }>(`select 'PostgreSQL ' || current_setting('server_version') as v`);
  await c.end();
  return rows[0]?.v ?? null;
}
