import { moveColumn } from './column-chooser';
import { toCsv } from './csv';
import { parseSort, toSort } from './list-state';

describe('sort strings', () => {
  it('map to and from antd sort orders', () => {
    expect(parseSort('-createdAt,name')).toEqual({ field: 'createdAt', order: 'descend' });
    expect(parseSort('name')).toEqual({ field: 'name', order: 'ascend' });
    expect(toSort('name', 'descend')).toBe('-name');
    expect(toSort('name', null)).toBe('-createdAt');
  });
});

describe('toCsv', () => {
  it('quotes separators and quotes, starts with a BOM for Excel', () => {
    const csv = toCsv(['名称', 'note'], [['星辰, 北京', 'say "hi"']]);
    expect(csv.startsWith('\uFEFF名称,note\r\n')).toBe(true);
    expect(csv).toContain('"星辰, 北京","say ""hi"""');
  });
  it('defuses spreadsheet formulas', () => {
    expect(toCsv(['a'], [['=HYPERLINK("x")']])).toContain(`"'=HYPERLINK(""x"")"`);
    expect(toCsv(['a', 'b'], [['@SUM(A1)', '\t=1']])).toContain(`'@SUM(A1),"'\t=1"`);
  });
  it('keeps numbers and phone numbers as written (the server rule)', () => {
    const csv = toCsv(['amount', 'phone', 'intl'], [['-12.5', '+86 138 0013 8000', '+1 (415) 555-0100']]);
    expect(csv).toContain('\r\n-12.5,+86 138 0013 8000,+1 (415) 555-0100\r\n');
  });
});

describe('moveColumn', () => {
  it('swaps with the neighbour and stops at the ends', () => {
    expect(moveColumn(['a', 'b', 'c'], 'b', -1)).toEqual(['b', 'a', 'c']);
    expect(moveColumn(['a', 'b'], 'a', -1)).toEqual(['a', 'b']);
  });
});
