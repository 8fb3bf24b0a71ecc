import { describe, expect, it } from 'vitest';
import { cellValue, neutralise } from './export-cells.rules.ts';

describe('export cells', () => {
  it('neutralises text a spreadsheet would run as a formula', () => {
    for (const risky of ["=cmd|' /C calc'!A0", '+HYPERLINK("http://x")', '-2+3', '@SUM(A1)', '\t=1', '\r=1', '=1']) expect(neutralise(risky)).toBe(`'${risky}`);
  });
  it('leaves numbers, phone numbers and ordinary text alone', () => {
    for (const plain of ['+86 138 0013 8000', '-12.5', '+1 (415) 555-0100', '张伟', 'a=b', '']) expect(neutralise(plain)).toBe(plain);
  });
  it('reads columns the way a person reads them', () => {
    const record = {
      name: '张伟',
      phones: [{ number: '138****8000', e164: null }],
      emails: [{ address: 'a@b.cn' }, { address: 'c@d.cn' }],
      address: { province: '浙江', city: '杭州', street: '文三路 1 号' },
      ownerId: 'u1',
      owner: { id: 'u1', name: '王销售' },
      tags: ['VIP', '华东'],
      employees: 12,
      custom: { level: ['vip', 'x'] },
    };
    const c = {
      locale: 'zh-CN' as const,
      customDefs: [{ key: 'level', type: 'multiselect', options: [{ value: 'vip', label: { zh: '贵宾', en: 'VIP' } }] }] as never,
    };
    expect(cellValue(record, 'phones', c)).toBe('138****8000');
    expect(cellValue(record, 'emails', c)).toBe('a@b.cn; c@d.cn');
    expect(cellValue(record, 'address', c)).toBe('浙江 杭州 文三路 1 号');
    expect(cellValue(record, 'address.city', c)).toBe('杭州');
    expect(cellValue(record, 'ownerId', c)).toBe('王销售');
    expect(cellValue(record, 'tags', c)).toBe('VIP; 华东');
    expect(cellValue(record, 'employees', c)).toBe(12);
    expect(cellValue(record, 'custom.level', c)).toBe('贵宾; x');
    expect(cellValue(record, 'missing', c)).toBeNull();
  });
});
