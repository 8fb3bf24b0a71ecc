import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import en from './en.json';
import zhCN from './zh-CN.json';

/**
 * Every t('literal.key', {...}) in the web app names a key both catalogs hold (or its plural
 * forms), and passes every {{placeholder}} the Chinese and English strings use, so no screen shows
 * a raw key or an empty hole. A key built at run time (`status.${s}`) must at least have a prefix
 * some key starts with. Keys held in variables are beyond a static check.
 */
type Tree = { [k: string]: string | Tree };
const flatten = (o: Tree, p = '', into = new Map<string, string>()): Map<string, string> => {
  for (const [k, v] of Object.entries(o)) typeof v === 'string' ? into.set(`${p}${k}`, v) : flatten(v, `${p}${k}.`, into);
  return into;
};
const moduleFiles = import.meta.glob<Tree>('../../modules/**/locales/*.json', { eager: true, import: 'default' });
const catalog = (shell: Tree, locale: string) => {
  const all = flatten(shell);
  for (const [path, tree] of Object.entries(moduleFiles)) if (path.endsWith(`/${locale}.json`)) flatten(tree, '', all);
  return all;
};
const catalogs = { 'zh-CN': catalog(zhCN as Tree, 'zh-CN'), en: catalog(en as Tree, 'en') };

const SRC = join(__dirname, '..', '..');
const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : /\.tsx?$/.test(e.name) && !/\.(test|d)\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
  );

type Use = { file: string; line: number; key: string; dynamic: boolean; options: Set<string> | null };

/** The t(...) calls of a file: t, i18next.t, i18n.t; first argument a literal or a template. */
function usesOf(file: string): Use[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const uses: Use[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const isT = (ts.isIdentifier(callee) && callee.text === 't') || (ts.isPropertyAccessExpression(callee) && callee.name.text === 't');
      const [first, second] = node.arguments;
      if (isT && first) {
        const line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
        // Options: the names an object literal passes; null when they cannot be known (a variable, a spread).
        let options: Set<string> | null = new Set();
        if (second && ts.isObjectLiteralExpression(second)) {
          for (const p of second.properties) {
            if (ts.isSpreadAssignment(p) || !p.name) options = null;
            else options?.add(p.name.getText(source).replace(/^['"]|['"]$/g, ''));
          }
        } else if (second && !ts.isStringLiteralLike(second)) options = null;
        if (ts.isStringLiteralLike(first)) uses.push({ file: relative(SRC, file), line, key: first.text, dynamic: false, options });
        else if (ts.isTemplateExpression(first)) uses.push({ file: relative(SRC, file), line, key: first.head.text, dynamic: true, options });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return uses;
}

const uses = sources(SRC).flatMap(usesOf);
const PLURALS = ['zero', 'one', 'two', 'few', 'many', 'other'];
/** The strings a key stands for in a catalog: itself, or its plural forms. */
const stringsOf = (messages: Map<string, string>, key: string) =>
  [key, ...PLURALS.map((p) => `${key}_${p}`)].flatMap((k) => (messages.has(k) ? [messages.get(k) as string] : []));
const placeholders = (text: string) => [...text.matchAll(/\{\{\s*([^,}\s]+)[^}]*\}\}/g)].map((m) => (m[1] ?? '').split('.')[0] ?? '');

describe('translation keys used by the web app', () => {
  it('finds the calls it checks', () => {
    expect(uses.filter((u) => !u.dynamic).length).toBeGreaterThan(1000);
  });

  it.each(Object.keys(catalogs) as (keyof typeof catalogs)[])('every literal key is in the %s catalog', (locale) => {
    const messages = catalogs[locale];
    const missing = uses.filter((u) => !u.dynamic && stringsOf(messages, u.key).length === 0 && ![...messages.keys()].some((k) => k.startsWith(`${u.key}.`)));
    expect(missing.map((u) => `${u.file}:${u.line} ${u.key}`)).toEqual([]);
  });

  it.each(Object.keys(catalogs) as (keyof typeof catalogs)[])('every key built at run time has a prefix in the %s catalog', (locale) => {
    const keys = [...catalogs[locale].keys()];
    const missing = uses.filter((u) => u.dynamic && u.key.includes('.') && !keys.some((k) => k.startsWith(u.key)));
    expect(missing.map((u) => `${u.file}:${u.line} ${u.key}\${...}`)).toEqual([]);
  });

  it.each(Object.keys(catalogs) as (keyof typeof catalogs)[])('every {{placeholder}} of a %s string is passed by its call', (locale) => {
    const messages = catalogs[locale];
    const holes = uses.flatMap((u) => {
      // skipInterpolation: the text shows merge-field syntax ({{name}}) to the user on purpose.
      if (u.dynamic || u.options === null || u.options.has('skipInterpolation')) return [];
      const passed = u.options;
      const needed = new Set(stringsOf(messages, u.key).flatMap(placeholders));
      return [...needed].filter((name) => !passed.has(name)).map((name) => `${u.file}:${u.line} ${u.key} needs {{${name}}}`);
    });
    expect(holes).toEqual([]);
  });
});
