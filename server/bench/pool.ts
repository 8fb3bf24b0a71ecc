import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { type Database, openDatabase } from '#db/database.ts';
import { migrateToLatest } from '#db/migrator.ts';
import { masterKeyFrom } from '#platform/crypto/field-crypto.ts';
import { newId } from '#platform/ids.ts';
import { buildObjectRegistry } from '#platform/objects/objects.service.ts';
import { createTenant } from '#platform/tenancy/tenants.ts';
import { runRecycling } from '#modules/pool/index.ts';
import { STANDARD_OBJECTS } from '../src/modules.ts';
import { throwawayPostgres, writeBenchSection } from './store.ts';

export type PoolBenchOptions = { engine: 'postgres' | 'pglite'; n: number; keep: boolean; out: string; command: string; dataDir?: string };

const say = (line: string) => process.stdout.write(`${line}\n`);
const secondsSince = (t: number) => (performance.now() - t) / 1000;

/**
 * CPU seconds used so far by each PostgreSQL backend of this database (Linux /proc, server on this
 * machine; empty otherwise). On a shared box wall time mostly measures the queue for the cores.
 */
async function backendCpu(db: Database): Promise<Map<number, number>> {
  const { rows } = await db.raw('select pid from pg_stat_activity where datname = current_database()');
  const cpu = new Map<number, number>();
  for (const { pid } of rows as { pid: number }[]) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
      cpu.set(pid, (Number(fields[11]) + Number(fields[12])) / 100);
    } catch {}
  }
  return cpu;
}

const cpuSince = (before: Map<number, number>, after: Map<number, number>) => [...after].reduce((sum, [pid, v]) => sum + v - (before.get(pid) ?? 0), 0);

/** Secondary indexes of a table, dropped for the bulk load and rebuilt after it. */
async function secondaryIndexes(db: Database, table: string): Promise<{ name: string; def: string }[]> {
  const { rows } = await db.raw(
    `select indexname as name, indexdef as def from pg_indexes where schemaname = 'public' and tablename = $1 and indexname <> $2`,
    [table, `${table}_pkey`],
  );
  return rows as { name: string; def: string }[];
}

/**
 * N companies owned by 20 reps in one tenant with one pool (everyone's; 30 days without follow-up,
 * reminder 7 days before), as the daily pass finds them once the rules have been running: last
 * follow-ups spread evenly over the last 31 days, so one day's worth (1/31) is due back and one
 * day's worth enters the 7-day warning (the six days before were warned by earlier passes).
 * A quarter of the companies have a contact; 5% won a deal lately (exempt), 1% are locked.
 * Bulk SQL with the secondary indexes rebuilt after the load.
 */
async function seedPool(db: Database, n: number): Promise<{ tenantId: string }> {
  const { tenantId, adminId } = await createTenant(db.kysely, {
    objects: STANDARD_OBJECTS,
    slug: 'poolbench',
    name: 'Pool bench',
    adminEmail: 'admin@poolbench.kehu.local',
    adminPassword: 'bench-password-123',
    masterKey: masterKeyFrom('bench-secret-bench-secret'),
  });
  const [team] = (await db.raw('select team_id from users where id = $1', [adminId])).rows as { team_id: string }[];
  const owners: string[] = [];
  for (let i = 1; i <= 20; i++) {
    const id = newId();
    await db.raw('insert into users (tenant_id, id, email, name, team_id) values ($1, $2, $3, $4, $5)', [
      tenantId,
      id,
      `rep${i}@poolbench.kehu.local`,
      `销售${i}`,
      team?.team_id,
    ]);
    owners.push(id);
  }
  await db.raw(
    `insert into pools (tenant_id, id, name, followup_days, remind_days, max_held, reclaim_cooldown_days) values ($1, $2, '公海', 30, 7, 100000, 7)`,
    [tenantId, newId()],
  );
  const indexes = [...(await secondaryIndexes(db, 'companies')), ...(await secondaryIndexes(db, 'contacts'))];
  for (const index of indexes) await db.raw(`drop index ${index.name}`);
  await db.raw('alter table companies disable trigger all');
  await db.raw('alter table contacts disable trigger all');
  const step = 200_000;
  for (let from = 1; from <= n; from += step) {
    await db.raw(
      `insert into companies (tenant_id, id, owner_id, name, search_text, created_at, updated_at, last_activity_at, created_by)
       select $1::uuid, gen_random_uuid(), ($2::uuid[])[1 + i % 20], '公司 ' || i, 'company ' || i, now() - interval '400 days', now() - interval '400 days',
         now() - ((i::bigint * 7919) % (31 * 86400)) * interval '1 second', $1::uuid
       from generate_series($3::int, $4::int) i`,
      [tenantId, owners, from, Math.min(n, from + step - 1)],
    );
    say(`  ${Math.min(n, from + step - 1).toLocaleString('en')} companies`);
  }
  await db.raw(
    `insert into contacts (tenant_id, id, owner_id, name, company_id, phones, emails, created_at, updated_at)
     select tenant_id, gen_random_uuid(), owner_id, name || ' 联系人', id, '[{"number":"13812341234","e164":"+8613812341234"}]', '[{"address":"a@example.com"}]', created_at, created_at
     from companies where tenant_id = $1 and hashtext(id::text) % 4 = 0`,
    [tenantId],
  );
  await db.raw(
    `insert into pool_customers (tenant_id, object, record_id, last_won_at, locked)
     select tenant_id, 'company', id, case when abs(hashtext(id::text)) % 100 < 5 then now() - interval '20 days' end, abs(hashtext(id::text)) % 100 = 99
     from companies where tenant_id = $1 and abs(hashtext(id::text)) % 100 in (0, 1, 2, 3, 4, 99)`,
    [tenantId],
  );
  // Earlier passes warned the owners of customers due within the next six days.
  await db.raw(
    `insert into pool_customers (tenant_id, object, record_id, reminded_due_at)
     select tenant_id, 'company', id, last_activity_at + interval '30 days' from companies
     where tenant_id = $1 and last_activity_at + interval '30 days' > now() and last_activity_at + interval '30 days' <= now() + interval '6 days'
     on conflict (tenant_id, object, record_id) do update set reminded_due_at = excluded.reminded_due_at`,
    [tenantId],
  );
  await db.raw('alter table companies enable trigger all');
  await db.raw('alter table contacts enable trigger all');
  const memory = db.kind === 'postgres' ? `set maintenance_work_mem = '512MB'; ` : '';
  for (const index of indexes) await db.raw(`${memory}${index.def}`);
  for (const table of ['companies', 'contacts', 'pool_customers', 'users']) await db.raw(`vacuum analyze ${table}`);
  return { tenantId };
}

async function createStore(engine: PoolBenchOptions['engine'], dataDir: string | undefined) {
  if (engine === 'pglite') return { target: dataDir as string, drop: async () => {} };
  const store = await throwawayPostgres('kehu_bench_pool');
  return { target: store.url, drop: store.drop };
}

/** Seeds N companies and times one recycling pass (the cron job's function) over them. */
export async function runPoolBench(o: PoolBenchOptions): Promise<void> {
  const store = await createStore(o.engine, o.dataDir);
  let db: Database | null = null;
  try {
    db = await openDatabase(o.engine === 'postgres' ? { url: store.target, poolSize: 4 } : { dataDir: store.target });
    await migrateToLatest(db);
    say(`Pool: seeding ${o.n.toLocaleString('en')} companies...`);
    const seeding = performance.now();
    const { tenantId } = await seedPool(db, o.n);
    const seedSeconds = secondsSince(seeding);
    const load = loadavg()
      .map((l) => l.toFixed(1))
      .join(' ');
    say(`Pool: seeded in ${seedSeconds.toFixed(0)} s; one recycling pass...`);
    const cpuBefore = await backendCpu(db);
    const nodeBefore = process.cpuUsage();
    const started = performance.now();
    const result = await runRecycling({ db, objects: buildObjectRegistry(STANDARD_OBJECTS) });
    const seconds = secondsSince(started);
    const node = process.cpuUsage(nodeBefore);
    const pgCpu = cpuSince(cpuBefore, await backendCpu(db));
    const nodeCpu = (node.user + node.system) / 1e6;
    const { rows } = await db.raw(`select count(*) as n from pool_customers where tenant_id = $1 and pool_id is not null`, [tenantId]);
    say(
      `Pool: ${result.recycled.toLocaleString('en')} recycled, ${result.reminded.toLocaleString('en')} reminded in ${seconds.toFixed(1)} s (CPU: PostgreSQL ${pgCpu.toFixed(1)} s, Node ${nodeCpu.toFixed(1)} s)`,
    );
    const again = performance.now();
    const second = await runRecycling({ db, objects: buildObjectRegistry(STANDARD_OBJECTS) });
    const secondSeconds = secondsSince(again);
    say(`Pool: a second pass (nothing due) ${secondSeconds.toFixed(1)} s, ${second.recycled} recycled, ${second.reminded} reminded`);
    const version = o.engine === 'postgres' ? ((await db.raw(`select current_setting('server_version') as v`)).rows[0] as { v: string }).v : '17.5 (PGlite)';
    writeBenchSection(o.out, `pool-${o.engine}`, [
      `## Pool recycling, ${o.engine === 'postgres' ? 'PostgreSQL' : 'PGlite'}, ${o.n.toLocaleString('en')} companies`,
      '',
      `Command: \`${o.command}\`  `,
      `Machine: ${cpus().length} CPU (${cpus()[0]?.model.trim()}), Node ${process.version}, PostgreSQL ${version}, load average ${load} when the pass started  `,
      `Seeded in ${seedSeconds.toFixed(0)} s: ${o.n.toLocaleString('en')} companies (20 owners, one pool: 30 days without follow-up, reminder 7 days before) as a daily pass finds them: last follow-ups spread over 31 days, so a day's worth is due back and a day's worth enters the warning window; a contact for a quarter of them, 5% won lately, 1% locked.`,
      '',
      '| Pass | recycled | reminded (tasks) | wall seconds | PostgreSQL CPU s | Node CPU s |',
      '| --- | --- | --- | --- | --- | --- |',
      `| daily pass | ${result.recycled.toLocaleString('en')} | ${result.reminded.toLocaleString('en')} | ${seconds.toFixed(1)} | ${pgCpu.toFixed(1)} | ${nodeCpu.toFixed(1)} |`,
      `| the same pass again (nothing new due) | ${second.recycled} | ${second.reminded} | ${secondSeconds.toFixed(1)} | | |`,
      '',
      `Companies in the pool after the pass: ${Number((rows[0] as { n: string }).n).toLocaleString('en')}. Each moved company (and contact) got its audit entry and outbox event in the same statement.`,
    ]);
    say(`Wrote ${o.out}`);
  } finally {
    await db?.close();
    if (o.keep) say(`Kept ${store.target}`);
    else await store.drop();
  }
}
