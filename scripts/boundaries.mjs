// Module boundaries with dependency-cruiser (rules and why: .dependency-cruiser.cjs).
//   node scripts/boundaries.mjs            check: fails on any violation not in the baseline (`npm run boundaries`)
//   node scripts/boundaries.mjs baseline   rewrite the known-violations baseline (`npm run boundaries:baseline`)
//   node scripts/boundaries.mjs graph      draw the module graph into docs/module-graph.md (`npm run boundaries:graph`)
// The server and the web are cruised separately: both call their own folders `#modules/*`, so
// each needs its own resolver (server/package.json "imports"; web/tsconfig.json paths).
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const depcruise = join(root, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');
const config = '.dependency-cruiser.cjs';
const baseline = '.dependency-cruiser-known-violations.json';
const graphFile = 'docs/module-graph.md';

const parts = [
  { name: 'server', paths: ['server/src', 'server/bench', 'server/test'], args: [], modules: 'server/src/modules' },
  // An absolute path: dependency-cruiser hands a relative one to TypeScript, which then finds no inputs.
  { name: 'web', paths: ['web/src'], args: ['--ts-config', join(root, 'web', 'tsconfig.json')], modules: 'web/src/modules' },
];

/** Runs depcruise from the repository root; resolves with its exit code and what it printed. */
function cruise(args) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [depcruise, '--config', config, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

async function check() {
  const runs = await Promise.all(parts.map((p) => cruise([...p.paths, ...p.args, '--ignore-known', baseline, '--output-type', 'err'])));
  let failed = false;
  runs.forEach((run, i) => {
    process.stdout.write(`boundaries (${parts[i]?.name}):${run.stdout.trimEnd() ? `\n${run.stdout.trimEnd()}` : ' ok'}\n`);
    process.stderr.write(run.stderr);
    failed ||= run.code !== 0;
  });
  if (failed) process.stdout.write(`\nA new boundary violation: fix the import (see the rule's comment in ${config}).\n`);
  process.exit(failed ? 1 : 0);
}

async function writeBaseline() {
  const runs = await Promise.all(parts.map((p) => cruise([...p.paths, ...p.args, '--output-type', 'baseline'])));
  const violations = runs.flatMap((run, i) => {
    if (run.stderr.trim()) throw new Error(`depcruise (${parts[i]?.name}) failed:\n${run.stderr}`);
    return JSON.parse(run.stdout);
  });
  writeFileSync(join(root, baseline), `${JSON.stringify(violations, null, 2)}\n`);
  const byRule = new Map();
  for (const v of violations) byRule.set(v.rule.name, (byRule.get(v.rule.name) ?? 0) + 1);
  const lines = [...byRule].map(([rule, n]) => `  ${rule}: ${n}`);
  process.stdout.write(`${baseline}: ${violations.length} known violations\n${lines.join('\n')}\n`);
}

/** Mermaid for one collapsed cruise: a node per module, an arrow per import; red ones break a rule. */
function mermaid(modules, prefix) {
  const names = modules.map((m) => m.source.slice(prefix.length + 1));
  const id = new Map(names.map((name, i) => [name, `m${i}`]));
  const lines = ['flowchart LR', ...names.map((name) => `  ${id.get(name)}["${name}"]`)];
  const broken = [];
  let edge = 0;
  for (const m of modules) {
    for (const d of m.dependencies) {
      const to = id.get(d.resolved.slice(prefix.length + 1));
      if (!to) continue;
      const rules = [...new Set((d.rules ?? []).map((r) => r.name))];
      lines.push(`  ${id.get(m.source.slice(prefix.length + 1))} -->${rules.length ? `|${rules.join(', ')}|` : ''} ${to}`);
      if (!d.valid) broken.push(edge);
      edge++;
    }
  }
  if (broken.length) lines.push(`  linkStyle ${broken.join(',')} stroke:#d4380d,stroke-width:2px`);
  return lines.join('\n');
}

async function drawGraph() {
  const sections = [];
  for (const p of parts) {
    // Production code only, collapsed to one node per module folder.
    const args = [p.paths[0] ?? '', ...p.args, '--include-only', `^${p.modules}/`, '--exclude', '(^|/)node_modules/|\\.test\\.tsx?$'];
    const run = await cruise([...args, '--collapse', `^${p.modules}/[^/]+`, '--output-type', 'json']);
    if (run.stderr.trim()) throw new Error(`depcruise (${p.name}) failed:\n${run.stderr}`);
    sections.push(`## ${p.name}: ${p.modules}\n\n\`\`\`mermaid\n${mermaid(JSON.parse(run.stdout).modules, p.modules)}\n\`\`\`\n`);
  }
  const header = [
    '# Module graph',
    '',
    'Which module imports which (an arrow points to the module imported), drawn from the code',
    'without its tests by dependency-cruiser. A red arrow, labelled with the rule, breaks a boundary',
    'rule: a known violation, debt listed in `.dependency-cruiser-known-violations.json`.',
    'Regenerate with `npm run boundaries:graph`; the rules are in `.dependency-cruiser.cjs` and',
    'docs/architecture.md ("Boundaries").',
    '',
  ];
  writeFileSync(join(root, graphFile), `${header.join('\n')}\n${sections.join('\n')}`);
  process.stdout.write(`wrote ${graphFile}\n`);
}

const mode = process.argv[2] ?? 'check';
if (mode === 'check') await check();
else if (mode === 'baseline') await writeBaseline();
else if (mode === 'graph') await drawGraph();
else {
  process.stderr.write('usage: node scripts/boundaries.mjs [check|baseline|graph]\n');
  process.exit(2);
}
