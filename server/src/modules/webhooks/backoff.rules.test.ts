import { describe, expect, it } from 'vitest';
import { MAX_ATTEMPTS, retryDelaySeconds } from './backoff.rules.ts';
import { sign, signatureHeader, verifySignature } from './signature.rules.ts';

describe('retry schedule', () => {
  it('doubles from 30 s up to 6 h and spans more than 24 hours before giving up', () => {
    const mid = () => 0.5; // no jitter
    const delays: number[] = [];
    for (let attempt = 1; ; attempt++) {
      const d = retryDelaySeconds(attempt, { random: mid });
      if (d === null) break;
      delays.push(d);
    }
    expect(delays).toHaveLength(MAX_ATTEMPTS - 1);
    expect(delays.slice(0, 4)).toEqual([30, 60, 120, 240]);
    expect(Math.max(...delays)).toBe(6 * 3600);
    const total = delays.reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(24 * 3600);
    expect(total).toBeLessThan(48 * 3600);
  });

  it('jitters by at most 10 %', () => {
    expect(retryDelaySeconds(1, { random: () => 0 })).toBeCloseTo(27);
    expect(retryDelaySeconds(1, { random: () => 0.999999 })).toBeCloseTo(33);
  });
});

describe('signatures', () => {
  it('are HMAC-SHA256 over "timestamp.body", one v1 per live secret, refused when stale or changed', () => {
    const body = '{"id":"1","data":{"name":"张伟"}}';
    expect(sign('whsec_a', 1700000000, body)).toBe(sign('whsec_a', 1700000000, body));
    const header = signatureHeader(['whsec_new', 'whsec_old'], 1700000000, body);
    expect(header).toMatch(/^t=1700000000,v1=[0-9a-f]{64},v1=[0-9a-f]{64}$/);
    expect(verifySignature({ header, body, secret: 'whsec_new', now: 1700000100 })).toBe(true);
    expect(verifySignature({ header, body, secret: 'whsec_old', now: 1700000100 })).toBe(true);
    expect(verifySignature({ header, body, secret: 'whsec_other', now: 1700000100 })).toBe(false);
    expect(verifySignature({ header, body: body.replace('张伟', '李娜'), secret: 'whsec_new', now: 1700000100 })).toBe(false);
    expect(verifySignature({ header, body, secret: 'whsec_new', now: 1700000000 + 301 })).toBe(false);
  });
});
