import { type Kysely, sql, type Transaction } from 'kysely';
import { isUuid } from './ids.ts';
import { SETUP_MARK } from './deferred-begin.ts';
import type { DB } from './schema.ts';

export type Tx = Transaction<DB>;

/**
 * Runs `work` in one transaction as the RLS-bound role `kehu_app` with `app.tenant` set,
 * so a query that forgets its tenant filter still cannot see another tenant's rows.
 */
export function inTenant<T>(db: Kysely<DB>, tenantId: string, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (tx) => {
    await enterTenant(tx, tenantId);
    return work(tx);
  });
}

/**
 * A READ ONLY tenant transaction, for requests that only read (lists, counts, get by id).
 * PostgreSQL refuses any write in it, which lets its COMMIT ride with the connection's next
 * statement instead of costing a round trip of its own (deferred-begin.ts).
 */
export function inTenantRead<T>(db: Kysely<DB>, tenantId: string, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db
    .transaction()
    .setAccessMode('read only')
    .execute(async (tx) => {
      await enterTenant(tx, tenantId);
      return work(tx);
    });
}

/**
 * Binds the rest of an open transaction to one tenant, under row-level security. The search
 * threshold rides along so `q` needs no extra round trip. The tenant id is written as a literal
 * (checked to be a uuid first): a statement without parameters, marked as setup, goes out with
 * the transaction's BEGIN and its first statement in one round trip on PostgreSQL (deferred-begin.ts).
 */
export async function enterTenant(tx: Tx, tenantId: string): Promise<void> {
  if (!isUuid(tenantId)) throw new Error(`Not a tenant id: ${JSON.stringify(tenantId)}`);
  await sql`${sql.raw(SETUP_MARK)}select set_config('app.tenant', ${sql.lit(tenantId)}, true), set_config('role', 'kehu_app', true),
    set_config('pg_trgm.word_similarity_threshold', '0.45', true)`.execute(tx);
}

/** A transaction as the connecting (owner) role: migrations, login lookups, jobs, CLI. */
export function inSystem<T>(db: Kysely<DB>, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction().execute(work);
}
