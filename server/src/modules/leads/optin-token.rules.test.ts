import { describe, expect, it } from 'vitest';
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
});
