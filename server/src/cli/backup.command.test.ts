import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp } from '../../test/app.ts';
import { seedAwkwardRows, snapshot } from '../db/backup/backup-fixtures.ts';
import { detectBackupKind } from '../db/backup/datadir.ts';
import { writeLogicalBackup } from '../db/backup/write-backup.ts';
import { openDatabase } from '../db/database.ts';
import { acquireStoreLock } from '../db/store-lock.ts';
import { backupCommand } from './backup.command.ts';
import { restoreCommand } from './restore.command.ts';

/** The verbs as a user runs them on the embedded store (in-process; each file has its own env). */
describe('kehu backup / kehu restore on the embedded store', () => {
  let dir: string;
  let source: Record<string, string[]>;
  let sourceFile: string;
  const pgdata = () => join(dir, 'data', 'pgdata');
  const output = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  const printed = () => output.mock.calls.map((c) => String(c[0])).join('');

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kehu-cli-backup-'));
    delete process.env.DATABASE_URL;
    process.env.KEHU_DATA_DIR = join(dir, 'data');
    const t = await createTestApp();
    await seedAwkwardRows(t);
    sourceFile = join(dir, 'source.jsonl.gz');
    await writeLogicalBackup({ db: t.db, out: sourceFile });
    source = await snapshot(t.db);
    await t.close();
  }, 120_000);
  afterAll(() => {
    output.mockRestore();
    rmSync(dir, { recursive: true, force: true });
  });

  it('says so when there is no store to back up', async () => {
    await expect(backupCommand.run({ values: { format: 'logical' }, positionals: [] })).rejects.toThrow(/No embedded store/);
  });

  // Four PGlite start-ups in a row; slow on a busy 2-core CI box.
  it('restores into a new data directory, backs it up, and replaces it with --force', { timeout: 300_000 }, async () => {
    await restoreCommand.run({ values: { in: sourceFile }, positionals: [] });
    expect(printed()).toMatch(/Restored \d+ rows into \d+ tables/);
    expect(printed()).toMatch(/KEHU_SECRET/);

    // A live process of this host (our parent) holds the store, as a running `kehu serve` would.
    const lock = `${pgdata()}.lock`;
    writeFileSync(lock, JSON.stringify({ pid: process.ppid, host: hostname(), purpose: 'kehu serve', since: new Date().toISOString() }));
    await expect(backupCommand.run({ values: { format: 'logical' }, positionals: [] })).rejects.toThrow(/in use by kehu serve/);
    rmSync(lock);
    // A lock left by a process that is gone is taken over.
    writeFileSync(lock, JSON.stringify({ pid: 2 ** 22 + 1, host: hostname(), purpose: 'kehu serve', since: new Date().toISOString() }));
    acquireStoreLock(pgdata(), 'test')();
    expect(existsSync(lock)).toBe(false);

    const out = join(dir, 'again.jsonl.gz');
    await backupCommand.run({ values: { out, format: 'logical' }, positionals: [] });
    expect(await detectBackupKind(out)).toBe('logical');
    expect(printed()).toMatch(/Backup written to .*again\.jsonl\.gz/);
    expect(existsSync(`${pgdata()}.lock`)).toBe(false);

    await restoreCommand.run({ values: { in: out, force: true }, positionals: [] });
    expect(readdirSync(join(dir, 'data')).some((name) => name.startsWith('pgdata.before-restore-'))).toBe(true);

    const restored = await openDatabase({ dataDir: pgdata() });
    try {
      expect(await snapshot(restored)).toEqual(source);
    } finally {
      await restored.close();
    }
  });
});
