import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { writeBenchSection } from './store.ts';

export type CheckRunOptions = {
  engine: 'postgres' | 'pglite';
  out: string;
  /** The vitest file, relative to server/. */
  file: string;
  /** Section key in docs/benchmarks.md and its title. */
  key: string;
  title: string;
  /** Environment for the run (how many checks or requests, the seed). */
  env: Record<string, string>;
  /** The summary line the test prints (`access matrix: ...`, `fuzz: ...`). */
  summary: RegExp;
  command: string;
};

const server = fileURLToPath(new URL('..', import.meta.url));

/**
 * A long run of one of the test suite's randomized checks (the access matrix, the OpenAPI fuzzer):
 * the same test file `npm test` runs briefly, through vitest (its database harness), with a larger
 * count. Prints its summary line and fails the bench when the test fails.
 */
export async function runCheckScenario(o: CheckRunOptions): Promise<void> {
  const started = Date.now();
  let output = '';
  const code = await new Promise<number>((resolve) => {
    const child = spawn('npx', ['vitest', 'run', '--project', o.engine, o.file], {
      cwd: server,
      env: { ...process.env, ...o.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const take = (chunk: Buffer) => {
      output += chunk.toString();
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    child.on('close', (c) => resolve(c ?? 1));
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  const summary = output.match(o.summary)?.[0] ?? '(no summary printed)';
  process.stdout.write(`${o.title}: ${summary} in ${seconds} s on ${o.engine}: ${code === 0 ? 'passed' : 'FAILED'}\n`);
  writeBenchSection(o.out, o.key, [
    `## ${o.title}`,
    '',
    `\`${o.command}\` on ${o.engine}, ${new Date().toISOString().slice(0, 10)}: ${code === 0 ? 'passed' : 'FAILED'} in ${seconds} s.`,
    '',
    `    ${summary}`,
  ]);
  if (code !== 0) {
    process.stdout.write(output.slice(-8000));
    throw new Error(`${o.title} failed (see the output above for the seed)`);
  }
}
