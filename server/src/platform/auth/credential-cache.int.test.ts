import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '#test/app.ts';
import { databaseAvailable, testEngine } from '#test/db.ts';
import { hashToken } from './tokens.ts';

/** Retries `probe` until it gives `want` (a notice crosses a connection) or 3 s pass. */
async function eventually<T>(probe: () => Promise<T>, want: T): Promise<T> {
  let seen = await probe();
  for (let waited = 0; seen !== want && waited < 3000; waited += 50) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    seen = await probe();
  }
  return seen;
}

describe.skipIf(!databaseAvailable)('cached credentials', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  const status = async (token: string, url = '/api/v1/contacts') =>
    (await t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } })).statusCode;

  it('keeps a resolved token, and drops it when the database says it changed, whoever changed it', async () => {
    const created = await t.request(t.admin, { method: 'POST', url: '/api/v1/api-tokens', payload: { name: 'sync script' } });
    const token = created.json().token as string;
    expect(await status(token)).toBe(200);
    expect(t.deps.credentials?.get(hashToken(token))).toBeDefined();
    // Revoked behind the app's back (another instance, the CLI, SQL): the trigger's notice reaches the cache.
    await sql`update api_tokens set revoked_at = now() where id = ${created.json().id}`.execute(t.db.kysely);
    expect(await eventually(() => status(token), 401)).toBe(401);
    expect(t.deps.credentials?.get(hashToken(token))).toBeUndefined();
  });

  it('a role taken away by SQL stops the next requests; one taken away through the API stops the very next', async () => {
    const user = await t.createUser({ role: 'Sales Rep' });
    expect(await status(user.token)).toBe(200);
    await sql`delete from user_roles where user_id = ${user.id}`.execute(t.db.kysely);
    expect(await eventually(() => status(user.token), 403)).toBe(403);

    const other = await t.createUser({ role: 'Sales Rep' });
    expect(await status(other.token)).toBe(200);
    const off = await t.request(t.admin, { method: 'POST', url: `/api/v1/users/${other.id}/deactivate` });
    expect(off.statusCode, off.body).toBe(200);
    expect(await status(other.token)).toBe(401); // no waiting: the write dropped the tenant's entries
  });

  it.skipIf(testEngine !== 'postgres')('caches nothing while its listening connection is down, and again once it is back', async () => {
    const created = await t.request(t.admin, { method: 'POST', url: '/api/v1/api-tokens', payload: { name: 'listener probe' } });
    const token = created.json().token as string;
    const cached = async () => (await status(token)) === 200 && t.deps.credentials?.get(hashToken(token)) !== undefined;
    expect(await cached()).toBe(true);
    const killed = await sql<{ killed: boolean }>`select pg_terminate_backend(pid) as killed from pg_stat_activity
      where datname = current_database() and query = 'listen "kehu_credentials"'`.execute(t.db.kysely);
    expect(killed.rows.map((r) => r.killed)).toEqual([true]);
    // Down: the cached entries go.
    expect(await eventually(async () => t.deps.credentials?.get(hashToken(token)) === undefined, true)).toBe(true);
    // Reopened a second later: kept again, and a revocation is heard again.
    expect(await eventually(cached, true)).toBe(true);
    await sql`update api_tokens set revoked_at = now() where id = ${created.json().id}`.execute(t.db.kysely);
    expect(await eventually(() => status(token), 401)).toBe(401);
  });

  it('does not keep a credential read while a change came in', async () => {
    const cache = t.deps.credentials;
    if (!cache) throw new Error('the app has no credential cache');
    const before = cache.generation();
    const user = await t.createUser({ role: 'Sales Rep' });
    await sql`update users set team_id = null where id = ${user.id}`.execute(t.db.kysely);
    await eventually(async () => cache.generation() !== before, true);
    const row = { tenant_id: user.tenantId } as Parameters<typeof cache.set>[1];
    cache.set('stale-hash', row, before);
    expect(cache.get('stale-hash')).toBeUndefined();
    cache.set('fresh-hash', row, cache.generation());
    expect(cache.get('fresh-hash')).toBe(row);
  });
});
