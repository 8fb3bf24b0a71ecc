import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '#test/app.ts';
import { databaseAvailable } from '#test/db.ts';
import { importsClient, tempFile } from '#test/imports-kit.ts';

// An import keeps each row's changes in its journal and its batch events (#21): an erasure reaches them too.
const MARKER = 'Qx9Imported';
const EMAIL = `${MARKER.toLowerCase()}@example.com`;

describe.skipIf(!databaseAvailable)('privacy: erasure of an imported person', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  /** Tables whose rows hold `needle` anywhere (the whole row as text). */
  const scan = async (needle: string) => {
    const { rows: tables } = await sql<{ schema: string; name: string }>`
      select table_schema as schema, table_name as name from information_schema.tables
      where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')`.execute(t.db.kysely);
    const hits: string[] = [];
    for (const table of tables) {
      const { rows } = await sql<{
        n: number;
      }>`select count(*)::int as n from ${sql.table(`${table.schema}.${table.name}`)} x where x::text ilike ${`%${needle}%`}`.execute(t.db.kysely);
      if ((rows[0]?.n ?? 0) > 0) hits.push(table.name);
    }
    return hits.sort();
  };

  it('leaves no trace in the import journal or the batch events', async () => {
    const api = importsClient(t, t.admin);
    for (const [name, file] of [
      ['first.csv', `name,email\n${MARKER} 张,${EMAIL}`],
      ['second.csv', `name,email,title\n${MARKER} 张伟,${EMAIL},CTO`],
    ] as const) {
      const imp = await api.uploaded(await tempFile(name, file));
      await api.configure(imp.id, { dedup: { match: 'email', action: 'update' } });
      await api.start(imp.id);
      expect(await api.run(imp.id)).toBe('done');
    }
    const before = await scan(MARKER);
    expect(before).toEqual(expect.arrayContaining(['contacts', 'import_records', 'outbox']));

    const post = (url: string, payload?: object) => t.request(t.admin, { method: 'POST', url, ...(payload ? { payload } : {}) });
    const request = (await post('/api/v1/privacy/requests', { kind: 'erasure', subjectEmail: EMAIL })).json();
    await post(`/api/v1/privacy/requests/${request.id}/verify`);
    const erased = await post(`/api/v1/privacy/requests/${request.id}/erase`, { confirm: true });
    expect(erased.statusCode, erased.body).toBe(200);
    expect(await scan(MARKER)).toEqual([]);
    expect(await scan(EMAIL)).toEqual([]);
    // The history still says the import changed the name and the title, without the values.
    const contacts = (
      await t.request(t.admin, { method: 'GET', url: `/api/v1/contacts?filter=${encodeURIComponent(JSON.stringify({ title: { eq: 'CTO' } }))}` })
    ).json();
    const contactId = contacts.data[0]?.id as string;
    const history = (await t.request(t.admin, { method: 'GET', url: `/api/v1/audit-log/contact/${contactId}` })).json().data as {
      action: string;
      importId: string | null;
      changes: Record<string, unknown>;
    }[];
    const imported = history.filter((h) => h.importId);
    expect(imported.map((h) => h.action)).toEqual(['updated', 'created']);
    expect(imported[0]?.changes).toMatchObject({ name: { from: '[erased]', to: '[erased]' }, title: { from: null, to: 'CTO' } });
  });
});
