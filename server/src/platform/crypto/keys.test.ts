import { createCipheriv, createHash, hkdfSync, randomBytes, scryptSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fieldCipher, masterKeyFrom, newSealedDataKey, rewrapDataKey } from './field-crypto.ts';
import { deriveKey, legacyMasterOf, MASTER_KDF, readingKeys } from './keys.ts';

const master = masterKeyFrom('test-secret-test-secret');
/** The master key before the KDF (version 1): SHA-256 of the secret. */
const v1 = createHash('sha256').update('kehu-master:test-secret-test-secret').digest();

/** A data key sealed the way tenants got them before HKDF: AES-256-GCM under the master key itself. */
function legacySealed(dataKey: Buffer): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', v1, iv);
  const body = Buffer.concat([cipher.update(dataKey.toString('base64'), 'utf8'), cipher.final()]);
  return ['v1', iv.toString('base64'), cipher.getAuthTag().toString('base64'), body.toString('base64')].join(':');
}

describe('per-purpose keys (HKDF)', () => {
  it('derives one 32-byte key per purpose with HKDF-SHA256, none equal to the master key or to another', () => {
    const keys = (['data-key-wrap', 'lead-optin', 'dedup-identifier', 'privacy-suppression'] as const).map((p) => deriveKey(master, p));
    expect(new Set(keys.map((k) => k.toString('hex'))).size).toBe(4);
    for (const k of keys) expect(k.equals(master)).toBe(false);
    expect(deriveKey(master, 'lead-optin').equals(Buffer.from(hkdfSync('sha256', master, 'kehu-hkdf-v1', 'kehu:lead-optin', 32)))).toBe(true);
    expect(deriveKey(masterKeyFrom('another secret'), 'lead-optin').equals(deriveKey(master, 'lead-optin'))).toBe(false);
  });

  it('wraps new tenant data keys with the wrapping sub-key, which the master key alone does not open', () => {
    const sealed = newSealedDataKey(master);
    expect(sealed.startsWith('k3:v1:')).toBe(true);
    const cipher = fieldCipher(master, sealed);
    expect(cipher.decrypt(cipher.encrypt('110101199003071234'))).toBe('110101199003071234');
    expect(() => fieldCipher(master, sealed.slice('k3:'.length))).toThrow();
    expect(rewrapDataKey(master, sealed)).toBeNull();
  });

  it('opens a data key sealed before by the master key, and wraps it again without changing it (stored values stay readable)', () => {
    const legacy = legacySealed(randomBytes(32));
    const before = fieldCipher(master, legacy);
    const stored = before.encrypt('6222 0202 0000 1234');
    const rewrapped = rewrapDataKey(master, legacy) as string;
    expect(rewrapped.startsWith('k3:')).toBe(true);
    expect(fieldCipher(master, rewrapped).decrypt(stored)).toBe('6222 0202 0000 1234');
  });

  it('derives the master key with scrypt (memory-hard: the secret may be a passphrase), once per process', () => {
    const { salt, N, r, p, maxmem } = MASTER_KDF;
    expect(N * r * 128).toBeGreaterThanOrEqual(32 * 1024 * 1024);
    expect(master.equals(scryptSync('test-secret-test-secret', salt, 32, { N, r, p, maxmem }))).toBe(true);
    expect(master.equals(v1)).toBe(false);
    expect(masterKeyFrom('test-secret-test-secret')).toBe(master);
    expect(legacyMasterOf(master)?.equals(v1)).toBe(true);
    expect(readingKeys(master, 'lead-optin').map((k) => k.toString('hex'))).toEqual(
      [deriveKey(master, 'lead-optin'), deriveKey(v1, 'lead-optin')].map((k) => k.toString('hex')),
    );
  });

  it('opens a data key wrapped under the master key of before the KDF (k2:) and wraps it again under the new one (k3:)', () => {
    const iv = randomBytes(12);
    const dataKey = randomBytes(32);
    const cipher = createCipheriv('aes-256-gcm', deriveKey(v1, 'data-key-wrap'), iv);
    const body = Buffer.concat([cipher.update(dataKey.toString('base64'), 'utf8'), cipher.final()]);
    const k2 = `k2:${['v1', iv.toString('base64'), cipher.getAuthTag().toString('base64'), body.toString('base64')].join(':')}`;
    const stored = fieldCipher(master, k2).encrypt('110101199003071234');
    const k3 = rewrapDataKey(master, k2) as string;
    expect(k3.startsWith('k3:')).toBe(true);
    expect(fieldCipher(master, k3).decrypt(stored)).toBe('110101199003071234');
    expect(rewrapDataKey(master, k3)).toBeNull();
    expect(() => fieldCipher(masterKeyFrom('another secret'), k2)).toThrow();
  });
});
