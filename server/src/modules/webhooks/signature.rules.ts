import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** The header a receiver verifies: `t=<unix seconds>,v1=<hex hmac>[,v1=<hex hmac of the previous secret>]`. */
export const SIGNATURE_HEADER = 'Kehu-Signature';

/** A new signing secret, shown to admins and stored sealed with the tenant key. */
export const newSecret = (): string => `whsec_${randomBytes(24).toString('base64url')}`;

/** HMAC-SHA256 over `<timestamp>.<raw body>`, hex: Stripe's scheme, so its receivers' habits carry over. */
export const sign = (secret: string, timestamp: number, body: string): string => createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');

/** The header value, one `v1` per live secret (the current one first, then one in its overlap window). */
export function signatureHeader(secrets: readonly string[], timestamp: number, body: string): string {
  return [`t=${timestamp}`, ...secrets.map((s) => `v1=${sign(s, timestamp, body)}`)].join(',');
}

export type VerifyOptions = { header: string; body: string; secret: string; toleranceSeconds?: number; now?: number };

/** The receiver's check (docs/webhooks.md has the same in plain JavaScript): any v1 matches and the timestamp is fresh. */
export function verifySignature(o: VerifyOptions): boolean {
  const parts = o.header.split(',').map((p) => p.trim().split('='));
  const t = Number(parts.find(([k]) => k === 't')?.[1]);
  if (!Number.isInteger(t)) return false;
  const now = o.now ?? Math.floor(Date.now() / 1000);
  if (Math.abs(now - t) > (o.toleranceSeconds ?? 300)) return false;
  const expected = Buffer.from(sign(o.secret, t, o.body), 'hex');
  return parts.some(([k, v]) => k === 'v1' && v && v.length === expected.length * 2 && timingSafeEqual(Buffer.from(v, 'hex'), expected));
}
