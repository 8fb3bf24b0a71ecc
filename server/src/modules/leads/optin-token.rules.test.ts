import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { deriveKey, masterKeyFrom } from '#platform/crypto/keys.ts';
import { signOptIn, verifyOptIn } from './optin-token.rules.ts';

const key = Buffer.alloc(32, 7);
const ids = { tenantId: '0190a0a0-0000-7000-8000-000000000001', leadId: '0190a0a0-0000-7000-8000-000000000002' };

describe('double opt-in tokens', () => {
  it('round-trips tenant and lead', () => {
    expect(verifyOptIn(key, signOptIn(key, ids))).toEqual(ids);
  });
  it('refuses a tampered, foreign-key or expired token', () => {
    const token = signOptIn(key, ids);
    const [body, sig] = token.split('.');
    const other = Buffer.from(`${ids.tenantId}.0190a0a0-0000-7000-8000-000000000003.9999999999`).toString('base64url');
    expect(verifyOptIn(key, `${other}.${sig}`)).toBeNull();
    expect(verifyOptIn(Buffer.alloc(32, 8), token)).toBeNull();
    expect(verifyOptIn(key, `${body}`)).toBeNull();
    expect(verifyOptIn(key, signOptIn(key, { ...ids, now: 0, days: 1 }))).toBeNull();
  });
  it('signs with the opt-in sub-key, not the master key, and still takes a token signed before by the master key until it expires', () => {
    const body = Buffer.from(`${ids.tenantId}.${ids.leadId}.${Math.floor(Date.now() / 1000) + 3600}`).toString('base64url');
    const byMaster = createHmac('sha256', key).update(`lead-optin:${body}`).digest('base64url');
    expect(verifyOptIn(key, `${body}.${byMaster}`)).toEqual(ids);
    const [newBody, sig] = signOptIn(key, ids).split('.');
    expect(sig).not.toBe(createHmac('sha256', key).update(`lead-optin:${newBody}`).digest('base64url'));
    expect(sig).toBe(createHmac('sha256', deriveKey(key, 'lead-optin')).update(`lead-optin:${newBody}`).digest('base64url'));
  });
  it('takes a token signed under the master key of before the KDF (SHA-256 of the secret, with or without its sub-key) until it expires', () => {
    const master = masterKeyFrom('correct horse battery staple');
    const v1 = createHash('sha256').update('kehu-master:correct horse battery staple').digest();
    const body = Buffer.from(`${ids.tenantId}.${ids.leadId}.${Math.floor(Date.now() / 1000) + 3600}`).toString('base64url');
    const macBy = (k: Buffer) => createHmac('sha256', k).update(`lead-optin:${body}`).digest('base64url');
    expect(verifyOptIn(master, `${body}.${macBy(deriveKey(v1, 'lead-optin'))}`)).toEqual(ids);
    expect(verifyOptIn(master, `${body}.${macBy(v1)}`)).toEqual(ids);
    expect(verifyOptIn(masterKeyFrom('another passphrase'), `${body}.${macBy(v1)}`)).toBeNull();
    expect(signOptIn(master, ids).split('.')[1]).not.toBe(macBy(deriveKey(v1, 'lead-optin')));
  });
});
