import { createHmac } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTenant } from '#db/tx.ts';
import { deriveKey, legacyMasterOf } from '#platform/crypto/keys.ts';
import { createTestApp, type TestApp } from '#test/app.ts';
import { databaseAvailable } from '#test/db.ts';
import { dedupClient } from './dedup.test-kit.ts';
import { rekeyIdentifierHashes } from './rekey.service.ts';

const ID_NUMBER = '11010519491231002X';
const hmac = (key: Buffer, tenantId: string, value: string) => createHmac('sha256', key).update(`${tenantId}:${value}`).digest('base64url').slice(0, 22);

describe.skipIf(!databaseAvailable)('dedup: identifier hashes keyed with their own sub-key', () => {
  let t: TestApp;
  let api: ReturnType<typeof dedupClient>;
  const keys = (object: string) =>
    inTenant(
      t.db.kysely,
      t.admin.tenantId,
      async (tx) =>
        (
          await sql<{
            key: string;
            record_id: string;
          }>`select key, record_id from dedup_keys where object = ${object} and (key like 'i:%' or key like 'h:%') order by key, record_id`.execute(tx)
        ).rows,
    );
  beforeAll(async () => {
    t = await createTestApp();
    api = dedupClient(t, t.admin);
  });
  afterAll(async () => t?.close());

  it("hashes ID numbers with the 'dedup-identifier' HKDF sub-key, not the master key", async () => {
    const a = await api.contact({ name: '王建国', idNumber: ID_NUMBER });
    await api.deliver();
    const sub = deriveKey(t.deps.masterKey, 'dedup-identifier');
    expect(await keys('contact')).toEqual([{ key: `h:${hmac(sub, t.admin.tenantId, ID_NUMBER)}`, record_id: a.id }]);
    expect(hmac(sub, t.admin.tenantId, ID_NUMBER)).not.toBe(hmac(t.deps.masterKey, t.admin.tenantId, ID_NUMBER));
  });

  it('rebuilds keys made with the master key, so old and new records block together again', async () => {
    const tenantId = t.admin.tenantId;
    const [old] = await keys('contact');
    const v1 = legacyMasterOf(t.deps.masterKey) as Buffer; // SHA-256 of the secret, before the KDF
    const company = await api.company({ name: '北京建国科技有限公司', taxId: '91110108MA01ABCD2X' });
    // A record written since is keyed with the sub-key.
    const twin = await api.contact({ name: '王建國', idNumber: ID_NUMBER });
    await api.deliver();
    // The older records as an older version left them: their identifier keys made with the master key.
    await inTenant(t.db.kysely, tenantId, async (tx) => {
      await sql`delete from dedup_keys where key like 'h:%' and record_id in (${old?.record_id}, ${company.id})`.execute(tx);
      await sql`insert into dedup_keys (tenant_id, object, key, record_id) values
        (${tenantId}, 'contact', ${`i:${hmac(v1, tenantId, ID_NUMBER)}`}, ${old?.record_id}),
        (${tenantId}, 'company', ${`i:${hmac(v1, tenantId, '91110108MA01ABCD2X')}`}, ${company.id})`.execute(tx);
    });
    // Before the rebuild the two never meet in a block.
    expect((await keys('contact')).map((k) => k.key[0])).toEqual(['h', 'i']);

    expect(await rekeyIdentifierHashes({ deps: t.deps, batch: 1 })).toBe(2);
    const sub = deriveKey(t.deps.masterKey, 'dedup-identifier');
    const contactKey = `h:${hmac(sub, tenantId, ID_NUMBER)}`;
    expect(await keys('contact')).toEqual([old?.record_id, twin.id].sort().map((record_id) => ({ key: contactKey, record_id })));
    expect(await keys('company')).toEqual([{ key: `h:${hmac(sub, tenantId, '91110108MA01ABCD2X')}`, record_id: company.id }]);
    // Idempotent: nothing left to rebuild.
    expect(await rekeyIdentifierHashes({ deps: t.deps })).toBe(0);
    expect(await keys('contact')).toHaveLength(2);
  });

  it('drops the old keys of a record deleted since', async () => {
    const tenantId = t.admin.tenantId;
    const gone = await api.contact({ name: '李四', idNumber: '110105199001011234' });
    await api.deliver();
    await inTenant(t.db.kysely, tenantId, async (tx) => {
      await sql`update dedup_keys set key = 'i:stale' where record_id = ${gone.id} and key like 'h:%'`.execute(tx);
      await sql`update contacts set deleted_at = now() where id = ${gone.id}`.execute(tx);
    });
    expect(await rekeyIdentifierHashes({ deps: t.deps })).toBe(1);
    expect((await keys('contact')).filter((k) => k.record_id === gone.id)).toEqual([]);
  });
});
