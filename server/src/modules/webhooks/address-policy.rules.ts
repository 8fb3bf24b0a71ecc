import ipaddr from 'ipaddr.js';

/** Where a webhook may not point: metadata services stay refused even when private addresses are allowed. */
const METADATA = ['169.254.169.254', '100.100.100.200', 'fd00:ec2::254', '169.254.170.2'];

/** ipaddr.js ranges a private-network setting (KEHU_WEBHOOK_ALLOW_PRIVATE=1) lets through. */
const PRIVATE_RANGES = new Set(['loopback', 'private', 'uniqueLocal', 'carrierGradeNat']);

export type AddressPolicy = { allowPrivate: boolean };

export type AddressVerdict = { ok: true } | { ok: false; reason: 'not_an_address' | 'metadata' | 'private' | 'reserved' };

/**
 * Whether an outgoing connection may go to `address` (an IP literal). Only public unicast
 * addresses pass by default; IPv4-mapped IPv6 is judged as its IPv4 address.
 */
export function checkAddress(address: string, policy: AddressPolicy): AddressVerdict {
  if (!ipaddr.isValid(address)) return { ok: false, reason: 'not_an_address' };
  let ip = ipaddr.parse(address);
  if (ip.kind() === 'ipv6' && (ip as ipaddr.IPv6).isIPv4MappedAddress()) ip = (ip as ipaddr.IPv6).toIPv4Address();
  const normal = ip.toNormalizedString();
  if (METADATA.some((m) => ipaddr.parse(m).toNormalizedString() === normal)) return { ok: false, reason: 'metadata' };
  const range = ip.range();
  if (range === 'unicast') return { ok: true };
  if (PRIVATE_RANGES.has(range)) return policy.allowPrivate ? { ok: true } : { ok: false, reason: 'private' };
  // link-local (the metadata neighbourhood), multicast, unspecified, broadcast, reserved, 6to4, teredo...
  return { ok: false, reason: 'reserved' };
}

export type UrlVerdict = { ok: true; url: URL } | { ok: false; reason: 'invalid_url' | 'scheme' | 'credentials' };

/** A webhook URL: absolute http(s), no user:password part (the secret signs instead). */
export function parseWebhookUrl(raw: string): UrlVerdict {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: 'invalid_url' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, reason: 'scheme' };
  if (url.username || url.password) return { ok: false, reason: 'credentials' };
  return { ok: true, url };
}

/** The host of a URL as an address literal, or null for a name (`[::1]` -> `::1`). */
export function literalAddress(url: URL): string | null {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  return ipaddr.isValid(host) ? host : null;
}

/** KEHU_WEBHOOK_ALLOW_PRIVATE=1: loopback and private networks allowed (a local receiver, tests). */
export const policyFromEnv = (env: NodeJS.ProcessEnv = process.env): AddressPolicy => ({ allowPrivate: env.KEHU_WEBHOOK_ALLOW_PRIVATE === '1' });
