import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Database, openDatabase } from '#db/database.ts';
import { SETUP_MARK } from '#db/deferred-begin.ts';
import { migrateToLatest } from '#db/migrator.ts';
import { masterKeyFrom } from '#platform/crypto/field-crypto.ts';
import { createTenant } from '#platform/tenancy/tenants.ts';
import { buildApp } from '../src/app.ts';
import { STANDARD_OBJECTS } from '../src/modules.ts';
import { benchConfig, type Captured, loggingDatabase, type Statement } from './capture.ts';
import { explainScenarios } from './explain.ts';
import { BENCH_ADMIN, BENCH_SECRET } from './load.ts';
import { throwawayPostgres, writeBenchSection } from './store.ts';

export type ObjectsBenchOptions = { engine: 'postgres' | 'pglite'; n: number; keep: boolean; out: string; command: string };

const say = (line: string) => process.stdout.write(`${line}\n`);
const CITIES = ['上海', '北京', '广州', '深圳', '杭州', '成都', '武汉', '南京', '西安', '苏州', 'Singapore', 'London'];

/**
 * A custom object ("distributors": region text, level number, signed date, a lookup to companies)
 * made through the API, N records bulk-loaded into its table, then each list the API compiles for
 * a filter or sort on its fields EXPLAINed as a request runs it (RLS role, tenant): every one
 * should read the field's index, not the table.
 */
export async function runObjectsBench(o: ObjectsBenchOptions): Promise<void> {
  const pg = o.engine === 'postgres' ? await throwawayPostgres('kehu_bench_objects') : null;
  const dir = pg ? null : mkdtempSync(join(tmpdir(), 'kehu-bench-objects-'));
  const db: Database = await openDatabase(pg ? { url: pg.url } : { dataDir: dir as string });
  try {
    await migrateToLatest(db);
    const { tenantId } = await createTenant(db.kysely, {
      objects: STANDARD_OBJECTS,
      slug: 'objbench',
      name: 'Objects bench',
      adminEmail: BENCH_ADMIN.email,
      adminPassword: BENCH_ADMIN.password,
      masterKey: masterKeyFrom(BENCH_SECRET),
    });
    let log: Statement[] = [];
    const logging = loggingDatabase(db, (e) => {
      if (e.level === 'query') log.push({ sql: e.query.sql, params: e.query.parameters });
    });
    const { app } = await buildApp({ db: logging.db, config: benchConfig(), secret: BENCH_SECRET, logger: false });
    try {
      const token = (await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: BENCH_ADMIN })).json().token as string;
      const call = async (method: 'GET' | 'POST', url: string, payload?: object) => {
        const res = await app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, ...(payload ? { payload } : {}) });
        if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body.slice(0, 300)}`);
        return res.json();
      };
      await call('POST', '/api/v1/custom-objects', { name: 'distributors', label: { zh: '经销商', en: 'Distributor' } });
      const field = (key: string, type: string, extra: object = {}) =>
        call('POST', '/api/v1/custom-fields', { object: 'distributors', key, type, label: { zh: key, en: key }, ...extra });
      await field('region', 'text');
      await field('level', 'number');
      await field('signed', 'date');
      await field('company', 'lookup', { target: 'company' });
      const companies: string[] = [];
      for (let i = 0; i < 200; i++) companies.push((await call('POST', '/api/v1/companies', { name: `公司 ${i}` })).id);
      const table = ((await db.raw(`select table_name from custom_objects where name = 'distributors'`)).rows[0] as { table_name: string }).table_name;
      const started = performance.now();
      await db.raw(
        `insert into ${table} (tenant_id, id, owner_id, name, custom, search_text, created_at)
         select $1::uuid, gen_random_uuid(), (select id from users limit 1), '经销商 ' || i,
           jsonb_build_object('region', ($2::text[])[1 + i % ${CITIES.length}], 'level', i % 1000,
             'signed', to_char(date '2020-01-01' + (i % 2000), 'YYYY-MM-DD'), 'company', ($3::text[])[1 + i % 200]),
           '经销商 ' || i, now() - (i || ' seconds')::interval
         from generate_series(1, $4::int) i`,
        [tenantId, CITIES, companies, o.n],
      );
      // As autovacuum would have by now (PGlite: the job runner's ANALYZE).
      for (const t of [table, 'companies', 'users']) await db.raw(`analyze ${t}`);
      say(`Objects: ${o.n.toLocaleString('en')} distributors loaded in ${((performance.now() - started) / 1000).toFixed(1)} s`);

      const q = (filter: object | null, sort?: string) =>
        `/api/v1/distributors?limit=50${filter ? `&filter=${encodeURIComponent(JSON.stringify(filter))}` : ''}${sort ? `&sort=${sort}` : ''}`;
      const scenarios = [
        { name: 'filter custom.level = 42', path: q({ 'custom.level': { eq: 42 } }) },
        { name: 'filter custom.level between 100 and 110, sort by it', path: q({ 'custom.level': { between: [100, 110] } }, 'custom.level') },
        { name: 'filter custom.region = 上海', path: q({ 'custom.region': { eq: '上海' } }) },
        { name: 'sort by custom.signed (first page)', path: q(null, '-custom.signed') },
        { name: 'related list: custom.company = a company', path: q({ 'custom.company': { eq: companies[7] } }) },
      ];
      const captured: Captured[] = [];
      for (const s of scenarios) {
        log = [];
        const t0 = performance.now();
        const page = await call('GET', s.path);
        const ms = performance.now() - t0;
        const main = log.filter((st) => st.sql.includes(`from "${table}"`) && /^\s*select \*/.test(st.sql));
        captured.push({
          name: `${s.name} (${page.data.length} rows, ${ms.toFixed(1)} ms through the API)`,
          kind: 'list',
          paths: [s.path],
          main,
          setup: log.filter((st) => st.sql.startsWith(SETUP_MARK)),
          statements: log.length,
        });
      }
      const plans = await explainScenarios(db, captured);
      const usesIndex = captured.map((c) => {
        const plan = plans.split('### ').find((p) => p.startsWith(c.name)) ?? '';
        return `| ${c.name} | ${/_[fd]_\w+/.exec(plan)?.[0] ?? (/Index/.test(plan) ? 'another index' : 'no index (scan)')} | ${/Execution Time: ([\d.]+ ms)/.exec(plan)?.[1] ?? '?'} |`;
      });
      const version = o.engine === 'postgres' ? ((await db.raw(`select current_setting('server_version') as v`)).rows[0] as { v: string }).v : '17.5 (PGlite)';
      const lines = [
        `### Custom objects: filters and sorts on their fields (${o.n.toLocaleString('en')} records, PostgreSQL ${version})`,
        '',
        `Command: \`${o.command}\`. A custom object made through the API, its rows bulk-loaded, each list the API compiles EXPLAINed (ANALYZE) under the request's RLS role and tenant.`,
        '',
        '| list | index | execution |',
        '|---|---|---|',
        ...usesIndex,
        '',
        '<details><summary>Plans</summary>',
        '',
        '```',
        plans,
        '```',
        '</details>',
      ];
      writeBenchSection(o.out, `objects-${o.engine}`, lines);
      for (const line of usesIndex) say(line);
    } finally {
      await app.close();
      await logging.close();
    }
  } finally {
    await db.close();
    if (pg && !o.keep) await pg.drop();
    if (dir && !o.keep) rmSync(dir, { recursive: true, force: true });
  }
}
