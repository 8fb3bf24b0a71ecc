import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTenant } from '#db/tx.ts';
import { createTestApp, type TestApp } from '#test/app.ts';
import { databaseAvailable } from '#test/db.ts';
import { findRecord, type Row, updateRecord, updateRecords } from './records.repo.ts';

describe.skipIf(!databaseAvailable)('updateRecords: many optimistic updates in one statement', () => {
  let t: TestApp;
  const ids: string[] = [];
  beforeAll(async () => {
    t = await createTestApp();
    for (const name of ['甲', '乙', '丙', '丁']) {
      const res = await t.request(t.admin, { method: 'POST', url: '/api/v1/contacts', payload: { name } });
      expect(res.statusCode, res.body).toBe(201);
      ids.push(res.json().id);
    }
  });
  afterAll(() => t?.close());

  it('writes what updateRecord writes, for every column type, and skips a stale version', async () => {
    const touched = new Date('2026-05-17T09:30:00.123+08:00');
    const values = (name: string) => ({
      name,
      title: null,
      tags: ['vip', 'a "quoted", {braced} tag'],
      emails: JSON.stringify([{ address: `${name}@example.cn`, label: 'work' }]),
      custom: JSON.stringify({ note: "it's 'fine'", n: 3 }),
      birthday: '1990-05-17',
      last_activity_at: touched,
    });
    const [one, two, three, four] = ids as [string, string, string, string];
    const { batched, single, stale } = await inTenant(t.db.kysely, t.admin.tenantId, async (tx) => {
      const rows = await Promise.all(ids.map((id) => findRecord(tx, 'contacts', id) as Promise<Row>));
      const batched = await updateRecords(tx, 'contacts', [
        { id: one, expectedVersion: rows[0]?.version as number, values: values('one') },
        { id: two, expectedVersion: rows[1]?.version as number, values: values('two') },
        { id: three, expectedVersion: (rows[2]?.version as number) + 5, values: values('three') },
        { id: four, expectedVersion: rows[3]?.version as number, values: { title: '另一组列' } },
      ]);
      const single = await updateRecord(tx, 'contacts', four, values('one'), (batched[3]?.version as number) ?? 0);
      return { batched, single, stale: await findRecord(tx, 'contacts', three) };
    });
    // The columns both wrote (the name and email differ by design), as each read them back.
    const comparable = (r: Row | undefined) => r && [r.title, r.tags, r.custom, r.birthday, r.last_activity_at, r.name === 'one'];
    expect(batched.map((r) => r?.id)).toEqual([one, two, undefined, four]);
    expect(comparable(batched[0])).toEqual(comparable(single));
    expect(batched[0]).toMatchObject({ name: 'one', title: null, tags: ['vip', 'a "quoted", {braced} tag'], custom: { note: "it's 'fine'", n: 3 } });
    expect(batched[0]?.last_activity_at).toEqual(touched);
    expect(batched.map((r) => r?.version)).toEqual([2, 2, undefined, 2]);
    expect(batched[0]?.emails).toEqual([{ address: 'one@example.cn', label: 'work' }]);
    expect(batched[3]).toMatchObject({ name: '丁', title: '另一组列' });
    expect(stale).toMatchObject({ name: '丙' });
  });
});
