import { sql } from 'kysely';
import type { Tx } from '#db/tx.ts';
import { findCompanyByName } from './import-records.repo.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
type Ref = { id: string; company_id?: string | null };

// Live records only; the oldest wins when two share a name (the one people have worked longest).
const first = async <T>(q: Promise<{ rows: T[] }>) => (await q).rows[0];

/** A company by id or name (case-insensitive; the name lookup is the one contacts' company column uses). */
export const findCompanyRef = (tx: Tx, value: string): Promise<Ref | undefined> =>
  UUID.test(value) ? first(sql<Ref>`select id from companies where deleted_at is null and id = ${value}::uuid`.execute(tx)) : findCompanyByName(tx, value);

/** A contact by id, email or name. */
export const findContactRef = (tx: Tx, value: string) =>
  first(
    sql<Ref>`select id, company_id from contacts where deleted_at is null and ${
      UUID.test(value)
        ? sql`id = ${value}::uuid`
        : value.includes('@')
          ? sql`email_keys(emails) && ${[value.toLowerCase()]}::text[]`
          : sql`lower(name) = lower(${value})`
    } order by created_at limit 1`.execute(tx),
  );

/** A deal by id or name. */
export const findDealRef = (tx: Tx, value: string) =>
  first(
    sql<Ref>`select id, company_id from deals where deleted_at is null and ${UUID.test(value) ? sql`id = ${value}::uuid` : sql`lower(name) = lower(${value})`}
    order by created_at limit 1`.execute(tx),
  );

/** An active user by sign-in email. */
export const findUserByEmail = (tx: Tx, email: string) => first(sql<Ref>`select id from users where lower(email) = lower(${email}) limit 1`.execute(tx));

/** An open pipeline by its Chinese or English name (or id). */
export const findPipelineRef = (tx: Tx, value: string) =>
  first(
    sql<Ref>`select id from pipelines where closed_at is null and ${
      UUID.test(value) ? sql`id = ${value}::uuid` : sql`(lower(name->>'zh') = lower(${value}) or lower(name->>'en') = lower(${value}))`
    } order by is_default desc, position, created_at limit 1`.execute(tx),
  );

/** A stage of the pipeline by its Chinese or English name (or id). */
export const findStageRef = (tx: Tx, pipelineId: string, value: string) =>
  first(
    sql<Ref>`select id from pipeline_stages where pipeline_id = ${pipelineId} and ${
      UUID.test(value) ? sql`id = ${value}::uuid` : sql`(lower(name->>'zh') = lower(${value}) or lower(name->>'en') = lower(${value}))`
    } order by position limit 1`.execute(tx),
  );

export async function tenantTimezone(tx: Tx, tenantId: string): Promise<string> {
  const { rows } = await sql<{ timezone: string }>`select timezone from tenants where id = ${tenantId}`.execute(tx);
  return rows[0]?.timezone ?? 'Asia/Shanghai';
}
