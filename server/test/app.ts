import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { KyselyPlugin } from 'kysely';
import { buildApp } from '../src/app.ts';
import type { Database } from '../src/db/database.ts';
import { inTenant } from '../src/db/tx.ts';
import { hashPassword } from '../src/platform/auth/password.ts';
import { type Config, loadConfig } from '../src/platform/config.ts';
import type { Deps } from '../src/platform/deps.ts';
import { masterKeyFrom } from '../src/platform/crypto/field-crypto.ts';
import { newId } from '../src/platform/ids.ts';
import { createTenant } from '../src/platform/tenancy/tenants.ts';
import { createTestDatabase } from './db.ts';

export const TEST_SECRET = 'test-secret-test-secret';
export const PASSWORD = 'correct horse battery';

export type TestUser = { id: string; email: string; token: string; tenantId: string };

export type TestApp = {
  app: FastifyInstance;
  db: Database;
  deps: Deps;
  admin: TestUser;
  /** Sends a request as `user` (bearer token) with JSON body and Accept-Language en by default. */
  request: (user: TestUser | null, options: InjectOptions) => Promise<LightMyRequestResponse>;
  createUser: (options: CreateUserOptions) => Promise<TestUser>;
  /** Defines a custom field through the API as `user`; throws with the answer unless it was created. */
  defineCustomField: (user: TestUser, definition: Record<string, unknown>) => Promise<Record<string, unknown>>;
  createTenant: (slug: string) => Promise<TestUser>;
  close: () => Promise<void>;
};

export type CreateUserOptions = { email?: string; role?: string; teamId?: string | null; tenantId?: string; name?: string };

const testConfig = () => ({ ...loadConfig({}), logLevel: 'silent', runJobs: false, dataDir: '/nonexistent' });

/** `config` overrides the test configuration; `logStream` receives the app's log lines (debug and up). */
export type TestAppOptions = { plugins?: KyselyPlugin[]; config?: Partial<Config>; logStream?: { write: (line: string) => void } };

async function buildTestApp(db: Database, o: TestAppOptions = {}): Promise<{ app: FastifyInstance; deps: Deps }> {
  const logger = o.logStream ? { stream: o.logStream, level: 'debug' } : false;
  const built = await buildApp({ db, config: { ...testConfig(), ...o.config }, secret: TEST_SECRET, logger });
  await built.app.ready();
  return built;
}

/**
 * Another app on `t`'s database, as a restarted process would build it: nothing it holds in
 * memory comes from `t`'s app. `t.request` still goes to the first app; close the new one's `app`.
 */
export async function reopenTestApp(t: TestApp): Promise<TestApp> {
  const { app, deps } = await buildTestApp(t.db);
  return { ...t, app, deps };
}

/** A real app on a fresh database with one tenant and its admin signed in; `plugins` see every statement the app runs. */
export async function createTestApp(o: TestAppOptions = {}): Promise<TestApp> {
  const fresh = await createTestDatabase();
  const db = { ...fresh, kysely: (o.plugins ?? []).reduce((k, p) => k.withPlugin(p), fresh.kysely) };
  const { app, deps } = await buildTestApp(db, o);
  const masterKey = masterKeyFrom(TEST_SECRET);

  const login = async (email: string): Promise<string> => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password: PASSWORD } });
    if (res.statusCode !== 200) throw new Error(`login ${email}: ${res.statusCode} ${res.body}`);
    return res.json().token as string;
  };

  const newTenant = async (slug: string): Promise<TestUser> => {
    const email = `admin@${slug}.test`;
    const { tenantId, adminId } = await createTenant(db.kysely, {
      objects: deps.objects.standard,
      slug,
      name: slug,
      adminEmail: email,
      adminPassword: PASSWORD,
      masterKey,
    });
    return { id: adminId, email, tenantId, token: await login(email) };
  };
  const admin = await newTenant('acme');

  const createUser = async (o: CreateUserOptions): Promise<TestUser> => {
    const tenantId = o.tenantId ?? admin.tenantId;
    const id = newId();
    const email = o.email ?? `user-${id.slice(-8)}@acme.test`;
    const passwordHash = await hashPassword(PASSWORD);
    await inTenant(db.kysely, tenantId, async (tx) => {
      const role = await tx
        .selectFrom('roles')
        .select('id')
        .where('name', '=', o.role ?? 'Sales Rep')
        .executeTakeFirstOrThrow();
      await tx
        .insertInto('users')
        .values({ tenant_id: tenantId, id, email, name: o.name ?? email, password_hash: passwordHash, team_id: o.teamId ?? null })
        .execute();
      await tx.insertInto('user_roles').values({ tenant_id: tenantId, user_id: id, role_id: role.id }).execute();
    });
    return { id, email, tenantId, token: await login(email) };
  };

  const request = (user: TestUser | null, options: InjectOptions) =>
    app.inject({
      ...options,
      headers: {
        'accept-language': 'en',
        ...(user ? { authorization: `Bearer ${user.token}` } : {}),
        ...options.headers,
      },
    });

  const defineCustomField = async (user: TestUser, definition: Record<string, unknown>) => {
    const res = await request(user, { method: 'POST', url: '/api/v1/custom-fields', payload: definition });
    if (res.statusCode !== 201) throw new Error(`custom field ${String(definition.key)}: ${res.statusCode} ${res.body}`);
    return res.json() as Record<string, unknown>;
  };

  return {
    app,
    db,
    deps,
    admin,
    request,
    createUser,
    defineCustomField,
    createTenant: newTenant,
    close: async () => {
      await app.close();
      await db.close();
    },
  };
}
