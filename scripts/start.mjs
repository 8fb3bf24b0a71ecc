// `npm start`: builds the web app when web/dist is missing or older than its sources, then serves.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const newest = (dir) =>
  readdirSync(dir, { withFileTypes: true }).reduce((max, entry) => {
    const path = join(dir, entry.name);
    return Math.max(max, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }, 0);

const built = 'web/dist/index.html';
const stale = !existsSync(built) || Math.max(newest('web/src'), statSync('web/package.json').mtimeMs) > statSync(built).mtimeMs;
if (stale && existsSync('web/package.json')) {
  process.stdout.write(
    existsSync(built)
      ? 'Building the web app again (its sources changed), about a minute...\n'
      : 'Building the web app, first start only (about a minute)...\n',
  );
  const build = spawnSync('npm', ['run', 'build', '-w', 'web'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const server = spawnSync(process.execPath, ['server/bin/kehu.js', 'serve', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(server.status ?? 1);
