import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { translate } from './i18n.ts';

type Tree = { [k: string]: string | Tree };
const flat = (o: Tree, p = ''): string[] => Object.entries(o).flatMap(([k, v]) => (typeof v === 'string' ? [`${p}${k}`] : flat(v, `${p}${k}.`)));
const read = (path: string): Tree => JSON.parse(readFileSync(path, 'utf8')) as Tree;

const modules = fileURLToPath(new URL('../../modules/', import.meta.url));
const dirs = [
  fileURLToPath(new URL('./locales/', import.meta.url)),
  ...readdirSync(modules)
    .map((m) => `${modules}${m}/locales/`)
    .filter((d) => existsSync(d)),
];

describe('server locale files', () => {
  it.each(dirs)('%s has the same keys in Chinese and English, none empty', (dir) => {
    const zh = read(`${dir}zh-CN.json`);
    const en = read(`${dir}en.json`);
    expect(flat(zh).sort()).toEqual(flat(en).sort());
    for (const tree of [zh, en]) {
      const empty = (o: Tree): boolean => Object.values(o).some((v) => (typeof v === 'string' ? v.trim() === '' : empty(v)));
      expect(empty(tree)).toBe(false);
    }
  });

  it.each(dirs)('%s uses the same {{placeholders}} in Chinese and English (none left unreplaced in one language)', (dir) => {
    const zh = read(`${dir}zh-CN.json`);
    const en = read(`${dir}en.json`);
    const at = (tree: Tree, key: string) => key.split('.').reduce<string | Tree | undefined>((o, k) => (typeof o === 'object' ? o[k] : undefined), tree);
    const params = (text: unknown) => [...String(text).matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((m) => m[1]).sort();
    const differ = flat(en).filter((key) => JSON.stringify(params(at(zh, key))) !== JSON.stringify(params(at(en, key))));
    expect(differ).toEqual([]);
  });

  it('translates platform messages in both languages', () => {
    expect(translate('en', 'errors.not_found', { object: 'contact' })).not.toBe('errors.not_found');
    expect(translate('zh-CN', 'errors.not_found', { object: 'contact' })).not.toBe(translate('en', 'errors.not_found', { object: 'contact' }));
  });
});
