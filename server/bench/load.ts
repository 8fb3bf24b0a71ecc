import type { Database } from '#db/database.ts';
import { masterKeyFrom } from '#platform/crypto/field-crypto.ts';
import { newId } from '#platform/ids.ts';
import { createTenant } from '#platform/tenancy/tenants.ts';
import { STANDARD_OBJECTS } from '../src/modules.ts';
import { type Company, type ContactRow, companyName, personRow, recordFields, rng } from './data.ts';

export const BENCH_SECRET = 'bench-secret-bench-secret';
export const BENCH_ADMIN = { email: 'admin@bench.kehu.local', password: 'bench-password-123' };

export type Seeded = { tenantId: string; adminId: string; sampleIds: string[]; seconds: number };

// Column -> SQL type of the unnest() arrays; text columns that hold json/arrays are cast on insert.
const CONTACT_COLUMNS: [string, string][] = [
  ['id', 'uuid'],
  ['owner_id', 'uuid'],
  ['custom', 'jsonb'],
  ['created_at', 'timestamptz'],
  ['name', 'text'],
  ['family_name', 'text'],
  ['given_name', 'text'],
  ['company_id', 'uuid'],
  ['title', 'text'],
  ['phones', 'jsonb'],
  ['emails', 'jsonb'],
  ['address', 'jsonb'],
  ['source', 'text'],
  ['tier', 'text'],
  ['lifecycle_stage', 'text'],
  ['tags', 'text[]'],
  ['search_text', 'text'],
  ['phone_digits', 'text'],
  ['last_activity_at', 'timestamptz'],
];

const arrayLiteral = (tags: unknown) => `{${(tags as string[]).map((t) => `"${t}"`).join(',')}}`;

/** One multi-row insert through unnest(): a few parameters carry thousands of rows on both engines. */
async function insertContacts(db: Database, tenantId: string, adminId: string, rows: ContactRow[]) {
  const names = CONTACT_COLUMNS.map(([c]) => c);
  const casts = CONTACT_COLUMNS.map(([c, t]) => `u.${c}::${t}`);
  const unnest = CONTACT_COLUMNS.map(([, t], i) => `$${i + 3}::${t === 'uuid' || t === 'timestamptz' ? t : 'text'}[]`);
  const values = CONTACT_COLUMNS.map(([c]) => rows.map((row) => (c === 'tags' ? arrayLiteral(row.tags) : (row[c] ?? null))));
  await db.raw(
    `insert into contacts (tenant_id, created_by, updated_at, ${names.join(', ')})
     select $1::uuid, $2::uuid, u.created_at::timestamptz, ${casts.join(', ')}
     from unnest(${unnest.join(', ')}) as u(${names.join(', ')})`,
    [tenantId, adminId, ...values],
  );
}

/** Secondary indexes of contacts (from the migrations), dropped for the load and rebuilt after. */
async function contactIndexes(db: Database): Promise<{ name: string; def: string }[]> {
  const { rows } = await db.raw(
    `select indexname as name, indexdef as def from pg_indexes where schemaname = 'public' and tablename = 'contacts' and indexname <> 'contacts_pkey'`,
  );
  return rows as { name: string; def: string }[];
}

/**
 * One tenant with ~20 owners, N/500 companies and N contacts, loaded in batches of multi-row
 * inserts with the contact indexes rebuilt afterwards (much faster than maintaining GIN per row).
 */
export async function seedBench(db: Database, n: number, say: (line: string) => void): Promise<Seeded> {
  const started = performance.now();
  const { tenantId, adminId } = await createTenant(db.kysely, {
    objects: STANDARD_OBJECTS,
    slug: 'bench',
    name: 'Bench',
    adminEmail: BENCH_ADMIN.email,
    adminPassword: BENCH_ADMIN.password,
    masterKey: masterKeyFrom(BENCH_SECRET),
  });
  const [team] = (await db.raw('select team_id from users where id = $1', [adminId])).rows;
  const owners = [adminId];
  for (let i = 1; i < 20; i++) {
    const id = newId();
    await db.raw('insert into users (tenant_id, id, email, name, team_id) values ($1, $2, $3, $4, $5)', [
      tenantId,
      id,
      `rep${i}@bench.kehu.local`,
      i % 2 ? `销售${i}` : `Rep ${i}`,
      team?.team_id,
    ]);
    owners.push(id);
  }
  const r = rng(42);
  const companies: Company[] = [];
  for (let i = 0; i < Math.max(20, Math.floor(n / 500)); i++) companies.push({ id: newId(), ...companyName(r, i) });
  await db.raw(
    `insert into companies (tenant_id, id, owner_id, name, website, search_text, created_by)
     select $1::uuid, u.id, u.owner, u.name, u.site, lower(u.name || ' ' || u.site), $2::uuid from unnest($3::uuid[], $4::uuid[], $5::text[], $6::text[]) as u(id, owner, name, site)`,
    [
      tenantId,
      adminId,
      companies.map((c) => c.id),
      companies.map((_, i) => owners[i % owners.length]),
      companies.map((c) => c.name),
      companies.map((c) => `https://${c.domain}`),
    ],
  );
  const indexes = await contactIndexes(db);
  for (const index of indexes) await db.raw(`drop index ${index.name}`);
  // Foreign-key checks per row would double the load time; the rows are consistent by construction.
  await db.raw('alter table contacts disable trigger all');
  const now = Date.now();
  // Up to 50k distinct people (the definition's derived columns cost ~50 µs a row); beyond that,
  // records reuse them with their own id, owner, stage, tags, custom fields and dates.
  const people = Array.from({ length: Math.min(n, 50_000) }, () => personRow(r, companies));
  const sampleIds: string[] = [];
  const batch = db.kind === 'postgres' ? 5000 : 2000;
  // Generate the next batch while earlier ones are inserted (several at once on a server).
  const inFlight: Promise<void>[] = [];
  const parallel = db.kind === 'postgres' ? 3 : 1;
  for (let done = 0; done < n; done += batch) {
    const rows = Array.from({ length: Math.min(batch, n - done) }, (_, i) => ({
      id: newId(),
      ...(people[(done + i) % people.length] as ContactRow),
      ...recordFields(r, owners, now),
    }));
    sampleIds.push(...rows.filter((_, i) => i % 97 === 0).map((row) => row.id));
    if (inFlight.length >= parallel) await inFlight.shift();
    inFlight.push(insertContacts(db, tenantId, adminId, rows));
    if ((done / batch) % 40 === 0) say(`  ${done.toLocaleString()} contacts...`);
  }
  await Promise.all(inFlight);
  await db.raw('alter table contacts enable trigger all');
  say(`  rows in ${((performance.now() - started) / 1000).toFixed(1)} s; building ${indexes.length} indexes`);
  const memory = db.kind === 'postgres' ? `set maintenance_work_mem = '512MB'; ` : '';
  for (const index of indexes) await db.raw(`${memory}${index.def}`);
  await db.raw('vacuum analyze contacts');
  await db.raw('vacuum analyze companies');
  return { tenantId, adminId, sampleIds: sampleIds.slice(0, 1000), seconds: (performance.now() - started) / 1000 };
}
