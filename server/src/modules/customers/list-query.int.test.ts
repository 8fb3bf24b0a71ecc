import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { enterTenant } from '#db/tx.ts';
import { searchCondition } from '#platform/records/search.ts';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { databaseAvailable } from '../../../test/db.ts';

class Rollback extends Error {}

type Contact = { id: string; name: string; title: string | null; custom: Record<string, unknown> };

describe.skipIf(!databaseAvailable)('lists: search, filter grammar, custom fields, keyset pagination', () => {
  let t: TestApp;
  const all: Contact[] = [];
  const get = async (query: string) => {
    const res = await t.request(t.admin, { method: 'GET', url: `/api/v1/contacts?${query}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { data: Contact[]; nextCursor: string | null };
  };

  beforeAll(async () => {
    t = await createTestApp();
    await t.defineCustomField(t.admin, { object: 'contact', key: 'budget', label: { zh: '预算', en: 'Budget' }, type: 'decimal' });
    await t.defineCustomField(t.admin, {
      object: 'contact',
      key: 'level',
      label: { zh: '级别', en: 'Level' },
      type: 'select',
      required: true,
      defaultValue: 'normal',
      options: [
        { value: 'vip', label: { zh: '贵宾', en: 'VIP' } },
        { value: 'normal', label: { zh: '普通', en: 'Normal' } },
      ],
    });
    const people = ['张伟', '张敏', '王伟', 'John Smith', 'Joan Smithers', 'Maria Garcia'];
    for (let i = 0; i < 24; i++) {
      const res = await t.request(t.admin, {
        method: 'POST',
        url: '/api/v1/contacts',
        payload: {
          name: people[i % people.length] ?? 'x',
          title: i % 3 === 0 ? null : `T${i % 4}`,
          phones: [{ number: `1381234${String(1000 + i)}` }],
          custom: { budget: String(i * 100), ...(i % 5 === 0 ? { level: 'vip' } : {}) },
        },
      });
      expect(res.statusCode, res.body).toBe(201);
      all.push(res.json());
    }
  });
  afterAll(() => t?.close());

  it('applies custom field defaults and validates custom values', async () => {
    expect(all[1]?.custom).toEqual({ budget: '100', level: 'normal' });
    const bad = await t.request(t.admin, {
      method: 'POST',
      url: '/api/v1/contacts',
      payload: { name: 'x', custom: { level: 'gold', budget: 'lots', color: 'red' } },
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['custom.budget', 'custom.color', 'custom.level']);
  });

  it('filters and sorts on custom fields like built-in ones', async () => {
    const vip = await get(`filter=${encodeURIComponent(JSON.stringify({ 'custom.level': { eq: 'vip' } }))}&limit=100`);
    expect(vip.data).toHaveLength(5);
    const rich = await get(
      `filter=${encodeURIComponent(JSON.stringify({ and: [{ 'custom.budget': { gte: 1000 } }, { 'custom.budget': { lt: 1500 } }] }))}&sort=-custom.budget`,
    );
    expect(rich.data.map((c) => c.custom.budget)).toEqual(['1400', '1300', '1200', '1100', '1000']);
    const or = await get(`filter=${encodeURIComponent(JSON.stringify({ or: [{ name: { startsWith: '张' } }, { title: { isEmpty: true } }] }))}&limit=100`);
    expect(or.data.every((c) => c.name.startsWith('张') || c.title === null)).toBe(true);
    expect(or.data.length).toBe(all.filter((c) => c.name.startsWith('张') || c.title === null).length);
  });

  it('search finds Chinese by part of the name, English by a typo, phones by last digits', async () => {
    expect((await get(`q=${encodeURIComponent('张')}&limit=100`)).data.every((c) => c.name.startsWith('张'))).toBe(true);
    expect((await get(`q=${encodeURIComponent('张伟')}&limit=100`)).data[0]?.name).toBe('张伟');
    const fuzzy = await get(`q=${encodeURIComponent('jon smith')}&limit=100`);
    expect(fuzzy.data[0]?.name).toBe('John Smith');
    const phone = await get('q=1017');
    expect(phone.data[0]?.id).toBe(all[17]?.id);
  });

  it('a two-character word is looked up in the bigram index, under row-level security too', async () => {
    const { where } = searchCondition('张伟');
    // 5,000 more contacts (rolled back) so the tenant's rows outweigh one rare bigram, planned as
    // the app runs (kehu_app, RLS on): usable only while `@>` and search_bigrams are LEAKPROOF.
    const plan = await t.db.kysely
      .transaction()
      .execute(async (tx) => {
        await sql`insert into contacts (tenant_id, id, name, search_text)
          select ${t.admin.tenantId}, gen_random_uuid(), 'p' || i, 'person ' || i from generate_series(1, 5000) i`.execute(tx);
        await sql`analyze contacts`.execute(tx);
        await enterTenant(tx, t.admin.tenantId);
        const { rows } = await sql<{ 'QUERY PLAN': string }>`explain select id from contacts where ${where}`.execute(tx);
        throw new Rollback(rows.map((r) => r['QUERY PLAN']).join('\n'));
      })
      .catch((e: unknown) => (e instanceof Rollback ? e.message : Promise.reject(e)));
    expect(plan).toContain('contacts_search_bigrams');
  });

  it('search: 1-2 characters keep the list order and page by cursor; every word of a multi-word query must match', async () => {
    const will = await t.request(t.admin, { method: 'POST', url: '/api/v1/contacts', payload: { name: 'Will Smith', title: 'T1' } });
    expect(will.statusCode, will.body).toBe(201);
    all.push(will.json());
    // 张 is unranked: the default sort (newest first), every 张 and nothing else, page after page.
    const zhang = all.filter((c) => c.name.startsWith('张')).reverse();
    expect((await get(`q=${encodeURIComponent('张')}&limit=100`)).data.map((c) => c.id)).toEqual(zhang.map((c) => c.id));
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { data: Contact[]; nextCursor: string | null } = await get(`q=${encodeURIComponent('张')}&limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      paged.push(...page.data.map((c) => c.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(paged).toEqual(zhang.map((c) => c.id));
    expect((await get('q=smith&limit=100')).data.map((c) => c.name)).toContain('Will Smith');
    // Will Smith is similar enough to "jon smith" as a whole, but has no jon-like word.
    const names = (await get(`q=${encodeURIComponent('jon smith')}&limit=100`)).data.map((c) => c.name);
    expect(names[0]).toBe('John Smith');
    expect(new Set(names)).toEqual(new Set(['John Smith', 'Joan Smithers']));
    expect((await get(`q=${encodeURIComponent('smith jon')}&limit=100`)).data[0]?.name).toBe('John Smith');
  });

  it('keyset pagination returns every row exactly once, in order, for any sort', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('title', '-title', 'name,-createdAt', '-custom.budget', 'custom.level,name'),
        fc.integer({ min: 1, max: 9 }),
        async (sort, limit) => {
          const full = (await get(`sort=${sort}&limit=500`)).data.map((c) => c.id);
          const seen: string[] = [];
          let cursor: string | null = null;
          do {
            const page: { data: Contact[]; nextCursor: string | null } = await get(`sort=${sort}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
            seen.push(...page.data.map((c) => c.id));
            cursor = page.nextCursor;
          } while (cursor);
          expect(seen).toEqual(full);
          expect(new Set(seen).size).toBe(all.length);
        },
      ),
      { numRuns: 8 },
    );
  });

  it('returns only the requested fields', async () => {
    const page = await get('fields=name&limit=1');
    expect(Object.keys(page.data[0] ?? {}).sort()).toEqual(['id', 'name', 'version']);
  });
});
