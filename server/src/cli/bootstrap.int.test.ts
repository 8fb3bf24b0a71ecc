import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, databaseAvailable } from '#test/db.ts';
import type { Database } from '#db/database.ts';
import { verifyPassword } from '#platform/auth/password.ts';
import { loadConfig } from '#platform/config.ts';
import { bootstrap } from './bootstrap.ts';
import { DEMO_USERS } from './demo-data.ts';

const SECRET = 'bootstrap-test-secret-1';

describe.skipIf(!databaseAvailable)('first start', () => {
  let db: Database;
  const lines: string[] = [];
  beforeAll(async () => {
    db = await createTestDatabase();
    await bootstrap(db, { ...loadConfig({}), adminEmail: 'boss@first.test' }, SECRET, (line) => lines.push(line));
  });
  afterAll(() => db?.close());

  const hashOf = async (email: string) =>
    (await db.kysely.selectFrom('users').select('password_hash').where('email', '=', email).executeTakeFirstOrThrow()).password_hash;

  it('prints the administrator and every demo user with a generated password, once', async () => {
    const out = lines.join('\n');
    const admin = /Generated password \(shown once\): (\S+)/.exec(out)?.[1] as string;
    const demo = /Demo users \(generated password, shown once: (\S+)\):/.exec(out)?.[1] as string;
    expect(admin).toMatch(/^[\w-]{12}$/);
    expect(demo).toMatch(/^[\w-]{12}$/);
    expect(demo).not.toBe(admin);
    expect(out).not.toContain('kehu-demo-123');
    expect(await verifyPassword(await hashOf('boss@first.test'), admin)).toBe(true);
    for (const u of DEMO_USERS) {
      expect(out).toContain(u.email);
      expect(await verifyPassword(await hashOf(u.email), demo)).toBe(true);
      expect(await verifyPassword(await hashOf(u.email), 'kehu-demo-123')).toBe(false);
    }
    const again: string[] = [];
    await bootstrap(db, loadConfig({}), SECRET, (line) => again.push(line));
    expect(again).toEqual([]);
  });
});
