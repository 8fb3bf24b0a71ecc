import en from './en.json';
import zhCN from './zh-CN.json';

type Tree = { [k: string]: string | Tree };
const flat = (o: Tree, p = ''): string[] => Object.entries(o).flatMap(([k, v]) => (typeof v === 'string' ? [`${p}${k}`] : flat(v, `${p}${k}.`)));

describe('locale files', () => {
  it('have the same keys in Chinese and English', () => {
    expect(flat(zhCN as Tree).sort()).toEqual(flat(en as Tree).sort());
  });
  it('have no empty strings', () => {
    const empty = (o: Tree): boolean => Object.values(o).some((v) => (typeof v === 'string' ? v.trim() === '' : empty(v)));
    expect(empty(zhCN as Tree)).toBe(false);
    expect(empty(en as Tree)).toBe(false);
  });
});
