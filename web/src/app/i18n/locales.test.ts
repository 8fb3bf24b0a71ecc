import en from './en.json';
import zhCN from './zh-CN.json';

type Tree = { [k: string]: string | Tree };
const flat = (o: Tree, p = ''): string[] => Object.entries(o).flatMap(([k, v]) => (typeof v === 'string' ? [`${p}${k}`] : flat(v, `${p}${k}.`)));
// Plural forms differ by language (English count_one / count_other, Chinese one form): compared by their key.
const keysOf = (o: Tree): string[] => [...new Set(flat(o).map((k) => k.replace(/_(zero|one|two|few|many|other)$/, '')))].sort();
const empty = (o: Tree): boolean => Object.values(o).some((v) => (typeof v === 'string' ? v.trim() === '' : empty(v)));

// The shell's strings plus every module's own locales/<locale>.json.
const moduleFiles = import.meta.glob<Tree>('../../modules/**/locales/*.json', { eager: true, import: 'default' });
const bundles: [string, Tree, Tree][] = [
  ['shell', zhCN as Tree, en as Tree],
  ...Object.entries(moduleFiles)
    .filter(([path]) => path.endsWith('/en.json'))
    .map(([path, enTree]): [string, Tree, Tree] => [path, moduleFiles[path.replace(/en\.json$/, 'zh-CN.json')] ?? {}, enTree]),
];

describe('locale files', () => {
  it.each(bundles)('%s has the same keys in Chinese and English', (_name, zh, english) => {
    expect(keysOf(zh)).toEqual(keysOf(english));
  });
  it.each(bundles)('%s has no empty strings', (_name, zh, english) => {
    expect(empty(zh)).toBe(false);
    expect(empty(english)).toBe(false);
  });
});
