import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '#test/app.ts';
import { databaseAvailable, testEngine } from '#test/db.ts';
import { importsClient, tempFile } from './imports.test-kit.ts';

// 1,200 rows: 900 people, 300 of them twice (e-mails in other cases); 150 companies named in both cases.
const ROWS = 1200;
const csv = () => {
  const lines = ['姓名,电子邮件,公司名称'];
  for (let i = 0; i < ROWS; i++) {
    const person = i % 900;
    const email = i < 900 ? `p${person}@example.cn` : `P${person}@Example.CN`;
    const company = `公司${person % 150}`;
    lines.push(`客户${person},${email},${i % 3 ? company : company.toUpperCase()}`);
  }
  return `${lines.join('\n')}\n`;
};

// PGlite serves one connection at a time; the race needs a server.
describe.skipIf(!databaseAvailable || testEngine !== 'postgres')('imports under concurrency (PostgreSQL)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t?.close());

  const count = async (query: string) => Number((await sql.raw<{ n: string }>(query).execute(t.db.kysely)).rows[0]?.n);

  it('three imports of the same file at the same time make each person and company once', async () => {
    const api = importsClient(t, t.admin);
    const file = await tempFile('客户.csv', csv());
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const imp = await api.uploaded(file);
      await api.configure(imp.id, { dedup: { match: 'email', action: 'skip' } });
      await api.start(imp.id);
      ids.push(imp.id);
    }
    await Promise.all(ids.map((id) => api.run(id)));
    for (const id of ids) expect((await api.get(id)).status).toBe('done');
    expect(await count('select count(*) as n from contacts where deleted_at is null')).toBe(900);
    expect(
      await count(
        'select count(distinct lower(e.address)) as n from contacts c cross join jsonb_to_recordset(c.emails) as e(address text) where c.deleted_at is null',
      ),
    ).toBe(900);
    expect(await count('select count(*) as n from companies where deleted_at is null')).toBe(150);
    const progress = await Promise.all(ids.map(async (id) => (await api.get(id)).progress));
    expect(progress.reduce((n, p) => n + p.created, 0)).toBe(900);
    expect(progress.reduce((n, p) => n + p.skipped, 0)).toBe(3 * ROWS - 900);
  });
});
