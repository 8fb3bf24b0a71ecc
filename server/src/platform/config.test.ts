import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('caches credentials 30 s by default, 0 turns it off, and refuses a bad value by name', () => {
    expect(loadConfig({}).credentialCacheSeconds).toBe(30);
    expect(loadConfig({ KEHU_CREDENTIAL_CACHE_SECONDS: '0' }).credentialCacheSeconds).toBe(0);
    expect(() => loadConfig({ KEHU_CREDENTIAL_CACHE_SECONDS: '-1' })).toThrow(/KEHU_CREDENTIAL_CACHE_SECONDS/);
  });

  it('listens on loopback unless HOST says otherwise', () => {
    expect(loadConfig({}).host).toBe('127.0.0.1');
    expect(loadConfig({ HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
  });

  it('trusts no proxy unless KEHU_TRUST_PROXY names one (true, hops, or addresses)', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ KEHU_TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(loadConfig({ KEHU_TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    const twoHops = loadConfig({ KEHU_TRUST_PROXY: '2' }).trustProxy as (address: string, hop: number) => boolean;
    expect([0, 1, 2].map((hop) => twoHops('10.0.0.1', hop))).toEqual([true, true, false]);
    expect(loadConfig({ KEHU_TRUST_PROXY: '127.0.0.1,10.0.0.0/8' }).trustProxy).toBe('127.0.0.1,10.0.0.0/8');
  });
});
