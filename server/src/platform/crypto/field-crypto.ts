import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { deriveKey, legacyMasterOf } from './keys.ts';

export { masterKeyFrom } from './keys.ts';

const ALGORITHM = 'aes-256-gcm';

function seal(key: Buffer, plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv(ALGORITHM, key, iv);
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return ['v1', iv.toString('base64'), cipher.getAuthTag().toString('base64'), body.toString('base64')].join(':');
}

function open(key: Buffer, sealed: string): string {
  const [version, iv, tag, body] = sealed.split(':');
  if (version !== 'v1' || !iv || !tag || body === undefined) throw new Error('Unknown ciphertext format');
  const decipher = createDecipheriv(ALGORITHM, key, Buffer.from(iv, 'base64'));
  decipher.setAuthTag(Buffer.from(tag, 'base64'));
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
}

/**
 * How a tenant data key is stored, newest first: `k3:` wrapped by the wrapping sub-key of the
 * master key (scrypt, version 2); `k2:` by the wrapping sub-key of the version-1 master key
 * (SHA-256); no prefix: sealed by the version-1 master key itself (before HKDF).
 */
const WRAPPED = 'k3:';
const WRAPPED_V1 = 'k2:';

/** A new tenant data key, sealed by the master key's wrapping sub-key, for storage in `tenants.data_key`. */
export const newSealedDataKey = (master: Buffer): string => WRAPPED + seal(deriveKey(master, 'data-key-wrap'), randomBytes(32).toString('base64'));

/** The data key in clear, whichever way it was stored. */
function openDataKey(master: Buffer, sealed: string): Buffer {
  const legacy = legacyMasterOf(master) ?? master;
  if (sealed.startsWith(WRAPPED)) return Buffer.from(open(deriveKey(master, 'data-key-wrap'), sealed.slice(WRAPPED.length)), 'base64');
  if (sealed.startsWith(WRAPPED_V1)) return Buffer.from(open(deriveKey(legacy, 'data-key-wrap'), sealed.slice(WRAPPED_V1.length)), 'base64');
  return Buffer.from(open(legacy, sealed), 'base64');
}

/** A data key stored an older way, wrapped again by the current wrapping sub-key (same data key, so field values stay readable); null when current. */
export function rewrapDataKey(master: Buffer, sealed: string): string | null {
  if (sealed.startsWith(WRAPPED)) return null;
  return WRAPPED + seal(deriveKey(master, 'data-key-wrap'), openDataKey(master, sealed).toString('base64'));
}

export type FieldCipher = { encrypt: (plain: string) => string; decrypt: (sealed: string) => string };

/** Envelope encryption: the master key's wrapping sub-key opens the tenant's data key, which seals field values. */
export function fieldCipher(master: Buffer, sealedDataKey: string): FieldCipher {
  const key = openDataKey(master, sealedDataKey);
  return { encrypt: (plain) => seal(key, plain), decrypt: (sealed) => open(key, sealed) };
}
