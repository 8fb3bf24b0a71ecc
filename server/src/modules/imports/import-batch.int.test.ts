import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTenant } from '#db/tx.ts';
import { createTestApp, type TestApp, type TestUser } from '#test/app.ts';
import { databaseAvailable } from '#test/db.ts';
import { importsClient, tempFile } from './imports.test-kit.ts';

// A messy file: shared new companies (one spelled in two cases), a row updating an existing
// contact, bad phone and email, a missing name, an email repeated within the file, a link to an
// existing company, a select custom field given by its label and one given a value it does not
// have (refused by the record service, not the row's schema: its new company must not be created).
// A batch size of 1 takes the row-by-row path; 500 the set-based one.
const FILE = [
  'name,email,phone,company,title,level',
  '张伟,zhang@example.cn,13800138000,华为,经理,A级',
  '李娜,li@example.cn,13900139000,华为,,',
  'Keeper,KEEPER@example.com,,已有公司,Changed,',
  '王芳,wang@example.cn,12345,孤儿公司,,',
  '赵六,not-an-email,,,,',
  ',nobody@example.cn,,,,',
  '张伟,zhang@example.cn,,华为,总监,',
  '陈静,chen@example.cn,,已有公司,,',
  'Amy,amy@acme.test,,Acme Ltd,,',
  'Bob,bob@acme.test,+1 415 555 0100,ACME LTD,CTO,',
  'Mover,mover@example.com,,新公司,Moved,',
  '坏人,bad@example.cn,,坏公司,,Z级',
].join('\n');

type Snapshot = Awaited<ReturnType<typeof snapshot>>;

async function snapshot(t: TestApp, user: TestUser, importId: string) {
  const api = importsClient(t, user);
  const imp = await api.get(importId);
  const errors = (await api.errorsCsv(importId)).split('\n').slice(1).sort();
  // Read after the requests: PGlite has one connection, which this transaction holds.
  return inTenant(t.db.kysely, user.tenantId, async (tx) => {
    const contacts = await sql<{
      name: string;
      title: string | null;
      emails: unknown;
      custom: Record<string, unknown>;
      company: string | null;
      search_text: string;
      version: number;
      deleted: boolean;
    }>`
      select c.name, c.title, c.emails, c.custom, co.name as company, c.search_text, c.version, c.deleted_at is not null as deleted
      from contacts c left join companies co on co.id = c.company_id order by c.name, c.title`.execute(tx);
    const companies = await sql<{ name: string; source: string | null; deleted: boolean }>`
      select name, source, deleted_at is not null as deleted from companies order by name`.execute(tx);
    const audit = await sql<{ action: string; object_type: string; n: number }>`
      select action, object_type, count(*)::int as n from audit_log where object_type in ('contact', 'company') group by 1, 2 order by 1, 2`.execute(tx);
    const events = await sql<{
      type: string;
      n: number;
    }>`select type, count(*)::int as n from outbox where object_type in ('contact', 'company') group by 1 order by 1`.execute(tx);
    const journal = await sql<{ object: string; action: string; row_number: number }>`
      select object, action, row_number from import_records where import_id = ${importId} order by row_number, object, action`.execute(tx);
    const { rowsPerSecond: _r, etaSeconds: _e, ...progress } = imp.progress;
    return {
      progress,
      errors,
      contacts: contacts.rows,
      companies: companies.rows,
      audit: audit.rows,
      events: events.rows,
      journal: journal.rows,
    };
  });
}

describe.skipIf(!databaseAvailable)('imports: the set-based batch writes what row-by-row writes', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t?.close());

  async function importAs(user: TestUser, batchSize: number, dedup: object): Promise<{ id: string; result: Snapshot }> {
    await t.defineCustomField(user, {
      object: 'contact',
      key: 'level',
      label: { zh: '等级', en: 'Level' },
      type: 'select',
      options: [
        { value: 'a', label: { zh: 'A级', en: 'Grade A' } },
        { value: 'b', label: { zh: 'B级', en: 'Grade B' } },
      ],
    });
    await t.request(user, { method: 'POST', url: '/api/v1/companies', payload: { name: '已有公司' } });
    await t.request(user, { method: 'POST', url: '/api/v1/contacts', payload: { name: 'Mover', emails: [{ address: 'mover@example.com' }] } });
    await t.request(user, {
      method: 'POST',
      url: '/api/v1/contacts',
      payload: { name: 'Keeper', title: 'Original', emails: [{ address: 'keeper@example.com' }] },
    });
    const api = importsClient(t, user);
    const imp = await api.uploaded(await tempFile('messy.csv', FILE));
    await api.configure(imp.id, { dedup, options: { batchSize } });
    await api.start(imp.id);
    expect(await api.run(imp.id)).toBe('done');
    return { id: imp.id, result: await snapshot(t, user, imp.id) };
  }

  /** The file imported row by row in one tenant and set-based in another; both must write the same. */
  async function bothWays(slug: string, dedup: object) {
    const rowByRow = await importAs(await t.createTenant(`rows-${slug}`), 1, dedup);
    const user = await t.createTenant(`sets-${slug}`);
    const setBased = await importAs(user, 500, dedup);
    expect(setBased.result).toEqual(rowByRow.result);
    return { user, ...setBased };
  }

  it('updates on email: same records, companies, errors, audit, events and journal; rollback restores both', async () => {
    const setBased = await bothWays('update', { match: 'email', action: 'update' });
    const setUser = setBased.user;
    expect(setBased.result.progress).toMatchObject({ processed: 12, created: 5, updated: 3, skipped: 0, failed: 4 });
    // One 华为 for both rows, one Acme for both spellings, no company for the row that failed, a new one for the moved contact.
    expect(setBased.result.companies.map((c) => c.name).sort()).toEqual(['Acme Ltd', '华为', '已有公司', '新公司'].sort());
    expect(setBased.result.contacts.find((c) => c.name === 'Mover')).toMatchObject({ title: 'Moved', company: '新公司' });
    expect(setBased.result.contacts.find((c) => c.title === '总监')?.search_text).toContain('华为');
    expect(setBased.result.errors.join('\n')).toMatch(/12345|phone/);
    expect(setBased.result.errors.join('\n')).toMatch(/Z级/);
    expect(setBased.result.contacts.find((c) => c.title === '经理' || c.title === '总监')?.custom).toEqual({ level: 'a' });

    const api = importsClient(t, setUser);
    await api.rollback(setBased.id);
    expect(await api.runRollback(setBased.id)).toBe('done');
    const after = await snapshot(t, setUser, setBased.id);
    expect(after.contacts.filter((c) => !c.deleted).map((c) => [c.name, c.title, c.company])).toEqual([
      ['Keeper', 'Original', null],
      ['Mover', null, null],
    ]);
    expect(after.companies.filter((c) => !c.deleted).map((c) => c.name)).toEqual(['已有公司']);
  });

  it('skips on name + company, and links new companies, the same both ways', async () => {
    const setBased = await bothWays('skip', { match: 'nameCompany', action: 'skip' });
    // 张伟 of 华为 appears twice: the second is skipped, whichever path wrote the first.
    expect(setBased.result.progress).toMatchObject({ created: 7, skipped: 1, failed: 4 });
  });

  it('skips on email, and a skipped row creates no company, the same both ways', async () => {
    const setBased = await bothWays('skip-email', { match: 'email', action: 'skip' });
    expect(setBased.result.progress).toMatchObject({ created: 5, skipped: 3, failed: 4 });
    expect(setBased.result.companies.map((c) => c.name)).not.toContain('新公司');
  });

  it('creates anyway when told to, without looking for matches', async () => {
    const setBased = await bothWays('create', { match: 'email', action: 'create' });
    expect(setBased.result.progress).toMatchObject({ created: 8, failed: 4 });
  });
});
