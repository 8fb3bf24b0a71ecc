import { describe, expect, it } from 'vitest';
import { recipientLocaleOf } from './recipient-locale.rules.ts';

describe('the recipient’s language', () => {
  it('follows a language field of the contact, then of the record, custom fields included', () => {
    expect(recipientLocaleOf({ contact: { name: '李雷', language: 'en' }, record: null, fallback: 'zh-CN' })).toBe('en');
    expect(recipientLocaleOf({ contact: { name: 'Anna', custom: { language: '中文' } }, record: null, fallback: 'en' })).toBe('zh-CN');
    expect(recipientLocaleOf({ contact: null, record: { name: 'Anna', preferredLanguage: 'zh-TW' }, fallback: 'en' })).toBe('zh-CN');
  });

  it('otherwise reads the script of the name, and falls back to the company’s language', () => {
    expect(recipientLocaleOf({ contact: { name: '王芳' }, record: { name: 'Big deal' }, fallback: 'en' })).toBe('zh-CN');
    expect(recipientLocaleOf({ contact: { name: "Anna O'Neil-Schmidt" }, record: null, fallback: 'zh-CN' })).toBe('en');
    expect(recipientLocaleOf({ contact: null, record: { name: '上海 Acme 项目' }, fallback: 'en' })).toBe('zh-CN');
    expect(recipientLocaleOf({ contact: { name: '12345' }, record: null, fallback: 'en' })).toBe('en');
    expect(recipientLocaleOf({ contact: { name: '12345' }, record: null, fallback: 'zh-CN' })).toBe('zh-CN');
    expect(recipientLocaleOf({ contact: { name: 'Anna', language: 'fr' }, record: null, fallback: 'zh-CN' })).toBe('en');
  });
});
