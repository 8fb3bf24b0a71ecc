import { describe, expect, it } from 'vitest';
import { formatRelative } from './relative-time';

describe('formatRelative', () => {
  const now = Date.parse('2026-12-07T10:00:00Z');
  it('speaks both languages', () => {
    expect(formatRelative('2026-12-07T09:57:00Z', 'en', now)).toBe('3 minutes ago');
    expect(formatRelative('2026-12-07T09:57:00Z', 'zh-CN', now)).toBe('3分钟前');
    expect(formatRelative('2026-12-06T10:00:00Z', 'en', now)).toBe('yesterday');
    expect(formatRelative('2026-12-07T09:59:50Z', 'en', now)).toBe('now');
  });
});
