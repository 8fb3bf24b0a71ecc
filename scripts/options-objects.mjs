// Lists exported service functions that do not take one options object, by the recipe's rule
// (docs/adding-a-module.md, "Options objects"): node scripts/options-objects.mjs [--list]
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const root = process.env.SRC ?? path.resolve(import.meta.dirname, '../server/src');
const files = [];
const walk = (dir) => {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p);
    else if (e.name.endsWith('.service.ts') || e.name === 'record-service.ts') files.push(p);
  }
};
walk(path.join(root, 'modules'));
walk(path.join(root, 'platform'));

const CONTEXTS = new Set(['tx', 'db', 'env', 'f', 'a', 'd']);
const IO = new Set(['deps', 'tx', 'db', 'ctx']);
const kinds = { options: [], none: [], context: [], pure: [], predicate: [], positional: [] };
const classify = (params, returns) => {
  if (params.length === 0) return 'none';
  const names = params.map((p) => p.name.getText());
  if (params.length === 1) return 'options';
  if (returns && ts.isTypePredicateNode(returns)) return 'predicate';
  if (params.length === 2 && CONTEXTS.has(names[0])) return 'context';
  if (params.length <= 2 && !names.some((n) => IO.has(n))) return 'pure';
  return 'positional';
};
for (const file of files) {
  const sf = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const add = (name, fn) =>
    kinds[classify(fn.parameters, fn.type)].push(
      `${path.relative(root, file)}: ${name}(${fn.parameters.map((p) => p.name.getText().slice(0, 24)).join(', ')})`,
    );
  for (const st of sf.statements) {
    if (!st.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) continue;
    if (ts.isFunctionDeclaration(st) && st.name) add(st.name.text, st);
    if (ts.isVariableStatement(st))
      for (const d of st.declarationList.declarations)
        if (d.initializer && (ts.isArrowFunction(d.initializer) || ts.isFunctionExpression(d.initializer))) add(d.name.getText(), d.initializer);
  }
}
for (const [k, list] of Object.entries(kinds)) console.log(`${k}: ${list.length}`);
if (process.argv.includes('--list')) for (const l of kinds.positional) console.log(`  ${l}`);
