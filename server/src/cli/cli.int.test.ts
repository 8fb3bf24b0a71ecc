import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, databaseAvailable, testEngine } from '../../test/db.ts';
import { openDatabase } from '../db/database.ts';
import { verifyPassword } from '../platform/auth/password.ts';

const run = promisify(execFile);
const bin = new URL('../../bin/kehu.js', import.meta.url).pathname;

describe.skipIf(!databaseAvailable)('kehu CLI: migrate, tenant create, user create / reset-password', () => {
  let env: NodeJS.ProcessEnv;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kehu-cli-'));
    env = { ...process.env, KEHU_DATA_DIR: dir, KEHU_SECRET: 'cli-test-secret-0123', LOG_LEVEL: 'silent' };
    if (testEngine === 'postgres') {
      const db = await createTestDatabase();
      env.DATABASE_URL = db.url;
      await db.close();
    } else delete env.DATABASE_URL;
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const kehu = async (...args: string[]) => (await run(process.execPath, [bin, ...args], { env })).stdout;

  it('creates a tenant, a user, and resets the password (printing a generated one)', async () => {
    expect(await kehu('migrate')).toMatch(/Applied|up to date/);
    expect(
      await kehu('tenant', 'create', '--slug', 'beta', '--name', 'Beta 公司', '--admin-email', 'boss@beta.test', '--admin-password', 'boss-secret-1'),
    ).toContain('Tenant beta created');
    expect(
      await kehu('user', 'create', '--tenant', 'beta', '--email', 'rep@beta.test', '--name', '代表', '--role', 'Sales Rep', '--password', 'rep-secret-1'),
    ).toContain('Created rep@beta.test');
    const reset = await kehu('user', 'reset-password', '--tenant', 'beta', '--email', 'rep@beta.test');
    const generated = /Generated password \(shown once\): (\S+)/.exec(reset)?.[1];
    expect(generated).toBeTruthy();
    await expect(kehu('tenant', 'create', '--slug', 'Bad Slug', '--admin-email', 'x@y.z')).rejects.toThrow(/--slug/);

    const db = await openDatabase(env.DATABASE_URL ? { url: env.DATABASE_URL } : { dataDir: join(dir, 'pgdata') });
    try {
      const rows = await db.kysely
        .selectFrom('users')
        .innerJoin('tenants', 'tenants.id', 'users.tenant_id')
        .select(['users.email', 'users.password_hash', 'tenants.slug'])
        .orderBy('users.email')
        .execute();
      expect(rows.map((r) => [r.slug, r.email])).toEqual([
        ['beta', 'boss@beta.test'],
        ['beta', 'rep@beta.test'],
      ]);
      expect(await verifyPassword(rows[1]?.password_hash ?? null, generated as string)).toBe(true);
    } finally {
      await db.close();
    }
  }, 300_000);
});
