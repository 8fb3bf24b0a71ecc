import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrator.ts';

/** Where PostgreSQL tests go: TEST_DATABASE_URL, DATABASE_URL, or the local server if it answers. */
async function findPostgres(): Promise<string | null> {
  const candidates = [process.env.TEST_DATABASE_URL, process.env.DATABASE_URL, 'postgres://postgres@127.0.0.1:5432/postgres'].filter(Boolean) as string[];
  for (const url of candidates) {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
    try {
      await client.connect();
      await client.query('select 1');
      await client.end();
      return url;
    } catch {
      await client.end().catch(() => {});
    }
  }
  return null;
}

const withDatabase = (url: string, name: string) => {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
};

/**
 * Migrates once per run: a PGlite dump that each test file loads (~1 s instead of ~5 s), and on
 * PostgreSQL a throwaway template database that each test file copies; all dropped at the end.
 */
export default async function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), 'kehu-test-'));
  if (project.name === 'postgres') return setupPostgres(project, dir);
  const pglite = await openDatabase({});
  await migrateToLatest(pglite);
  const dump = await pglite.pglite?.dumpDataDir('none');
  await pglite.close();
  const dumpPath = join(dir, 'template.tar');
  writeFileSync(dumpPath, Buffer.from(await (dump as Blob).arrayBuffer()));
  project.provide('pgliteTemplate', dumpPath);
  project.provide('postgres', null);
  return () => rmSync(dir, { recursive: true, force: true });
}

async function setupPostgres(project: TestProject, dir: string) {
  project.provide('pgliteTemplate', '');
  const server = await findPostgres();
  const runId = `kehu_test_${process.pid}_${Date.now().toString(36)}`;
  let admin: pg.Client | null = null;
  if (server) {
    admin = new pg.Client({ connectionString: server });
    await admin.connect();
    await admin.query(`create database ${runId}_tpl`);
    const tpl = await openDatabase({ url: withDatabase(server, `${runId}_tpl`), poolSize: 1 });
    await migrateToLatest(tpl);
    await tpl.close();
    process.stdout.write(`PostgreSQL tests run in throwaway databases ${runId}_*\n`);
  } else {
    process.stdout.write('No PostgreSQL answered: the postgres project is skipped; PGlite runs everything\n');
  }
  project.provide('postgres', server ? { server, template: `${runId}_tpl`, prefix: runId } : null);

  return async () => {
    rmSync(dir, { recursive: true, force: true });
    if (admin) {
      const { rows } = await admin.query<{ datname: string }>('select datname from pg_database where datname like $1', [`${runId}%`]);
      for (const { datname } of rows) await admin.query(`drop database if exists ${datname} with (force)`);
      await admin.end();
    }
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    postgres: { server: string; template: string; prefix: string } | null;
  }
}
