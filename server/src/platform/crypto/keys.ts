import { createHash, hkdfSync, scryptSync } from 'node:crypto';

/** What a derived key is for: one key per purpose, so no key both wraps data keys and signs tokens. */
export type KeyPurpose = 'data-key-wrap' | 'lead-optin' | 'dedup-identifier' | 'privacy-suppression';

/**
 * The master key from the configured secret, which may be a passphrase (KEHU_SECRET is typed by
 * an operator): scrypt, memory-hard (32 MiB, ~0.1 s once per process), so a stolen database or
 * backup does not let a guesser test millions of passphrases a second against the keyed hashes
 * or wrapped keys in it. Version 2; version 1 was SHA-256 of the secret and is kept only to read
 * what it made (legacyMasterOf). The salt is fixed: every instance must derive the same key from
 * the secret alone, before it reaches the database.
 */
export const MASTER_KDF = { version: 2, salt: 'kehu-master-v2', N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 } as const;

const masters = new Map<string, Buffer>();
const legacies = new WeakMap<Buffer, Buffer>();

/** The master key of version 1 (before #22's KDF): SHA-256 of the secret. Reading old data only. */
const legacyMasterKeyFrom = (secret: string): Buffer => createHash('sha256').update(`kehu-master:${secret}`).digest();

/** The 32-byte master key (version 2, scrypt) of the secret; derived once per process and secret. */
export function masterKeyFrom(secret: string): Buffer {
  const legacy = legacyMasterKeyFrom(secret);
  const id = legacy.toString('hex');
  let master = masters.get(id);
  if (!master) {
    const { salt, N, r, p, maxmem } = MASTER_KDF;
    master = scryptSync(secret, salt, 32, { N, r, p, maxmem });
    masters.set(id, master);
    legacies.set(master, legacy);
  }
  return master;
}

/** The version-1 key of the same secret, for values made before the KDF; null for a key not made by masterKeyFrom. */
export const legacyMasterOf = (master: Buffer): Buffer | null => legacies.get(master) ?? null;

const SALT = 'kehu-hkdf-v1';
const derived = new WeakMap<Buffer, Map<KeyPurpose, Buffer>>();

/**
 * A 32-byte sub-key of the master key for one purpose (HKDF-SHA256, RFC 5869, `info` names the
 * purpose). The master key itself is only the input: it never encrypts or signs anything new.
 */
export function deriveKey(master: Buffer, purpose: KeyPurpose): Buffer {
  const keys = derived.get(master) ?? new Map<KeyPurpose, Buffer>();
  derived.set(master, keys);
  const key = keys.get(purpose) ?? Buffer.from(hkdfSync('sha256', master, SALT, `kehu:${purpose}`, 32));
  keys.set(purpose, key);
  return key;
}

/**
 * Every key a stored value of this purpose may have been made with, newest first: the sub-key of
 * the master key, then the sub-key of the version-1 master key. Only to verify or look up values
 * made before; new values use deriveKey.
 */
export function readingKeys(master: Buffer, purpose: KeyPurpose): Buffer[] {
  const legacy = legacyMasterOf(master);
  return legacy ? [deriveKey(master, purpose), deriveKey(legacy, purpose)] : [deriveKey(master, purpose)];
}
