import { compact, daysText, money, monthLabel, percentText } from './report-format';

describe('report formatting', () => {
  it('shows decimal strings as money in the UI language, exactly', () => {
    expect(money('1234567.5', 'CNY', 'zh-CN')).toBe('¥1,234,567.50');
    expect(money('1234567.5', 'CNY', 'en')).toBe('CN¥1,234,567.50');
    // Beyond float precision: the string is formatted as written.
    expect(money('12345678901234567.89', 'CNY', 'zh-CN')).toBe('¥12,345,678,901,234,567.89');
    expect(money(null, 'USD', 'en')).toBe('$0.00');
  });

  it('percent, days, axis labels and months per language', () => {
    expect(percentText(71.4, 'zh-CN')).toBe('71.4%');
    expect(percentText(null, 'en')).toBe('—');
    expect(daysText(40, 'en', 'days')).toBe('40 days');
    expect(compact(120000, 'zh-CN')).toBe('12万');
    expect(compact(120000, 'en')).toBe('120K');
    expect(monthLabel('2026-11', 'zh-CN')).toBe('2026年11月');
    expect(monthLabel('2026-11', 'en')).toBe('Nov 2026');
  });
});
