import { buildApp } from '../app.ts';
import { loadConfig } from '#platform/config.ts';
import { resolveSecret } from '#platform/crypto/secret.ts';
import { startJobs } from '#platform/jobs/start-jobs.ts';
import { bootstrap } from './bootstrap.ts';
import type { Command } from './commands.ts';
import { openConfiguredDatabase } from './open.ts';

export const serveCommand: Command = {
  summary: 'Migrate, create the admin and demo data on first start, and serve the API and web app',
  run: async () => {
    const config = loadConfig();
    const secret = resolveSecret(config.secret, config.dataDir);
    const db = await openConfiguredDatabase(config);
    await bootstrap(db, config, secret, (line) => process.stdout.write(`${line}\n`));
    const { app, deps } = await buildApp({ db, config, secret });
    const jobs = config.runJobs ? await startJobs(deps) : null;
    const stop = async () => {
      await app.close();
      await jobs?.stop();
      await db.close();
      process.exit(0);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    await app.listen({ port: config.port, host: config.host });
    const loopback = ['127.0.0.1', 'localhost', '::1'].includes(config.host);
    const where = loopback ? `http://localhost:${config.port} (this machine only; HOST=0.0.0.0 serves the network)` : `http://${config.host}:${config.port}`;
    process.stdout.write(`Kehu is running on ${where} (database: ${db.kind})\n`);
  },
};
