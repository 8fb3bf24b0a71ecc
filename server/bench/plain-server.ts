import Fastify from 'fastify';
import { CompiledQuery } from 'kysely';
import { openDatabase } from '#db/database.ts';
import { inTenantRead } from '#db/tx.ts';
import { barePool, sessionSetup } from './bare.ts';
import type { Captured, Statement } from './capture.ts';

/**
 * The thinnest HTTP server in front of the same SQL: fastify, no authentication, no mapping of
 * rows. What it loses against the bare run is what any HTTP API pays on this machine (the load
 * generator and the server share its cores with PostgreSQL); the app is measured against both.
 * - GET /plain/<scenario>/<i>: the scenario's i-th captured statement (mod their count), as the
 *   bare run rotates through them, on a pool set up as the bare run's (role and tenant set once
 *   per connection).
 * - GET /tx/<scenario>/<i>: the same statement inside the tenant transaction every app request
 *   opens (tx.ts: READ ONLY, role and tenant set per transaction), through the app's own database
 *   layer (Kysely, deferred BEGIN). The difference between the two is what tenant isolation costs.
 * argv: <database url> <pool size> <tenant id>; the scenarios arrive over IPC.
 */
const [url = '', poolSize = '10', tenantId = ''] = process.argv.slice(2);
const scenarios = await new Promise<Captured[]>((resolve) => process.once('message', (m: { scenarios: Captured[] }) => resolve(m.scenarios)));
const pool = await barePool(url, Number(poolSize), sessionSetup(scenarios));
const db = await openDatabase({ url, poolSize: Number(poolSize) });

type Params = { Params: { s: string; i: string } };
const statement = ({ s, i }: Params['Params']): Statement => {
  const main = scenarios[Number(s)]?.main ?? [];
  const st = main[Number(i) % main.length];
  if (!st) throw new Error(`no statement ${s}/${i}`);
  return st;
};

const app = Fastify();
app.get<Params>('/plain/:s/:i', async (req) => {
  const st = statement(req.params);
  return { data: (await pool.query(st.sql, st.params as unknown[])).rows };
});
app.get<Params>('/tx/:s/:i', async (req) => {
  const st = statement(req.params);
  const query = CompiledQuery.raw(st.sql, st.params as unknown[]);
  return { data: await inTenantRead(db.kysely, tenantId, async (tx) => (await tx.executeQuery(query)).rows) };
});
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
process.send?.({ port: typeof address === 'object' && address ? address.port : 0 });
process.on('message', async (message: { type: string }) => {
  if (message.type === 'stop') {
    await app.close();
    await Promise.all([pool.end(), db.close()]);
    process.exit(0);
  }
});
