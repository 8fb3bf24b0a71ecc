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

/** `kehu bench`: seeds a throwaway database and measures the API against its bare SQL (docs/benchmarks.md). */
export const benchCommand: Command = {
  summary: 'bench [--engine postgres|pglite] [--n N] [--seconds S] [--keep] [--explain]: seed a throwaway database and measure list, search and get',
  options: {
    engine: { type: 'string' },
    n: { type: 'string' },
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '50' },
    keep: { type: 'boolean', default: false },
    explain: { type: 'boolean', default: false },
    out: { type: 'string' },
  },
  run: async ({ values }) => {
    const engine = values.engine === 'pglite' || values.engine === 'postgres' ? values.engine : process.env.DATABASE_URL ? 'postgres' : 'pglite';
    const n = Number(values.n ?? process.env.KEHU_BENCH_N ?? (engine === 'postgres' ? 1_000_000 : 100_000));
    if (!Number.isInteger(n) || n < 1000) throw new Error('--n must be an integer >= 1000');
    const { runBench } = await import('../../bench/run.ts'); // loaded only for this verb: autocannon is a devDependency
    await runBench({
      engine,
      n,
      seconds: Number(values.seconds),
      connections: Number(values.connections),
      poolSize: Number(process.env.DATABASE_POOL_SIZE ?? 10),
      keep: values.keep === true,
      explain: values.explain === true,
      out: typeof values.out === 'string' ? values.out : fileURLToPath(new URL('../../../docs/benchmarks.md', import.meta.url)),
      command: commandLine(engine, n),
    });
  },
};
