import { createHmac, timingSafeEqual } from 'node:crypto';
import { deriveKey, legacyMasterOf, readingKeys } from '#platform/crypto/keys.ts';

const DAY = 86_400;

/** A signed, expiring confirmation token: tenant, lead and expiry, HMAC-SHA256 under the master key's opt-in sub-key. */
export function signOptIn(masterKey: Buffer, o: { tenantId: string; leadId: string; now?: number; days?: number }): string {
  const exp = Math.floor((o.now ?? Date.now()) / 1000) + (o.days ?? 7) * DAY;
  const body = Buffer.from(`${o.tenantId}.${o.leadId}.${exp}`).toString('base64url');
  return `${body}.${mac(deriveKey(masterKey, 'lead-optin'), body)}`;
}

const matches = (key: Buffer, body: string, sig: string) => {
  const expected = Buffer.from(mac(key, body));
  const given = Buffer.from(sig);
  return expected.length === given.length && timingSafeEqual(expected, given);
};

/** The token's tenant and lead, or null when forged, malformed or expired. */
export function verifyOptIn(masterKey: Buffer, token: string, now = Date.now()): { tenantId: string; leadId: string } | null {
  const [body, sig] = token.split('.');
  if (!body || !sig) return null;
  // Tokens signed before (by the version-1 master key's sub-key, or by that key itself before HKDF) verify until they expire (7 days by default).
  const keys = [...readingKeys(masterKey, 'lead-optin'), legacyMasterOf(masterKey) ?? masterKey];
  if (!keys.some((key) => matches(key, body, sig))) return null;
  const [tenantId, leadId, exp] = Buffer.from(body, 'base64url').toString().split('.');
  if (!tenantId || !leadId || !exp || Number(exp) * 1000 < now) return null;
  return { tenantId, leadId };
}

const mac = (key: Buffer, body: string) => createHmac('sha256', key).update(`lead-optin:${body}`).digest('base64url');
