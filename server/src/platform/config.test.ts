import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('caches credentials 30 s by default, 0 turns it off, and refuses a bad value by name', () => {
    expect(loadConfig({}).credentialCacheSeconds).toBe(30);
    expect(loadConfig({ KEHU_CREDENTIAL_CACHE_SECONDS: '0' }).credentialCacheSeconds).toBe(0);
    expect(() => loadConfig({ KEHU_CREDENTIAL_CACHE_SECONDS: '-1' })).toThrow(/KEHU_CREDENTIAL_CACHE_SECONDS/);
  });
});
