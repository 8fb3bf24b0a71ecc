import { createHash, createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTenant } from '#db/tx.ts';
import { deriveKey } from '#platform/crypto/keys.ts';
import { createTestApp, type TestApp, TEST_SECRET } from '#test/app.ts';
import { databaseAvailable } from '#test/db.ts';
import { insertSuppressions } from './suppression.repo.ts';
import { suppressedOf, suppressionHash } from './suppression.service.ts';

describe.skipIf(!databaseAvailable)('suppression list entries from before the master key KDF', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t?.close());

  it('still finds an address listed under the version-1 master key (hashes cannot be rebuilt), and new entries use the current key', async () => {
    const tenantId = t.admin.tenantId;
    const v1 = createHash('sha256').update(`kehu-master:${TEST_SECRET}`).digest();
    const old = createHmac('sha256', deriveKey(v1, 'privacy-suppression')).update(`${tenantId}\u0000email\u0000erased@example.cn`).digest('base64url');
    const current = suppressionHash({ masterKey: t.deps.masterKey, tenantId, kind: 'phone', value: '+86 138 0013 8000' }) as string;
    expect(current).not.toBe(
      createHmac('sha256', deriveKey(v1, 'privacy-suppression')).update(`${tenantId}\u0000phone\u0000+8613800138000`).digest('base64url'),
    );
    await inTenant(t.db.kysely, tenantId, async (tx) => {
      await insertSuppressions(tx, tenantId, [
        { kind: 'email', hash: old, reason: 'erasure', requestId: null },
        { kind: 'phone', hash: current, reason: 'objection', requestId: null },
      ]);
      const found = await suppressedOf({
        tx,
        deps: t.deps,
        tenantId,
        emails: ['Erased@Example.cn', 'kept@example.cn'],
        phones: ['13800138000', '13900139000'],
      });
      expect(found).toEqual(['Erased@Example.cn', '13800138000']);
    });
  });
});
