import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, databaseAvailable, testEngine } from '../../test/db.ts';
import { openDatabase } from '../db/database.ts';

const run = promisify(execFile);
const bin = new URL('../../bin/kehu.js', import.meta.url).pathname;

describe.skipIf(!databaseAvailable)('kehu import: a file through the import job from the command line', () => {
  let env: NodeJS.ProcessEnv;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kehu-cli-import-'));
    env = { ...process.env, KEHU_DATA_DIR: dir, KEHU_SECRET: 'cli-test-secret-0123', LOG_LEVEL: 'silent' };
    if (testEngine === 'postgres') {
      const db = await createTestDatabase();
      env.DATABASE_URL = db.url;
      await db.close();
    } else delete env.DATABASE_URL;
    writeFileSync(
      join(dir, 'people.csv'),
      '客户姓名,手机号码,E-mail,备注\n张伟,138 0013 8000,ZHANG@example.cn,展会\n李娜,12345,li@example.cn,\n王芳,139 0000 1111,wang@example.cn,老客户\n',
    );
    writeFileSync(join(dir, 'map.json'), JSON.stringify({ 客户姓名: 'name', 手机号码: 'mobile', 'E-mail': 'email', 备注: 'description' }));
    writeFileSync(join(dir, 'bad-map.json'), JSON.stringify({ 客户姓名: 'nope' }));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const kehu = async (...args: string[]) => (await run(process.execPath, [bin, ...args], { env })).stdout;

  it('dry-runs, imports with plain progress lines off a TTY, and refuses a mapping to a missing field', async () => {
    await kehu('tenant', 'create', '--slug', 'beta', '--name', 'Beta', '--admin-email', 'boss@beta.test', '--admin-password', 'boss-secret-1');
    const file = join(dir, 'people.csv');
    const base = ['import', file, '--object', 'contacts', '--tenant', 'beta', '--as', 'boss@beta.test'];

    const dry = await kehu(...base, '--mapping', join(dir, 'map.json'), '--dry-run');
    expect(dry).toContain('nothing was written');
    expect(dry).toContain('row 2: created');
    expect(dry).toMatch(/row 3: failed \(phones\.0\.number: .+\)/);
    expect(dry).toContain('First 3 rows: 2 would be created, 0 updated, 0 skipped, 1 refused');

    const out = await kehu(...base, '--mapping', join(dir, 'map.json'));
    expect(out).toMatch(/^progress \d+\/3 rows/m);
    expect(out).toMatch(/Import \S+ done: 2 created, 0 updated, 0 skipped, 1 failed/);
    expect(out).toContain('errors.csv');

    const again = await kehu(...base, '--mapping', join(dir, 'map.json'), '--match', 'email', '--on-match', 'skip');
    expect(again).toMatch(/done: 0 created, 0 updated, 2 skipped, 1 failed/);

    const refused = await kehu(...base, '--mapping', join(dir, 'bad-map.json')).catch((e: { stderr: string; code: number }) => e);
    expect(typeof refused === 'object' && refused.code).toBe(1);
    expect((refused as { stderr: string }).stderr).toContain('There is no field nope to import into');

    const db = await openDatabase(env.DATABASE_URL ? { url: env.DATABASE_URL } : { dataDir: join(dir, 'pgdata') });
    try {
      const contacts = await db.kysely.selectFrom('contacts').select(['name', 'emails']).orderBy('name').execute();
      expect(contacts.map((c) => c.name)).toEqual(['张伟', '王芳']);
      expect(JSON.stringify(contacts[0]?.emails)).toContain('zhang@example.cn');
      const imports = await db.kysely.selectFrom('imports').select(['status']).execute();
      expect(imports.map((i) => i.status).sort()).toEqual(['done', 'done']);
    } finally {
      await db.close();
    }
  }, 600_000);
});
