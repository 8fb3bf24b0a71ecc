import { buildApp } from '../app.ts';
import { loadConfig } from '#platform/config.ts';
import { resolveSecret } from '#platform/crypto/secret.ts';
import { startJobs } from '#platform/jobs/start-jobs.ts';
import type { Command } from './commands.ts';
import { openConfiguredDatabase } from './open.ts';

export const workerCommand: Command = {
  summary: 'Run only the job runner (event delivery, scheduled jobs), no HTTP; for extra instances on PostgreSQL',
  run: async () => {
    const config = loadConfig();
    const secret = resolveSecret(config.secret, config.dataDir);
    const db = await openConfiguredDatabase(config);
    if (db.kind === 'pglite') {
      process.stderr.write('Note: an embedded database allows one process; do not run `kehu serve` on the same data directory meanwhile.\n');
    }
    // The app is built (never listened on) because modules register their subscribers and jobs there.
    const { app, deps } = await buildApp({ db, config, secret });
    const jobs = await startJobs(deps);
    let stopping = false;
    const stop = async () => {
      if (stopping) return;
      stopping = true;
      await jobs.stop();
      await app.close();
      await db.close();
      process.exit(0);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    process.stdout.write(`Kehu worker is running (database: ${db.kind})\n`);
  },
};
