import { openDatabase } from '#db/database.ts';
import { buildApp } from '../src/app.ts';
import { benchConfig } from './capture.ts';
import { BENCH_SECRET } from './load.ts';

/**
 * The app under test in its own process (forked by the bench with an IPC channel), so the load
 * generator does not share its event loop and its RSS is the server's alone.
 * argv: <database url or PGlite data dir> <pool size>
 */
const [target = '', poolSize = '10'] = process.argv.slice(2);
const db = await openDatabase(target.startsWith('postgres') ? { url: target, poolSize: Number(poolSize) } : { dataDir: target });
const { app } = await buildApp({ db, config: benchConfig(), secret: BENCH_SECRET, logger: false });
// Requests still running after autocannon stops would spill into the next scenario's figures.
let inFlight = 0;
app.addHook('onRequest', async () => {
  inFlight++;
});
// onSend, not onResponse: a request whose client has gone never finishes its response.
app.addHook('onSend', async (_request, _reply, payload) => {
  inFlight--;
  return payload;
});
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
process.send?.({ port: typeof address === 'object' && address ? address.port : 0 });
process.on('message', async (message: { type: string }) => {
  if (message.type === 'rss') process.send?.({ rss: process.memoryUsage().rss });
  if (message.type === 'idle') {
    for (let waited = 0; inFlight > 0 && waited < 600; waited++) await new Promise((resolve) => setTimeout(resolve, 100));
    process.send?.({ idle: true });
  }
  if (message.type === 'stop') {
    await app.close();
    await db.close();
    process.exit(0);
  }
});
