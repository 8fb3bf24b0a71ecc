import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

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

/** Derives the 32-byte master key from the configured secret (any length). */
export const masterKeyFrom = (secret: string): Buffer => createHash('sha256').update(`kehu-master:${secret}`).digest();

/** A new tenant data key, returned sealed by the master key for storage in `tenants.data_key`. */
export const newSealedDataKey = (master: Buffer): string => seal(master, randomBytes(32).toString('base64'));

export type FieldCipher = { encrypt: (plain: string) => string; decrypt: (sealed: string) => string };

/** Envelope encryption: the master key opens the tenant's data key, which seals field values. */
export function fieldCipher(master: Buffer, sealedDataKey: string): FieldCipher {
  const key = Buffer.from(open(master, sealedDataKey), 'base64');
  return { encrypt: (plain) => seal(key, plain), decrypt: (sealed) => open(key, sealed) };
}
