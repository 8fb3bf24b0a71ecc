import { spawn } from 'node:child_process';
import { chmodSync, createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { throwawayPostgres, writeBenchSection } from './store.ts';

export type ImportBenchOptions = { n: number; keep: boolean; out: string; command: string };

const say = (line: string) => process.stdout.write(`${line}\n`);
const KEHU = fileURLToPath(new URL('../bin/kehu.js', import.meta.url));
const HEADER = '姓名,手机号,邮箱,公司,职务,城市';
const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈'];
const GIVEN = [...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀英华玉兰霞平刚桂英文斌辉波宁浩宇欣怡子涵梓萱'];
const EN_FIRST = ['James', 'Mary', 'John', 'Patricia', 'Robert', 'Jennifer', 'Michael', 'Linda', 'David', 'Elizabeth', 'Wei', 'Anna'];
const EN_LAST = ['Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Wilson', 'Taylor', 'Chen', 'Lee'];
const TITLES = ['经理', '销售总监', '采购经理', '工程师', 'CEO', 'Sales Manager', 'Buyer', '总经理', '财务', 'CTO'];
const CITIES = ['上海', '北京', '深圳', '广州', '杭州', '成都', '南京', '武汉', '苏州', 'Singapore'];

/** A small deterministic PRNG (mulberry32), so every run imports the same file. */
function prng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FULL_WIDTH_DIGITS = (s: string) => s.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));

/**
 * `n` contact rows as a Chinese Excel export has them: mostly Chinese names, some English, phones
 * typed in several ways (spaces, +86, full-width digits; 1% a digit short), upper-case emails, and ~5% rows that
 * repeat an earlier person's email (the same person again, with a new title) for the dedup rule.
 */
async function writeCsv(path: string, n: number): Promise<{ duplicates: number }> {
  const r = prng(20261124);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(r() * list.length)] as T;
  const out = createWriteStream(path);
  const write = (text: string) => new Promise<void>((resolve) => (out.write(text) ? resolve() : out.once('drain', resolve)));
  await write(`\ufeff${HEADER}\r\n`);
  let duplicates = 0;
  let batch: string[] = [];
  for (let i = 0; i < n; i++) {
    let person = i;
    if (i > 100 && r() < 0.05) {
      person = Math.floor(r() * i);
      duplicates++;
    }
    const q = prng(person + 1);
    const english = q() < 0.15;
    const name = english
      ? `${EN_FIRST[Math.floor(q() * EN_FIRST.length)]} ${EN_LAST[Math.floor(q() * EN_LAST.length)]}`
      : `${SURNAMES[Math.floor(q() * SURNAMES.length)]}${GIVEN[Math.floor(q() * GIVEN.length)]}${q() < 0.6 ? GIVEN[Math.floor(q() * GIVEN.length)] : ''}`;
    // Prefixes that are all valid mobile ranges (13x, 15x, 18x, 19x); 1% of people typed a digit short.
    const mobile = `1${'3589'[Math.floor(q() * 4)]}${String(100_000_000 + person).slice(q() < 0.01 ? -8 : -9)}`;
    const style = r();
    const phone =
      style < 0.5
        ? mobile
        : style < 0.7
          ? `${mobile.slice(0, 3)} ${mobile.slice(3, 7)} ${mobile.slice(7)}`
          : style < 0.9
            ? `+86 ${mobile}`
            : FULL_WIDTH_DIGITS(mobile);
    const email = `user${person}@example${person % 97}.cn`;
    const company = `${pick(CITIES)}${SURNAMES[person % SURNAMES.length]}氏科技有限公司${person % 2000}`;
    batch.push([name, phone, r() < 0.1 ? email.toUpperCase() : email, company, pick(TITLES), pick(CITIES)].join(','));
    if (batch.length === 10_000) {
      await write(`${batch.join('\r\n')}\r\n`);
      batch = [];
    }
  }
  if (batch.length) await write(`${batch.join('\r\n')}\r\n`);
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
  return { duplicates };
}

/** BENCH_NODE_ARGS=--cpu-prof profiles the import itself (not the migrate and tenant steps before it). */
const nodeArgs = (args: string[]) => (args[0] === 'import' ? (process.env.BENCH_NODE_ARGS?.split(' ') ?? []) : []);

/** Runs `kehu <args>`; returns wall seconds, the peak RSS (kernel's VmHWM, sampled) and the output's tail. */
async function kehu(args: string[], env: NodeJS.ProcessEnv): Promise<{ seconds: number; peakRssMb: number; tail: string }> {
  const started = performance.now();
  const child = spawn(process.execPath, [...nodeArgs(args), KEHU, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let tail = '';
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString()).slice(-4000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let peak = 0;
  const sample = () => {
    try {
      const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
      if (hwm) peak = Math.max(peak, Number(hwm[1]) / 1024);
    } catch {}
  };
  const timer = setInterval(sample, 200);
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  clearInterval(timer);
  if (code !== 0) throw new Error(`kehu ${args[0]} exited with ${code}:\n${tail}`);
  return { seconds: (performance.now() - started) / 1000, peakRssMb: peak, tail };
}

/** The tables an import of contacts writes: the records, the companies it creates, audit entries, events and its journal. */
const WRITTEN = ['contacts', 'companies', 'audit_log', 'outbox', 'import_records'];

/**
 * What the import's writes cost PostgreSQL alone: every row the import wrote, already prepared,
 * inserted again with one INSERT ... SELECT per table into an empty copy that has the same
 * indexes (no foreign keys, triggers or row-level security). No import that keeps those
 * indexes up to date can write its rows faster; the COPY baseline maintains none.
 */
async function writeFloor(client: pg.Client): Promise<{ seconds: number; tables: { table: string; rows: number; indexes: number; seconds: number }[] }> {
  const tables = [];
  for (const table of WRITTEN) {
    await client.query(`create table bench_floor_${table} (like ${table} including all)`);
    const started = performance.now();
    const { rowCount } = await client.query(`insert into bench_floor_${table} select * from ${table}`);
    const seconds = (performance.now() - started) / 1000;
    const { rows } = await client.query('select count(*)::int as n from pg_indexes where tablename = $1', [table]);
    tables.push({ table, rows: rowCount ?? 0, indexes: rows[0].n as number, seconds });
    await client.query(`drop table bench_floor_${table}`);
  }
  return { seconds: tables.reduce((sum, t) => sum + t.seconds, 0), tables };
}

/**
 * A generated contact CSV imported through `kehu import` (the real pipeline: upload into
 * import_chunks, cleaning, validation, the email dedup rule, batches with checkpoints) beside a
 * raw `COPY` of the same file into a bare table, on a throwaway PostgreSQL database.
 */
export async function runImportBench(o: ImportBenchOptions): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'kehu-bench-import-'));
  chmodSync(dir, 0o755); // the server reads the file for COPY
  const file = join(dir, 'contacts.csv');
  say(`Import: writing ${o.n.toLocaleString('en')} rows...`);
  const { duplicates } = await writeCsv(file, o.n);
  chmodSync(file, 0o644);
  const store = await throwawayPostgres('kehu_bench_import');
  const env = {
    ...process.env,
    DATABASE_URL: store.url,
    KEHU_SECRET: 'bench-secret-bench-secret',
    KEHU_DEMO_DATA: '0',
    KEHU_ADMIN_EMAIL: 'admin@bench.kehu.local',
  };
  try {
    await kehu(['migrate'], env);
    await kehu(
      ['tenant', 'create', '--slug', 'default', '--name', 'Bench', '--admin-email', env.KEHU_ADMIN_EMAIL, '--admin-password', 'bench-password-123'],
      env,
    );
    const client = new pg.Client({ connectionString: store.url });
    await client.connect();
    let copySeconds: number;
    try {
      await client.query('create table bench_copy (name text, phone text, email text, company text, title text, city text)');
      const started = performance.now();
      await client.query(`copy bench_copy from '${file}' with (format csv, header true)`);
      copySeconds = (performance.now() - started) / 1000;
      say(`Import: COPY ${copySeconds.toFixed(1)} s`);
      const load = loadavg()
        .map((l) => l.toFixed(1))
        .join(' ');
      say('Import: kehu import...');
      const run = await kehu(['import', file, '--object', 'contacts', '--match', 'email', '--on-match', 'update'], env);
      const summary = /Import \S+ (\w+): (\d+) created, (\d+) updated, (\d+) skipped, (\d+) failed/.exec(run.tail);
      if (!summary) throw new Error(`no summary from kehu import:\n${run.tail}`);
      const [, status, created, updated, skipped, failed] = summary;
      const contacts = Number((await client.query('select count(*) as n from contacts')).rows[0].n);
      const ratio = run.seconds / copySeconds;
      say(`Import: ${run.seconds.toFixed(1)} s (${ratio.toFixed(1)}x COPY), peak RSS ${run.peakRssMb.toFixed(0)} MB; ${created} created, ${updated} updated`);
      const floor = await writeFloor(client);
      say(`Import: the written rows re-inserted in one statement per table: ${floor.seconds.toFixed(1)} s (${(floor.seconds / copySeconds).toFixed(1)}x COPY)`);
      const version = (await client.query(`select current_setting('server_version') as v`)).rows[0].v as string;
      writeBenchSection(o.out, 'import-postgres', [
        `## Import, PostgreSQL, ${o.n.toLocaleString('en')} contact rows`,
        '',
        `Command: \`${o.command}\`  `,
        `Machine: ${cpus().length} CPU (${cpus()[0]?.model.trim()}), Node ${process.version}, PostgreSQL ${version}, load average ${load} when the import started  `,
        `File: ${(statSync(file).size / 1024 / 1024).toFixed(0)} MB UTF-8 CSV with BOM (姓名, 手机号, 邮箱, 公司, 职务, 城市), ${duplicates.toLocaleString('en')} rows (${((duplicates / o.n) * 100).toFixed(1)}%) repeat an earlier person's email; phones typed four ways, some emails in capitals. Imported with \`--match email --on-match update\` (cleaning, validation, company links, dedup against rows already written).`,
        '',
        '| Run | wall seconds | rows/s | vs COPY | peak RSS MB |',
        '| --- | --- | --- | --- | --- |',
        `| \`COPY\` into a bare table (baseline) | ${copySeconds.toFixed(1)} | ${Math.round(o.n / copySeconds).toLocaleString('en')} | 1x | (server) |`,
        `| \`kehu import\` | ${run.seconds.toFixed(1)} | ${Math.round(o.n / run.seconds).toLocaleString('en')} | ${ratio.toFixed(1)}x | ${run.peakRssMb.toFixed(0)} |`,
        `| floor: the rows the import wrote, re-inserted in one statement per table into copies with the same indexes | ${floor.seconds.toFixed(1)} | | ${(floor.seconds / copySeconds).toFixed(1)}x | (server) |`,
        '',
        `Floor by table: ${floor.tables.map((t) => `${t.table} ${t.rows.toLocaleString('en')} rows, ${t.indexes} indexes, ${t.seconds.toFixed(2)} s`).join('; ')}.`,
        '',
        `Outcome: ${status}; ${Number(created).toLocaleString('en')} created, ${Number(updated).toLocaleString('en')} updated, ${skipped} skipped, ${failed} failed; ${contacts.toLocaleString('en')} contacts in the table. Targets: <= 3x COPY, peak RSS <= 500 MB.`,
      ]);
      say(`Wrote ${o.out}`);
    } finally {
      await client.end();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
    if (o.keep) say(`Kept ${store.url}`);
    else await store.drop();
  }
}
