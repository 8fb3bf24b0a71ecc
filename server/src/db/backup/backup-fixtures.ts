import { sql } from 'kysely';
import pg from 'pg';
import { inject } from 'vitest';
import type { TestApp } from '../../../test/app.ts';
import { testEngine } from '../../../test/db.ts';
import { newId } from '../ids.ts';
import { type Database, type DatabaseKind, openDatabase } from '../database.ts';
import { inSystem } from '../tx.ts';
import { readCatalog } from './catalog.ts';

/** Rows that stress the round trip: precision, microseconds, jsonb, arrays, citext, nulls, Chinese. */
export async function seedAwkwardRows(t: TestApp) {
  const tenantId = t.admin.tenantId;
  // A child team stored before its parent: a row-by-row load in scan order would break the FK.
  const child = newId();
  const parent = newId();
  const companyId = newId();
  await inSystem(t.db.kysely, async (tx) => {
    await tx.insertInto('teams').values({ tenant_id: tenantId, id: parent, name: '华北大区 North' }).execute();
    await tx.insertInto('teams').values({ tenant_id: tenantId, id: child, name: '北京一组', parent_id: parent }).execute();
    // An update writes a new tuple after the child's, so a table scan meets the child first.
    await tx.updateTable('teams').set({ version: 2 }).where('id', '=', parent).execute();
    await tx
      .updateTable('users')
      .set({ email: 'MiXeD.Case@Acme.Test', team_id: child, locked_until: '2030-01-02T03:04:05.123456Z' })
      .where('id', '=', t.admin.id)
      .execute();
    await tx
      .insertInto('companies')
      .values({
        tenant_id: tenantId,
        id: companyId,
        name: '北京字节跳动科技有限公司',
        annual_revenue: '123456789012345678.90',
        currency: 'CNY',
        tags: ['大客户', 'a,b', 'quote"d', 'NULL', ''],
        phones: JSON.stringify([{ number: '+8613812345678', label: '手机' }]),
        custom: '{"规模": "大型", "ratio": 1.10, "big": 123456789012345678901234567890.5, "nested": {"a": [1, null, "x", "\\u4e2d \\n tab\\t"]}}',
        description: 'line one\nline two\ttab \\ backslash "quotes" 😀',
        created_at: '2026-01-02T03:04:05.123456+08:00',
        owner_id: t.admin.id,
      })
      .execute();
    await tx
      .insertInto('contacts')
      .values([
        { tenant_id: tenantId, id: newId(), name: '张伟', family_name: '张', given_name: '伟', company_id: companyId, birthday: '1990-02-28', tags: [] },
        { tenant_id: tenantId, id: newId(), name: 'John Smith', company_id: null, address: null, emails: JSON.stringify(['john@example.com']) },
      ])
      .execute();
    await tx
      .insertInto('activities')
      .values({
        tenant_id: tenantId,
        id: newId(),
        type: 'task',
        subject: '回访 follow up',
        company_id: companyId,
        due_at: '2026-12-31T23:59:59.999999Z',
        duration_seconds: null,
      })
      .execute();
  });
}

/** Every row of every table (migration bookkeeping too), as PostgreSQL's record text, sorted. */
export async function snapshot(db: Database): Promise<Record<string, string[]>> {
  return inSystem(db.kysely, async (tx) => {
    await sql`set local timezone = 'UTC'`.execute(tx);
    // Sessions are left out of backups on purpose (write-backup.ts NOT_BACKED_UP): compare the rest.
    const names = [
      ...(await readCatalog(tx)).map((t) => t.name).filter((n) => n !== 'public.sessions'),
      'public.kysely_migration',
      'public.kysely_migration_lock',
    ];
    const result: Record<string, string[]> = {};
    for (const name of names.sort()) {
      const { rows } = await sql.raw<{ r: string }>(`select t::text as r from ${name} t`).execute(tx);
      // Sorted in JavaScript: collations differ between PGlite and the server.
      result[name] = rows.map((row) => row.r).sort();
    }
    return result;
  });
}

/** A database with nothing in it, not even migrations, on the given engine. */
export async function createEmptyDatabase(kind: DatabaseKind = testEngine): Promise<Database> {
  if (kind === 'pglite') return openDatabase({});
  const target = inject('postgres');
  if (!target) throw new Error('No PostgreSQL for this run');
  const name = `${target.prefix}_empty_${process.pid}_${newId().slice(-8)}`;
  const admin = new pg.Client({ connectionString: target.server });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(target.server);
  url.pathname = `/${name}`;
  return openDatabase({ url: url.toString(), poolSize: 2 });
}
