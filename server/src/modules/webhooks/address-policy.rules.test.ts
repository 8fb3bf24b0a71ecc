import { describe, expect, it } from 'vitest';
import { checkAddress, parseWebhookUrl } from './address-policy.rules.ts';

const strict = { allowPrivate: false };
const lax = { allowPrivate: true };

describe('webhook address policy', () => {
  it('lets public unicast addresses through and refuses everything else by default', () => {
    for (const ok of ['93.184.216.34', '1.1.1.1', '2606:4700:4700::1111']) expect(checkAddress(ok, strict), ok).toEqual({ ok: true });
    const refused: [string, string][] = [
      ['127.0.0.1', 'private'],
      ['127.8.9.10', 'private'],
      ['::1', 'private'],
      ['10.1.2.3', 'private'],
      ['172.16.0.5', 'private'],
      ['192.168.1.1', 'private'],
      ['fd12:3456::1', 'private'],
      ['100.64.0.1', 'private'],
      ['169.254.169.254', 'metadata'],
      ['100.100.100.200', 'metadata'],
      ['fd00:ec2::254', 'metadata'],
      ['169.254.1.1', 'reserved'],
      ['fe80::1', 'reserved'],
      ['0.0.0.0', 'reserved'],
      ['::', 'reserved'],
      ['224.0.0.1', 'reserved'],
      ['255.255.255.255', 'reserved'],
      ['::ffff:127.0.0.1', 'private'],
      ['::ffff:169.254.169.254', 'metadata'],
    ];
    for (const [address, reason] of refused) expect(checkAddress(address, strict), address).toEqual({ ok: false, reason });
  });

  it('with KEHU_WEBHOOK_ALLOW_PRIVATE allows loopback and private networks, never link-local or metadata', () => {
    for (const ok of ['127.0.0.1', '::1', '10.0.0.8', '192.168.3.4', '100.64.0.1']) expect(checkAddress(ok, lax).ok, ok).toBe(true);
    for (const no of ['169.254.169.254', '100.100.100.200', '169.254.10.10', 'fe80::1']) expect(checkAddress(no, lax).ok, no).toBe(false);
  });

  it('takes only absolute http(s) URLs without credentials', () => {
    expect(parseWebhookUrl('https://hooks.example.com/kehu?x=1').ok).toBe(true);
    expect(parseWebhookUrl('file:///etc/passwd')).toEqual({ ok: false, reason: 'scheme' });
    expect(parseWebhookUrl('gopher://example.com')).toEqual({ ok: false, reason: 'scheme' });
    expect(parseWebhookUrl('/relative')).toEqual({ ok: false, reason: 'invalid_url' });
    expect(parseWebhookUrl('https://user:pw@example.com/')).toEqual({ ok: false, reason: 'credentials' });
  });
});
