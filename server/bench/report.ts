import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { Figures } from './bare.ts';
import type { Captured } from './capture.ts';

/**
 * `plain`: the same SQL behind the thinnest HTTP server; `tenantTx`: the same server running it in
 * the tenant's transaction through the app's database layer (PostgreSQL runs only).
 */
export type Row = { scenario: Captured; api: Figures; bare: Figures; plain?: Figures; tenantTx?: Figures };
export type Report = {
  engine: string;
  n: number;
  seedSeconds: number;
  rows: Row[];
  rssMb: number;
  command: string;
  machine: string;
  seconds: number;
  connections: number;
};

const ms = (v: number) => (v < 10 ? v.toFixed(2) : v.toFixed(1));

const share = (part: number, whole: number) => `${Math.round((part / whole) * 100)}%`;

/**
 * Markdown table: API and bare side by side, the ratio being API throughput / bare throughput;
 * with the plain HTTP server's throughput, bare and in the tenant's transaction, and their own
 * ratios to bare when they ran.
 */
export function table(rows: Row[]): string {
  const plain = rows.some((r) => r.plain);
  const tenantTx = rows.some((r) => r.tenantTx);
  const head = ['Scenario', 'API p50 ms', 'API p99 ms', 'API req/s', 'bare p50 ms', 'bare p99 ms', 'bare req/s', 'API/bare'];
  if (plain) head.push('plain HTTP req/s', 'plain/bare');
  if (tenantTx) head.push('plain + tenant tx req/s', '+tx/bare');
  head.push('SQL/request', 'errors');
  const throughput = (f: Figures | undefined, bare: Figures) => (f ? [Math.round(f.rps).toString(), share(f.rps, bare.rps)] : ['', '']);
  const lines = rows.map(({ scenario, api, bare, plain: p, tenantTx: t }) => [
    scenario.name,
    ms(api.p50),
    ms(api.p99),
    Math.round(api.rps).toString(),
    ms(bare.p50),
    ms(bare.p99),
    Math.round(bare.rps).toString(),
    share(api.rps, bare.rps),
    ...(plain ? throughput(p, bare) : []),
    ...(tenantTx ? throughput(t, bare) : []),
    String(scenario.statements),
    String(api.errors + bare.errors + (p?.errors ?? 0) + (t?.errors ?? 0)),
  ]);
  return [head, head.map(() => '---'), ...lines].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

/** Writes (or replaces) this engine's section of docs/benchmarks.md, keeping everything else. */
export function writeReport(file: string, r: Report, notes: string): void {
  const key = `${r.engine}-c${r.connections}`;
  const marker = `<!-- bench:${key} -->`;
  const section = [
    marker,
    `## ${r.engine === 'postgres' ? 'PostgreSQL' : 'PGlite'}, ${r.n.toLocaleString('en')} contacts, ${r.connections} connections`,
    '',
    `Command: \`${r.command}\`  `,
    `Machine: ${r.machine}  `,
    `Seeded in ${r.seedSeconds.toFixed(0)} s. ${r.connections} connections, ${r.seconds} s per measurement after a 2 s warm-up. Server RSS after the run: ${r.rssMb} MB.`,
    '',
    table(r.rows),
    '',
    notes,
    `<!-- /bench:${key} -->`,
  ].join('\n');
  const header =
    '# Benchmarks\n\nProduced by `npm run bench` (see server/bench/). API = the real app over HTTP (autocannon); bare = the SQL that request generated, run straight through `pg` / PGlite at the same concurrency in the same run.\n';
  let text = existsSync(file) ? readFileSync(file, 'utf8') : header;
  const pattern = new RegExp(`${marker}[\\s\\S]*?<!-- /bench:${key} -->`);
  text = pattern.test(text) ? text.replace(pattern, () => section) : `${text.trimEnd()}\n\n${section}\n`;
  writeFileSync(file, text);
}
