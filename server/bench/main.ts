import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

// `npm run bench [-- options]`: the benchmarks' own entry, outside the production CLI, so nothing in
// src/ reaches bench code or its devDependencies (autocannon); see docs/benchmarks.md.

const USAGE = `Usage: npm run bench -- [--engine postgres|pglite] [--n N] [--seconds S] [--connections C] [--keep] [--explain] [--out FILE] [--only febrl|api|pool|import|objects|webhooks|workflows]

Seeds throwaway databases and measures: duplicate detection precision/recall/F1 on FEBRL (febrl),
list, search and get against their bare SQL (api), one pool recycling pass (pool, KEHU_BENCH_POOL_N),
a CSV import beside COPY on PostgreSQL (import, KEHU_BENCH_IMPORT_N), filters on a custom
object's fields and the indexes they use (objects, KEHU_BENCH_OBJECTS_N, default 100,000), contact
updates delivered as webhooks beside the bare outbox drain (webhooks, KEHU_BENCH_WEBHOOKS_N, default 10,000), contact
updates each firing a rule with two actions beside the bare drain (workflows, KEHU_BENCH_WORKFLOWS_N, default 10,000). All sections unless --only
(or KEHU_BENCH_ONLY) names one. --n (or KEHU_BENCH_N) contacts, default 1,000,000 on PostgreSQL
(DATABASE_URL) and 100,000 on PGlite. Results are written into docs/benchmarks.md unless --out.
The test suite's randomized checks at length: the access matrix (access, KEHU_BENCH_ACCESS_CHECKS,
default 10,000 checks) and the OpenAPI fuzzer (fuzz, KEHU_BENCH_FUZZ_REQUESTS, default 100,000 requests).
`;

// How to repeat this run from the repository root (npm swallows flags there, hence the environment).
const commandLine = (engine: string, n: number) =>
  [
    engine === 'postgres'
      ? `DATABASE_URL=${(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres').replace(/\/\/[^@]*@/, '//<user>@')}`
      : '',
    `KEHU_BENCH_N=${n}`,
    'npm run bench',
  ]
    .filter(Boolean)
    .join(' ');

const CHECK_SECTIONS = ['access', 'fuzz'];

const poolCommandLine = (engine: string, n: number) => commandLine(engine, n).replace(`KEHU_BENCH_N=${n}`, `KEHU_BENCH_ONLY=pool KEHU_BENCH_POOL_N=${n}`);

async function main(): Promise<void> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      engine: { type: 'string' },
      n: { type: 'string' },
      seconds: { type: 'string', default: '10' },
      connections: { type: 'string', default: '50' },
      keep: { type: 'boolean', default: false },
      explain: { type: 'boolean', default: false },
      out: { type: 'string' },
      only: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return;
  }
  const engine = values.engine === 'pglite' || values.engine === 'postgres' ? values.engine : process.env.DATABASE_URL ? 'postgres' : 'pglite';
  const n = Number(values.n ?? process.env.KEHU_BENCH_N ?? (engine === 'postgres' ? 1_000_000 : 100_000));
  if (!Number.isInteger(n) || n < 1000) throw new Error('--n must be an integer >= 1000');
  const only = values.only ?? process.env.KEHU_BENCH_ONLY;
  if (only && !CHECK_SECTIONS.includes(only) && !['febrl', 'api', 'pool', 'import', 'objects', 'webhooks', 'workflows'].includes(only))
    throw new Error('--only must be one of access, fuzz, febrl, api, pool, import, objects, webhooks, workflows');
  const out = values.out ?? fileURLToPath(new URL('../../docs/benchmarks.md', import.meta.url));
  const keep = values.keep === true;
  // Each section is loaded only when it runs.
  if (!only || only === 'febrl') {
    const { runFebrlBench } = await import('./febrl.ts');
    await runFebrlBench({ engine, out, command: commandLine(engine, n).replace(`KEHU_BENCH_N=${n}`, 'KEHU_BENCH_ONLY=febrl') });
  }
  if (!only || only === 'api') {
    const { runBench } = await import('./run.ts');
    await runBench({
      engine,
      n,
      seconds: Number(values.seconds),
      connections: Number(values.connections),
      poolSize: Number(process.env.DATABASE_POOL_SIZE ?? 10),
      keep,
      explain: values.explain === true,
      out,
      command: commandLine(engine, n),
    });
  }
  if (!only || only === 'pool') {
    const poolN = Number(process.env.KEHU_BENCH_POOL_N ?? (engine === 'postgres' ? 1_000_000 : 100_000));
    if (!Number.isInteger(poolN) || poolN < 1000) throw new Error('KEHU_BENCH_POOL_N must be an integer >= 1000');
    const { runPoolBench } = await import('./pool.ts');
    const dir = engine === 'pglite' ? mkdtempSync(join(tmpdir(), 'kehu-bench-pool-')) : undefined;
    try {
      await runPoolBench({ engine, n: poolN, keep, out, command: poolCommandLine(engine, poolN), ...(dir ? { dataDir: dir } : {}) });
    } finally {
      if (dir && !keep) rmSync(dir, { recursive: true, force: true });
    }
  }
  if (!only || only === 'objects') {
    const objectsN = Number(process.env.KEHU_BENCH_OBJECTS_N ?? 100_000);
    const { runObjectsBench } = await import('./custom-objects.ts');
    await runObjectsBench({
      engine,
      n: objectsN,
      keep,
      out,
      command: commandLine(engine, objectsN).replace(`KEHU_BENCH_N=${objectsN}`, `KEHU_BENCH_ONLY=objects KEHU_BENCH_OBJECTS_N=${objectsN}`),
    });
  }
  if (!only || only === 'webhooks') {
    const webhooksN = Number(process.env.KEHU_BENCH_WEBHOOKS_N ?? 10_000);
    const { runWebhooksBench } = await import('./webhooks.ts');
    await runWebhooksBench({
      engine,
      n: webhooksN,
      keep,
      out,
      command: commandLine(engine, webhooksN).replace(`KEHU_BENCH_N=${webhooksN}`, `KEHU_BENCH_ONLY=webhooks KEHU_BENCH_WEBHOOKS_N=${webhooksN}`),
    });
  }
  if (!only || only === 'workflows') {
    const workflowsN = Number(process.env.KEHU_BENCH_WORKFLOWS_N ?? 10_000);
    const { runWorkflowsBench } = await import('./workflows.ts');
    await runWorkflowsBench({
      engine,
      n: workflowsN,
      keep,
      out,
      command: commandLine(engine, workflowsN).replace(`KEHU_BENCH_N=${workflowsN}`, `KEHU_BENCH_ONLY=workflows KEHU_BENCH_WORKFLOWS_N=${workflowsN}`),
    });
  }
  if (!only || only === 'access') {
    const checks = process.env.KEHU_BENCH_ACCESS_CHECKS ?? '10000';
    const { runCheckScenario } = await import('./checks.ts');
    await runCheckScenario({
      engine,
      out,
      file: 'test/access-matrix.int.test.ts',
      key: 'access',
      title: 'Randomized access matrix',
      env: { KEHU_ACCESS_CHECKS: checks },
      summary: /access matrix: .*/,
      command: `KEHU_BENCH_ONLY=access KEHU_BENCH_ACCESS_CHECKS=${checks} npm run bench -- --engine ${engine}`,
    });
  }
  if (!only || only === 'fuzz') {
    const requests = process.env.KEHU_BENCH_FUZZ_REQUESTS ?? '100000';
    const { runCheckScenario } = await import('./checks.ts');
    await runCheckScenario({
      engine,
      out,
      file: 'test/openapi-fuzz.int.test.ts',
      key: 'fuzz',
      title: 'OpenAPI fuzzer',
      env: { KEHU_FUZZ_REQUESTS: requests, KEHU_FUZZ_SEED: process.env.KEHU_FUZZ_SEED ?? 'random' },
      summary: /fuzz: .*/,
      command: `KEHU_BENCH_ONLY=fuzz KEHU_BENCH_FUZZ_REQUESTS=${requests} npm run bench -- --engine ${engine}`,
    });
  }
  if (!only || only === 'import') {
    if (engine !== 'postgres') process.stdout.write('Import: skipped (the COPY baseline needs a PostgreSQL server: set DATABASE_URL or --engine postgres)\n');
    else {
      const importN = Number(process.env.KEHU_BENCH_IMPORT_N ?? 1_000_000);
      if (!Number.isInteger(importN) || importN < 1000) throw new Error('KEHU_BENCH_IMPORT_N must be an integer >= 1000');
      const { runImportBench } = await import('./import.ts');
      await runImportBench({
        n: importN,
        keep,
        out,
        command: `KEHU_BENCH_ONLY=import KEHU_BENCH_IMPORT_N=${importN} npm run bench -- --engine postgres`,
      });
    }
  }
}

try {
  await main();
} catch (error) {
  process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)} (options: npm run bench -- --help)\n`);
  process.exit(1);
}
