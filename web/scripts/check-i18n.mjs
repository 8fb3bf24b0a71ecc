// Lists translation keys used in the source that either locale file lacks, and keys the two files do not share.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('../src/', import.meta.url).pathname;
const files = [];
const walk = (d) => {
  for (const f of readdirSync(d)) {
    const p = join(d, f);
    if (statSync(p).isDirectory()) walk(p);
    else if (/\.tsx?$/.test(f) && !f.endsWith('.test.ts') && !f.endsWith('.test.tsx')) files.push(p);
  }
};
walk(root);
const used = new Set();
for (const f of files) {
  const src = readFileSync(f, 'utf8');
  for (const m of src.matchAll(/\bt\(\s*'([a-zA-Z0-9_.]+)'/g)) used.add(m[1]);
  for (const m of src.matchAll(/(?:label|labelKey|Key):\s*'((?:fields|nav|settings)\.[a-zA-Z0-9_.]+)'/g)) used.add(m[1]);
}
const flat = (o, p = '') => Object.entries(o).flatMap(([k, v]) => (v && typeof v === 'object' ? flat(v, `${p}${k}.`) : [`${p}${k}`]));
const locales = ['zh-CN', 'en'].map((l) => [l, new Set(flat(JSON.parse(readFileSync(join(root, `app/i18n/${l}.json`), 'utf8'))))]);
const plural = (set, k) => set.has(k) || set.has(`${k}_one`) || set.has(`${k}_other`);
let bad = 0;
for (const [l, keys] of locales) {
  const missing = [...used].filter((k) => !plural(keys, k));
  if (missing.length) {
    bad++;
    console.log(`${l} missing:\n  ${missing.sort().join('\n  ')}`);
  }
}
const [[, a], [, b]] = locales;
const onlyA = [...a].filter((k) => !b.has(k));
const onlyB = [...b].filter((k) => !a.has(k));
if (onlyA.length || onlyB.length) {
  bad++;
  console.log('only zh-CN:', onlyA, '\nonly en:', onlyB);
}
process.exit(bad ? 1 : 0);
