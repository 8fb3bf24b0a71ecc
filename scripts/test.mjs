// `npm test`: the server suite (PGlite, and PostgreSQL when one answers), the web unit tests and
// the browser tests, each streamed as it runs, then one closing `N passed, N failed` line.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const suites = [
  { name: 'server', args: ['test', '-w', 'server'] },
  { name: 'web', args: ['test', '-w', 'web'] },
  { name: 'browser', args: ['run', 'e2e', '-w', 'web'], skip: !existsSync(chromium) && `no Chromium at ${chromium}` },
];

const strip = (text) => text.replace(new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g'), '');

/** Counts from our summary line, vitest's `Tests` line, or node:test's `# pass` / `# fail`. */
function counts(output) {
  const text = strip(output);
  const plain = [...text.matchAll(/^(\d+) passed, (\d+) failed/gm)].at(-1);
  if (plain) return { passed: Number(plain[1]), failed: Number(plain[2]) };
  const vitest = [...text.matchAll(/^\s*Tests\s+(.*)$/gm)].at(-1)?.[1] ?? '';
  if (vitest) return { passed: Number(/(\d+) passed/.exec(vitest)?.[1] ?? 0), failed: Number(/(\d+) failed/.exec(vitest)?.[1] ?? 0) };
  const pass = [...text.matchAll(/^# pass (\d+)/gm)].at(-1);
  const fail = [...text.matchAll(/^# fail (\d+)/gm)].at(-1);
  return { passed: Number(pass?.[1] ?? 0), failed: Number(fail?.[1] ?? 0) };
}

function run(args) {
  return new Promise((resolve) => {
    let output = '';
    const child = spawn('npm', args, { stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
    child.stdout.on('data', (chunk) => {
      output += chunk;
      process.stdout.write(chunk);
    });
    child.stderr.on('data', (chunk) => process.stderr.write(chunk));
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

let passed = 0;
let failed = 0;
const lines = [];
for (const suite of suites) {
  if (suite.skip) {
    lines.push(`${suite.name}: skipped (${suite.skip})`);
    continue;
  }
  const started = Date.now();
  const { code, output } = await run(suite.args);
  const took = `${Math.round((Date.now() - started) / 1000)} s`;
  const c = counts(output);
  // A runner that died without reporting a failure still fails the run.
  if (code !== 0 && c.failed === 0) c.failed = 1;
  passed += c.passed;
  failed += c.failed;
  lines.push(`${suite.name}: ${c.passed} passed, ${c.failed} failed (${took})`);
}
process.stdout.write(`\n${lines.join('\n')}\n${passed} passed, ${failed} failed\n`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
