import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { createTestDatabase, databaseAvailable, testEngine } from '../../../test/db.ts';
import { type Database, openDatabase } from '../database.ts';
import { createEmptyDatabase, seedAwkwardRows, snapshot } from './backup-fixtures.ts';
import { detectBackupKind, restoreDatadirBackup, writeDatadirBackup } from './datadir.ts';
import { restoreLogicalBackup } from './restore-backup.ts';
import { writeLogicalBackup } from './write-backup.ts';

// Each case starts one or more fresh PGlite databases (seconds each on a busy 2-core box).
const SLOW = 300_000;

const sessionsIn = async (db: Database) => (await sql<{ n: number }>`select count(*)::int as n from sessions`.execute(db.kysely)).rows[0]?.n;

describe.skipIf(!databaseAvailable)(`backup and restore (${testEngine})`, () => {
  let t: TestApp;
  let dir: string;
  let file: string;
  let source: Record<string, string[]>;

  beforeAll(async () => {
    t = await createTestApp();
    await t.createUser({ role: 'Sales Rep', name: '李娜' });
    await t.createTenant('globex');
    await seedAwkwardRows(t);
    // A custom object's table exists only at runtime: restore has to create it before loading.
    const created = await t.request(t.admin, {
      method: 'POST',
      url: '/api/v1/custom-objects',
      payload: { name: 'distributors', label: { zh: '经销商', en: 'Distributor' } },
    });
    expect(created.statusCode, created.body).toBe(201);
    expect((await t.request(t.admin, { method: 'POST', url: '/api/v1/distributors', payload: { name: '华东经销商' } })).statusCode).toBe(201);
    dir = mkdtempSync(join(tmpdir(), 'kehu-backup-'));
    file = join(dir, 'backup.jsonl.gz');
    await writeLogicalBackup({ db: t.db, out: file, batchSize: 2 });
    source = await snapshot(t.db);
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('restores every row exactly into an empty database', { timeout: SLOW }, async () => {
    expect(source['public.companies']).toHaveLength(1);
    expect(source['public.teams']?.length).toBeGreaterThanOrEqual(2);
    // A bare PostgreSQL database is cheap: it proves migrating from nothing. A bare PGlite costs a
    // fresh initdb, so there the migrated template is used (the CLI and cross-engine cases start bare).
    const target = testEngine === 'postgres' ? await createEmptyDatabase() : await createTestDatabase();
    try {
      // One row per INSERT: the team stored before its parent must still load (staged, then moved).
      const { migrated, rows } = await restoreLogicalBackup({ db: target, file, batchRows: 1 });
      if (testEngine === 'postgres') expect(migrated.length).toBeGreaterThan(0);
      expect(rows['public.contacts']).toBe(2);
      expect(Object.entries(rows).filter(([name, n]) => /^public\.co_/.test(name) && n === 1)).toHaveLength(1);
      expect(await snapshot(target)).toEqual(source);
      // Sign-in sessions stay behind: a cookie taken from the source signs in nowhere else.
      expect(await sessionsIn(t.db)).toBeGreaterThan(0);
      expect(await sessionsIn(target)).toBe(0);
    } finally {
      await target.close();
    }
  });

  it('refuses a database that holds data unless forced, then replaces its data', { timeout: SLOW }, async () => {
    const other = await createTestApp(); // migrated, with its own tenant and admin
    try {
      await expect(restoreLogicalBackup({ db: other.db, file })).rejects.toThrow(/not empty.*--force/);
      await restoreLogicalBackup({ db: other.db, file, force: true });
      expect(await snapshot(other.db)).toEqual(source);
    } finally {
      await other.close();
    }
  });

  it('rejects a cut-short backup and leaves the target as it was', { timeout: SLOW }, async () => {
    const text = gunzipSync(readFileSync(file)).toString('utf8');
    const cut = join(dir, 'cut.jsonl.gz');
    writeFileSync(cut, gzipSync(text.slice(0, text.lastIndexOf('["end"'))));
    const target = await createTestDatabase();
    try {
      await expect(restoreLogicalBackup({ db: target, file: cut })).rejects.toThrow(/incomplete/);
      const after = await snapshot(target);
      expect(Object.entries(after).filter(([name, rows]) => rows.length > 0 && !name.startsWith('public.kysely'))).toEqual([]);
    } finally {
      await target.close();
    }
  });

  it('tells a logical backup from a data directory dump and from other files', { timeout: SLOW }, async () => {
    expect(await detectBackupKind(file)).toBe('logical');
    const junk = join(dir, 'junk.gz');
    writeFileSync(junk, gzipSync('hello'));
    await expect(detectBackupKind(junk)).rejects.toThrow(/not a Kehu backup/);
    writeFileSync(junk, 'not gzip');
    await expect(detectBackupKind(junk)).rejects.toThrow(/not a Kehu backup/);
  });

  it.skipIf(testEngine !== 'pglite')('round-trips the embedded store through a PGlite data directory dump', { timeout: SLOW }, async () => {
    const dump = join(dir, 'store.pgdata.tar.gz');
    await writeDatadirBackup({ db: t.db, out: dump });
    expect(await detectBackupKind(dump)).toBe('datadir');
    const copy = join(dir, 'copy');
    await restoreDatadirBackup({ pgdataDir: copy, file: dump });
    const restored = await openDatabase({ dataDir: copy });
    try {
      expect(await snapshot(restored)).toEqual(source);
      expect(await sessionsIn(restored)).toBe(0);
    } finally {
      await restored.close();
    }
  });

  it.skipIf(testEngine !== 'postgres')('moves between engines: PostgreSQL -> PGlite -> PostgreSQL', { timeout: SLOW }, async () => {
    const pglite = await createEmptyDatabase('pglite');
    const back = join(dir, 'from-pglite.jsonl.gz');
    try {
      await restoreLogicalBackup({ db: pglite, file });
      expect(await snapshot(pglite)).toEqual(source);
      await writeLogicalBackup({ db: pglite, out: back });
    } finally {
      await pglite.close();
    }
    const postgres = await createEmptyDatabase('postgres');
    try {
      await restoreLogicalBackup({ db: postgres, file: back });
      expect(await snapshot(postgres)).toEqual(source);
    } finally {
      await postgres.close();
    }
  });
});
