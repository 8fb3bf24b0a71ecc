import { sql } from 'kysely';
import type { Tx } from '#db/tx.ts';
import type { RecordTable, Row } from '#platform/records/records.repo.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// Live records only; the oldest wins when two share a name (the one people have worked longest).
const first = async <T>(q: Promise<{ rows: T[] }>) => (await q).rows[0];

/** A live record of `table` by id, by first email (`email`, for a value with @), or by name (any case). */
export const findRecordRef = (tx: Tx, table: RecordTable, value: string, o: { email?: boolean } = {}): Promise<Row | undefined> =>
  first(
    sql<Row>`select * from ${sql.table(table)} where deleted_at is null and ${
      UUID.test(value)
        ? sql`id = ${value}::uuid`
        : o.email && value.includes('@')
          ? sql`email_keys(emails) && ${[value.toLowerCase()]}::text[]`
          : sql`lower(name) = lower(${value})`
    } order by created_at limit 1`.execute(tx),
  );

/** An active user by sign-in email. */
export const findUserByEmail = (tx: Tx, email: string) =>
  first(sql<{ id: string }>`select id from users where lower(email) = lower(${email}) limit 1`.execute(tx));

export async function tenantTimezone(tx: Tx, tenantId: string): Promise<string> {
  const { rows } = await sql<{ timezone: string }>`select timezone from tenants where id = ${tenantId}`.execute(tx);
  return rows[0]?.timezone ?? 'Asia/Shanghai';
}
