import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, reopenTestApp, type TestApp, TEST_SECRET } from '#test/app.ts';
import { databaseAvailable } from '#test/db.ts';
import { rewrapDataKeys } from './ciphers.ts';
import { masterKeyFrom } from './field-crypto.ts';
import { deriveKey } from './keys.ts';

const master = masterKeyFrom(TEST_SECRET);

/** The data key a `k3:` value wraps (AES-256-GCM under the wrapping sub-key). */
function wrappedKeyInClear(sealed: string): Buffer {
  const [, iv, tag, body] = sealed.slice('k3:'.length).split(':') as [string, string, string, string];
  const decipher = createDecipheriv('aes-256-gcm', deriveKey(master, 'data-key-wrap'), Buffer.from(iv, 'base64'));
  decipher.setAuthTag(Buffer.from(tag, 'base64'));
  return Buffer.from(Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8'), 'base64');
}

/** The tenant's data key sealed as before HKDF: AES-256-GCM under the (version-1, SHA-256) master key itself. */
function legacySealed(dataKey: Buffer): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', createHash('sha256').update(`kehu-master:${TEST_SECRET}`).digest(), iv);
  const body = Buffer.concat([cipher.update(dataKey.toString('base64'), 'utf8'), cipher.final()]);
  return ['v1', iv.toString('base64'), cipher.getAuthTag().toString('base64'), body.toString('base64')].join(':');
}

/**
 * A database from before HKDF (tenant data keys sealed by the master key) keeps working: its
 * encrypted fields read back, and the start's rewrap wraps each key with the wrapping sub-key
 * without changing the key, so every stored value stays readable.
 */
describe.skipIf(!databaseAvailable)('tenant data keys from before HKDF', () => {
  let t: TestApp;
  let contactId: string;

  beforeAll(async () => {
    t = await createTestApp();
    const created = await t.request(t.admin, { method: 'POST', url: '/api/v1/contacts', payload: { name: '王芳', idNumber: '110101199003071234' } });
    expect(created.statusCode, created.body).toBe(201);
    contactId = created.json().id;
    // Turn the tenant into one made before HKDF: the same data key, sealed by the master key itself.
    const { rows } = await sql<{ data_key: string }>`select data_key from tenants where id = ${t.admin.tenantId}`.execute(t.db.kysely);
    const key = wrappedKeyInClear(rows[0]?.data_key as string);
    await sql`update tenants set data_key = ${legacySealed(key)} where id = ${t.admin.tenantId}`.execute(t.db.kysely);
  });
  afterAll(() => t?.close());

  it('reads the encrypted ID number through the old key, rewraps it once at start, and reads it after', async () => {
    const read = async () => {
      const app = await reopenTestApp(t); // a fresh process: nothing cached from before
      try {
        return (await app.app.inject({ method: 'GET', url: `/api/v1/contacts/${contactId}`, headers: { authorization: `Bearer ${t.admin.token}` } })).json()
          .idNumber;
      } finally {
        await app.app.close();
      }
    };
    expect(await read()).toBe('110101199003071234');
    expect(await rewrapDataKeys(t.db.kysely, master)).toBe(1);
    expect(await rewrapDataKeys(t.db.kysely, master)).toBe(0);
    const { rows } = await sql<{ data_key: string }>`select data_key from tenants where id = ${t.admin.tenantId}`.execute(t.db.kysely);
    expect(rows[0]?.data_key.startsWith('k3:')).toBe(true);
    expect(await read()).toBe('110101199003071234');
  });
});
