import type { Database } from '#db/database.ts';
import { migrateToLatest } from '#db/migrator.ts';
import { masterKeyFrom } from '#platform/crypto/field-crypto.ts';
import { createTenant } from '#platform/tenancy/tenants.ts';
import { buildApp } from '../src/app.ts';
import { STANDARD_OBJECTS } from '../src/modules.ts';
import { benchConfig } from './capture.ts';
import { BENCH_ADMIN, BENCH_SECRET } from './load.ts';

export type Call = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) => Promise<{ id: string } & Record<string, unknown>>;

/**
 * A migrated database with one tenant, the app on it and a `call` that sends a request as its
 * admin and throws on anything but success: the start of the benches that drive the API in-process.
 */
export async function benchTenantApp(db: Database, tenant: { slug: string; name: string }) {
  await migrateToLatest(db);
  await createTenant(db.kysely, {
    objects: STANDARD_OBJECTS,
    ...tenant,
    adminEmail: BENCH_ADMIN.email,
    adminPassword: BENCH_ADMIN.password,
    masterKey: masterKeyFrom(BENCH_SECRET),
  });
  const { app, deps } = await buildApp({ db, config: benchConfig(), secret: BENCH_SECRET, logger: false });
  const token = (await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: BENCH_ADMIN })).json().token as string;
  const call: Call = async (method, url, payload) => {
    const res = await app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, ...(payload ? { payload } : {}) });
    if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body.slice(0, 300)}`);
    return res.json();
  };
  return { app, deps, call };
}
