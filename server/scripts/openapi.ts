// Prints the OpenAPI document of the HTTP app without a database: routes and their zod schemas
// need no tables, so the app is built over a stand-in that refuses every query (opening even an
// in-memory PGlite costs seconds). If building routes ever queries, this fails loudly.
//   node --import tsx server/scripts/openapi.ts [out.json]   (default: stdout)
// Used by scripts/api-types.mjs (`npm run api:types`) to generate web/src/shared/api/schema.gen.ts.
import { writeFileSync } from 'node:fs';
import { type Driver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler } from 'kysely';
import { buildApp } from '../src/app.ts';
import type { Database } from '../src/db/database.ts';
import type { DB } from '../src/db/schema.ts';
import { loadConfig } from '../src/platform/config.ts';

const refuse = (): never => {
  throw new Error('server/scripts/openapi.ts: building the routes queried the database; the OpenAPI document must not need one');
};
const driver: Driver = {
  init: async () => {},
  acquireConnection: async () => refuse(),
  beginTransaction: refuse,
  commitTransaction: refuse,
  rollbackTransaction: refuse,
  releaseConnection: async () => {},
  destroy: async () => {},
};
const db: Database = {
  kind: 'postgres',
  kysely: new Kysely<DB>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => driver,
      createIntrospector: (k) => new PostgresIntrospector(k),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
  }),
  raw: async () => refuse(),
  listen: async () => refuse(),
  close: async () => {},
};

// The credential cache LISTENs for changes; a document needs none of it.
const config = { ...loadConfig({}), credentialCacheSeconds: 0 };
const { app } = await buildApp({ db, config, secret: 'openapi-document-only', logger: false });
await app.ready();
const json = `${JSON.stringify(app.swagger(), null, 2)}\n`;
await app.close();
const out = process.argv[2];
if (out) writeFileSync(out, json);
else process.stdout.write(json);
