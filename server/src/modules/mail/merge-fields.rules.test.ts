import { describe, expect, it } from 'vitest';
import { formatValue, mergeFieldsOf, renderTemplate, unknownMergeFields } from './merge-fields.rules.ts';

describe('merge fields', () => {
  const catalog = { contact: ['name', 'emails'], owner: ['name', 'email'], record: ['name', 'amount', 'currency', 'expectedCloseDate', 'custom.budget'] };

  it('finds each field once, with or without spaces, and names the unknown ones', () => {
    expect(mergeFieldsOf(['Hi {{contact.name}}, {{ contact.name }} and {{owner.name}}'])).toEqual(['contact.name', 'owner.name']);
    expect(unknownMergeFields(['{{contact.name}} {{contact.nmae}} {{record.custom.budget}} {{boss.name}} {{}}'], catalog)).toEqual([
      'contact.nmae',
      'boss.name',
      '',
    ]);
  });

  it('formats dates and money in the recipient’s language, keeping decimal digits', () => {
    const values = {
      record: { name: '年度合同', amount: '1234567.89', currency: 'CNY', expectedCloseDate: '2026-12-31' },
      contact: { name: '李雷' },
      owner: { name: '王小明' },
    };
    const template = {
      subject: { zh: '{{record.name}} 报价', en: 'Quote for {{record.name}}' },
      body: {
        zh: '{{contact.name}}，金额 {{record.amount}}，{{record.expectedCloseDate}} 前。{{owner.name}}',
        en: 'Dear {{contact.name}}, {{record.amount}} by {{record.expectedCloseDate}}. {{owner.name}}',
      },
    };
    const zh = renderTemplate({ template, locale: 'zh-CN', values });
    expect(zh.subject).toBe('年度合同 报价');
    expect(zh.text).toBe('李雷，金额 ¥1,234,567.89，2026年12月31日 前。王小明');
    const en = renderTemplate({ template, locale: 'en', values });
    expect(en.text).toBe('Dear 李雷, CN¥1,234,567.89 by December 31, 2026. 王小明');
    expect(formatValue('2026-12-07T01:30:00.000Z', { locale: 'zh-CN', timeZone: 'Asia/Shanghai' })).toBe('2026年12月7日 09:30');
    expect(formatValue('99999999999999999.99', { locale: 'en', timeZone: 'UTC', key: 'amount', currency: 'USD' })).toBe('$99,999,999,999,999,999.99');
  });

  it('escapes values in the HTML part and keeps the subject on one line', () => {
    const out = renderTemplate({
      template: { subject: 'Re: {{contact.name}}', body: 'Hello {{contact.name}}\n\nBye' },
      locale: 'en',
      values: { contact: { name: '<script>x</script>\nBcc: evil@example.com' } },
    });
    expect(out.html).toContain('&#60;script&#62;');
    expect(out.html).not.toContain('<script>');
    expect(out.subject).toBe('Re: <script>x</script> Bcc: evil@example.com');
    expect(out.html).toBe('<p>Hello &#60;script&#62;x&#60;/script&#62;<br>Bcc: evil@example.com</p>\n<p>Bye</p>');
  });
});
