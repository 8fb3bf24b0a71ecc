import { describe, expect, it } from 'vitest';
import { regionOptions } from './regions';

describe('regionOptions', () => {
  it('lists common regions first, named in the UI language', () => {
    const zh = regionOptions('zh-CN');
    expect(zh.slice(0, 2)).toEqual([
      { value: 'CN', label: 'CN · 中国' },
      { value: 'HK', label: expect.stringMatching(/^HK · .*香港/) },
    ]);
    expect(regionOptions('en').find((r) => r.value === 'DE')?.label).toBe('DE · Germany');
  });

  it('leaves out groupings, former countries and places without a dialling plan', () => {
    const codes = new Set(regionOptions('en').map((r) => r.value));
    for (const gone of ['EU', 'UN', 'ZZ', 'SU', 'YU', 'AQ', 'UK']) expect(codes.has(gone)).toBe(false);
    for (const kept of ['SG', 'XK', 'AC', 'MO']) expect(codes.has(kept)).toBe(true);
    expect(codes.size).toBeGreaterThan(240);
  });
});
