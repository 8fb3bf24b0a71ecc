// Runs the browser tests: builds the web app if needed, then node:test over e2e/*.e2e.ts
// (each file starts its own server on a free port with a fresh PGlite data dir).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const here = fileURLToPath(new URL('.', import.meta.url));
const run = (cmd, args) => spawnSync(cmd, args, { cwd: repo, stdio: 'inherit', env: process.env }).status ?? 1;

if (!existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium')) {
  console.error('Chromium not found at /usr/bin/chromium (apt-get install -y chromium)');
  process.exit(1);
}
// KEHU_E2E_SKIP_BUILD=1 reuses a build: KEHU_WEB_DIST's (what the server will serve) or web/dist.
const dist = process.env.KEHU_WEB_DIST ?? `${repo}web/dist`;
if (process.env.KEHU_E2E_SKIP_BUILD !== '1' || !existsSync(`${dist}/index.html`)) {
  if (run('npm', ['run', 'build', '-w', 'web']) !== 0) process.exit(1);
}
const only = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.e2e.ts'))
  .map((f) => `web/e2e/${f}`);
const status = run(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=1', ...(only.length ? only : files)]);
process.exit(status);
