// Measures the JavaScript and CSS the shell loads before any module chunk: the entry script
// and everything index.html preloads. Prints gzipped sizes and fails above the 350 KB budget.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

// `node scripts/bundle-size.mjs /tmp/other-dist` measures another build (browser tests build outside web/dist).
const dist = process.argv[2] ?? new URL('../dist/', import.meta.url).pathname;
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const assets = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);
const BUDGET_KB = 350;
let js = 0;
let css = 0;
const rows = assets.map((a) => {
  const gz = gzipSync(readFileSync(join(dist, a))).length;
  if (a.endsWith('.js')) js += gz;
  else css += gz;
  return { asset: a, gzipKB: +(gz / 1024).toFixed(1) };
});
const result = { initialJsGzipKB: +(js / 1024).toFixed(1), initialCssGzipKB: +(css / 1024).toFixed(1), budgetKB: BUDGET_KB, assets: rows };
writeFileSync(join(dist, 'bundle-size.json'), `${JSON.stringify(result, null, 2)}\n`);
console.log(`initial JS ${result.initialJsGzipKB} KB gzip (budget ${BUDGET_KB} KB), CSS ${result.initialCssGzipKB} KB`);
if (js / 1024 > BUDGET_KB) {
  console.error('initial JavaScript is over budget');
  process.exit(1);
}
