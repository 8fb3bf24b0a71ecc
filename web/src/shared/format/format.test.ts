import { formatAddress } from './address';
import { formatDate, formatMoney, formatNumber, formatPersonName, formatRelative } from './format';

describe('formatPersonName', () => {
  it('writes Chinese names family-first without a space', () => {
    expect(formatPersonName({ familyName: '张', givenName: '伟' })).toBe('张伟');
    expect(formatPersonName({ familyName: '欧阳', givenName: '娜娜' })).toBe('欧阳娜娜');
  });
  it('writes Western names given-first', () => {
    expect(formatPersonName({ familyName: 'Smith', givenName: 'John' })).toBe('John Smith');
  });
  it('falls back to the display name', () => {
    expect(formatPersonName({ name: ' 王芳 ' })).toBe('王芳');
    expect(formatPersonName({ familyName: 'Li' })).toBe('Li');
  });
});

describe('numbers and money', () => {
  it('formats per locale', () => {
    expect(formatNumber(1234567, 'en')).toBe('1,234,567');
    expect(formatMoney('1234.5', 'CNY', 'zh-CN')).toBe('¥1,234.50');
    expect(formatMoney('1234.5', 'USD', 'en')).toBe('$1,234.50');
  });
  it('keeps decimal strings exact (no float rounding)', () => {
    expect(formatMoney('12345678901234567.89', 'USD', 'en')).toBe('$12,345,678,901,234,567.89');
  });
  it('defaults to CNY and survives an unknown code', () => {
    expect(formatMoney(10, null, 'zh-CN')).toBe('¥10.00');
    expect(formatMoney(10, 'XXXX', 'en')).toContain('10');
  });
  it('leaves blanks blank', () => {
    expect(formatMoney(null, 'CNY', 'en')).toBe('');
    expect(formatNumber('', 'en')).toBe('');
  });
});

describe('dates', () => {
  it('shows a plain date as written, whatever the zone', () => {
    expect(formatDate('2026-03-05', 'zh-CN', 'America/Los_Angeles')).toBe('2026/03/05');
    expect(formatDate('2026-03-05', 'en')).toBe('03/05/2026');
  });
  it('says how long ago', () => {
    const now = new Date('2026-01-01T12:00:00Z');
    expect(formatRelative('2026-01-01T11:00:00Z', 'en', now)).toBe('1 hour ago');
    expect(formatRelative('2025-12-31T12:00:00Z', 'zh-CN', now)).toBe('昨天');
  });
});

describe('formatAddress', () => {
  it('reads Chinese addresses large to small', () => {
    expect(formatAddress({ province: '广东省', city: '深圳市', district: '南山区', street: '科技园路 1 号' })).toBe('广东省深圳市南山区科技园路 1 号');
  });
  it('reads other addresses small to large', () => {
    expect(formatAddress({ country: 'USA', city: 'Boston', street: '1 Main St', postcode: '02110' })).toBe('1 Main St, Boston, USA 02110');
  });
});
