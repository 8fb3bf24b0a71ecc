import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from './commands.ts';

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

const poolCommandLine = (engine: string, n: number) => commandLine(engine, n).replace(`KEHU_BENCH_N=${n}`, `KEHU_BENCH_ONLY=pool KEHU_BENCH_POOL_N=${n}`);

/** `kehu bench`: seeds a throwaway database and measures the API against its bare SQL (docs/benchmarks.md). */
export const benchCommand: Command = {
  summary:
    'bench [--engine postgres|pglite] [--n N] [--seconds S] [--keep] [--explain] [--only febrl|api|pool|import]: seed throwaway databases; duplicate detection precision/recall/F1 on FEBRL, list, search and get, one pool recycling pass (KEHU_BENCH_POOL_N), a CSV import beside COPY on PostgreSQL (KEHU_BENCH_IMPORT_N)',
  options: {
    engine: { type: 'string' },
    n: { type: 'string' },
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '50' },
    keep: { type: 'boolean', default: false },
    explain: { type: 'boolean', default: false },
    out: { type: 'string' },
    only: { type: 'string' },
  },
  run: async ({ values }) => {
    const engine = values.engine === 'pglite' || values.engine === 'postgres' ? values.engine : process.env.DATABASE_URL ? 'postgres' : 'pglite';
    const n = Number(values.n ?? process.env.KEHU_BENCH_N ?? (engine === 'postgres' ? 1_000_000 : 100_000));
    if (!Number.isInteger(n) || n < 1000) throw new Error('--n must be an integer >= 1000');
    // Sections: `febrl` (duplicate detection quality), `api` (lists, search, get), `pool` (one recycling pass) and `import` (a CSV import beside COPY); all unless --only / KEHU_BENCH_ONLY names one.
    const only = values.only ?? process.env.KEHU_BENCH_ONLY;
    const out = typeof values.out === 'string' ? values.out : fileURLToPath(new URL('../../../docs/benchmarks.md', import.meta.url));
    if (!only || only === 'febrl') {
      const { runFebrlBench } = await import('../../bench/febrl.ts');
      await runFebrlBench({ engine, out, command: commandLine(engine, n).replace(`KEHU_BENCH_N=${n}`, 'KEHU_BENCH_ONLY=febrl') });
    }
    if (!only || only === 'api') await runApiBench();
    if (!only || only === 'pool') {
      const poolN = Number(process.env.KEHU_BENCH_POOL_N ?? (engine === 'postgres' ? 1_000_000 : 100_000));
      if (!Number.isInteger(poolN) || poolN < 1000) throw new Error('KEHU_BENCH_POOL_N must be an integer >= 1000');
      const { runPoolBench } = await import('../../bench/pool.ts');
      const dir = engine === 'pglite' ? mkdtempSync(join(tmpdir(), 'kehu-bench-pool-')) : undefined;
      try {
        await runPoolBench({ engine, n: poolN, keep: values.keep === true, out, command: poolCommandLine(engine, poolN), ...(dir ? { dataDir: dir } : {}) });
      } finally {
        if (dir && values.keep !== true) rmSync(dir, { recursive: true, force: true });
      }
    }
    if (!only || only === 'import') {
      if (engine !== 'postgres') process.stdout.write('Import: skipped (the COPY baseline needs a PostgreSQL server: set DATABASE_URL or --engine postgres)\n');
      else {
        const importN = Number(process.env.KEHU_BENCH_IMPORT_N ?? 1_000_000);
        if (!Number.isInteger(importN) || importN < 1000) throw new Error('KEHU_BENCH_IMPORT_N must be an integer >= 1000');
        const { runImportBench } = await import('../../bench/import.ts');
        await runImportBench({
          n: importN,
          keep: values.keep === true,
          out,
          command: `KEHU_BENCH_ONLY=import KEHU_BENCH_IMPORT_N=${importN} npm run bench -- --engine postgres`,
        });
      }
    }
    async function runApiBench() {
      const { runBench } = await import('../../bench/run.ts'); // loaded only for this verb: autocannon is a devDependency
      await runBench({
        engine,
        n,
        seconds: Number(values.seconds),
        connections: Number(values.connections),
        poolSize: Number(process.env.DATABASE_POOL_SIZE ?? 10),
        keep: values.keep === true,
        explain: values.explain === true,
        out,
        command: commandLine(engine, n),
      });
    }
  },
};
