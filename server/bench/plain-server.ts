import Fastify from 'fastify';
import { barePool, sessionSetup } from './bare.ts';
import type { Captured } from './capture.ts';

/**
 * The thinnest HTTP server in front of the same SQL: fastify, one route, no authentication, no
 * transaction, no mapping of rows, on a pool set up as the bare run's. What it loses against the
 * bare run is what any HTTP API pays on this machine (the load generator and the server share its
 * cores with PostgreSQL); the app is measured against both.
 * argv: <database url> <pool size>; the scenarios arrive over IPC. GET /<scenario>/<i> runs the
 * scenario's i-th captured statement (mod their count), as the bare run rotates through them.
 */
const [url = '', poolSize = '10'] = process.argv.slice(2);
const scenarios = await new Promise<Captured[]>((resolve) => process.once('message', (m: { scenarios: Captured[] }) => resolve(m.scenarios)));
const pool = await barePool(url, Number(poolSize), sessionSetup(scenarios));
const app = Fastify();
app.get<{ Params: { s: string; i: string } }>('/:s/:i', async (req) => {
  const main = scenarios[Number(req.params.s)]?.main ?? [];
  const st = main[Number(req.params.i) % main.length];
  if (!st) throw new Error(`no statement ${req.params.s}/${req.params.i}`);
  return { data: (await pool.query(st.sql, st.params as unknown[])).rows };
});
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
process.send?.({ port: typeof address === 'object' && address ? address.port : 0 });
process.on('message', async (message: { type: string }) => {
  if (message.type === 'stop') {
    await app.close();
    await pool.end();
    process.exit(0);
  }
});
